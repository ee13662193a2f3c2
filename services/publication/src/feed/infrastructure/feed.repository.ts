import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SCHEMA } from '../../infrastructure/database';

/** Where a replay starts: a sequence number, or a filing notice date (China), inclusive. */
export type ReplayFrom = { fromSequence: number; fromDate?: undefined } | { fromDate: string; fromSequence?: undefined };

/** A national event as the outbox first sent it: the same ce_id, key, headers and payload. */
export interface NationalEventRow {
  id: string;
  sequence: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: unknown;
}

/** The national feed as stored: filing notices and register status changes in one sequence (the national_feed view). */
@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

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

  /** The national events a replay sends, in sequence order, as first sent. */
  async toReplay(from: ReplayFrom): Promise<NationalEventRow[]> {
    return from.fromSequence !== undefined
      ? this.dataSource.query(`SELECT id, sequence, topic, key, headers, payload FROM ${SCHEMA}.national_feed WHERE sequence >= $1 ORDER BY sequence`, [
          from.fromSequence,
        ])
      : this.dataSource.query(`SELECT id, sequence, topic, key, headers, payload FROM ${SCHEMA}.national_feed WHERE feed_date >= $1 ORDER BY sequence`, [
          from.fromDate,
        ]);
  }

  /** The record of a replay the broker acknowledged. */
  async recordReplay(replay: { id: string; from: ReplayFrom; events: number; requestedBy: string; at: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${SCHEMA}.feed_replay (id, from_sequence, from_date, events, requested_by, replayed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [replay.id, replay.from.fromSequence ?? null, replay.from.fromDate ?? null, replay.events, replay.requestedBy, replay.at],
    );
  }
}
