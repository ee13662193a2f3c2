import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SCHEMA } from '../../infrastructure/database';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../notices/notice.row';
import type { BatchCandidate } from '../domain/notice-batch';

export interface NoticeBatchRow {
  id: string;
  number: string;
  jurisdiction: string;
  issueDate: string;
  createdAt: Date;
}

/** A batch with its notices, in the batch's order. */
export interface NoticeBatchWithNotices extends NoticeBatchRow {
  notices: NoticeRow[];
}

/** The notice-batches module's SQL: 公示批次 and the notices each lists. */
@Injectable()
export class NoticeBatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The listed notices, locked in id order (two batches taking overlapping notices queue, never deadlock), each with
   * the number of the batch it is in already.
   */
  async lockCandidates(manager: EntityManager, noticeIds: string[]): Promise<BatchCandidate[]> {
    const locked: { id: string; jurisdiction: string; status: string; endDate: string; institutionName: string }[] = await manager.query(
      `SELECT n.id, n.jurisdiction, n.status, to_char(n.end_date, 'YYYY-MM-DD') AS "endDate", n.institution->>'name' AS "institutionName"
         FROM ${NOTICE_FROM} WHERE n.id = ANY($1::uuid[]) ORDER BY n.id FOR UPDATE`,
      [noticeIds],
    );
    const batched: { noticeId: string; number: string }[] = await manager.query(
      `SELECT i.notice_id AS "noticeId", b.number FROM ${SCHEMA}.notice_batch_item i JOIN ${SCHEMA}.notice_batch b ON b.id = i.batch_id
        WHERE i.notice_id = ANY($1::uuid[])`,
      [noticeIds],
    );
    const inBatch = new Map(batched.map((b) => [b.noticeId, b.number]));
    return locked.map((n) => ({ ...n, inBatch: inBatch.get(n.id) ?? null }));
  }

  async insert(
    manager: EntityManager,
    b: { id: string; number: string; jurisdiction: string; issueDate: string; createdBy: object; createdAt: Date; noticeIds: string[] },
  ): Promise<void> {
    await manager.query(`INSERT INTO ${SCHEMA}.notice_batch (id, number, jurisdiction, issue_date, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      b.id,
      b.number,
      b.jurisdiction,
      b.issueDate,
      JSON.stringify(b.createdBy),
      b.createdAt,
    ]);
    await manager.query(
      `INSERT INTO ${SCHEMA}.notice_batch_item (batch_id, position, notice_id)
         SELECT $1, t.ord, t.id FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
      [b.id, b.noticeIds],
    );
  }

  async find(batchId: string, manager: EntityManager = this.dataSource.manager): Promise<NoticeBatchWithNotices | undefined> {
    const [batch]: NoticeBatchRow[] = await manager.query(
      `SELECT id, number, jurisdiction, to_char(issue_date, 'YYYY-MM-DD') AS "issueDate", created_at AS "createdAt" FROM ${SCHEMA}.notice_batch WHERE id = $1`,
      [batchId],
    );
    if (!batch) return undefined;
    const notices: NoticeRow[] = await manager.query(
      `SELECT ${NOTICE_COLUMNS} FROM ${SCHEMA}.notice_batch_item i JOIN ${NOTICE_FROM} ON n.id = i.notice_id WHERE i.batch_id = $1 ORDER BY i.position`,
      [batchId],
    );
    return { ...batch, notices };
  }

  /** Batches of a jurisdiction (the province: all), newest first, for the centre's list. */
  async listForStaff(jurisdiction: string, province: string): Promise<(NoticeBatchRow & { notices: number })[]> {
    return this.dataSource.query(
      `SELECT b.id, b.number, b.jurisdiction, to_char(b.issue_date, 'YYYY-MM-DD') AS "issueDate", b.created_at AS "createdAt",
              (SELECT count(*)::int FROM ${SCHEMA}.notice_batch_item i WHERE i.batch_id = b.id) AS notices
         FROM ${SCHEMA}.notice_batch b WHERE ($1::text = $2 OR b.jurisdiction = $1) ORDER BY b.created_at DESC LIMIT 500`,
      [jurisdiction, province],
    );
  }
}
