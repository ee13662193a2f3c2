import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SCHEMA } from './database';

/**
 * The gapless counters behind publication's numbers: 公示 numbers per jurisdiction and year
 * (`public-notice:220100:2026`), 备案通知 numbers and 备案编号 per year (`filing-notice:2026`, `filing-number:2026`), and
 * the national feed's sequence (`national-feed`). `next` takes the counter's row lock until the caller's transaction
 * ends: numbers are drawn in commit order, and a rolled-back transaction gives its number back, so none is skipped.
 */
@Injectable()
export class CounterRepository {
  async next(manager: EntityManager, name: string): Promise<number> {
    const [{ value }] = await manager.query(
      `INSERT INTO ${SCHEMA}.counter (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = ${SCHEMA}.counter.value + 1 RETURNING value`,
      [name],
    );
    return Number(value);
  }
}
