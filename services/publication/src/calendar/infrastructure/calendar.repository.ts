import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarOverride, WorkingDayCalendar } from '@filing/calendar';
import { SCHEMA } from '../../infrastructure/database';

/** The working-day calendar as of now: chinese-days plus the overrides an administrator loaded. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overrides(manager: EntityManager = this.dataSource.manager): Promise<(CalendarOverride & { note: string | null })[]> {
    return manager.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, note FROM ${SCHEMA}.calendar_override ORDER BY date`);
  }

  /** A year's arrangement replaced by the days given (the year's earlier overrides go). */
  async replaceYear(
    manager: EntityManager,
    year: number,
    days: { date: string; kind: string; note: string | null }[],
    loadedBy: string,
    loadedAt: Date,
  ): Promise<void> {
    await manager.query(`DELETE FROM ${SCHEMA}.calendar_override WHERE date >= $1 AND date <= $2`, [`${year}-01-01`, `${year}-12-31`]);
    for (const d of days) {
      await manager.query(`INSERT INTO ${SCHEMA}.calendar_override (date, kind, note, loaded_by, loaded_at) VALUES ($1, $2, $3, $4, $5)`, [
        d.date,
        d.kind,
        d.note,
        loadedBy,
        loadedAt,
      ]);
    }
  }

  async calendar(manager?: EntityManager): Promise<WorkingDayCalendar> {
    return new WorkingDayCalendar(await this.overrides(manager));
  }
}
