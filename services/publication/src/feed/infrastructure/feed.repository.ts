import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../../infrastructure/database';

/** The national feed as stored: filing notices and register status changes in one sequence (the national_feed view). */
@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every national event, in sequence order (`filingId` is the ce_id: a filing's, or a status change's). */
  async all(): Promise<{ filingId: string; sequence: number; topic: string; noticeNumber: string | null; noticeDate: string }[]> {
    const rows: { filingId: string; sequence: string; topic: string; noticeNumber: string | null; noticeDate: string }[] = await this.dataSource.query(
      `SELECT f.id AS "filingId", f.sequence, f.topic, f.payload->>'noticeNumber' AS "noticeNumber", to_char(f.feed_date, 'YYYY-MM-DD') AS "noticeDate"
         FROM ${SCHEMA}.national_feed f ORDER BY f.sequence`,
    );
    return rows.map((r) => ({ ...r, sequence: Number(r.sequence) }));
  }

  async from(fromSequence: number, limit: number): Promise<unknown[]> {
    const rows: { event: unknown }[] = await this.dataSource.query(
      `SELECT payload AS event FROM ${SCHEMA}.national_feed WHERE sequence >= $1 ORDER BY sequence LIMIT $2`,
      [fromSequence, limit],
    );
    return rows.map((r) => r.event);
  }
}
