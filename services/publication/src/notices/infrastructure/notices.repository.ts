import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PROVINCE_CODE } from '@filing/contracts';
import type { CaseApproved, OccupationPart } from '@filing/contracts';
import { SCHEMA } from '../../infrastructure/database';
import type { NoticeOutcome } from '../domain/notice-outcome';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../notice.row';

export interface AwaitingApproval {
  approval: object;
  approval_event_id: string;
  jurisdiction: string;
  year: number;
}

/** The notices module's SQL: notices (公示), approvals waiting for a year's calendar, and the objections they settle on. */
@Injectable()
export class NoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts the case's notice unless it has one; true when this call inserted it. */
  async insertNotice(
    manager: EntityManager,
    n: {
      id: string;
      approval: CaseApproved;
      startDate: string;
      endDate: string;
      workingDays: number;
      publicationDayCounts: boolean;
      closesAt: Date;
      openedAt: Date;
    },
  ): Promise<boolean> {
    const a = n.approval;
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO ${SCHEMA}.notice (id, case_id, jurisdiction, application_kind, institution, occupations, existing_filing_number, approved_at,
         start_date, end_date, working_days, publication_day_counts, closes_at, status, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'open', $14)
       ON CONFLICT (case_id) DO NOTHING RETURNING id`,
      [
        n.id,
        a.caseId,
        a.jurisdiction,
        a.applicationKind,
        JSON.stringify(a.institution),
        JSON.stringify(a.occupations),
        a.existingFilingNumber ?? null,
        new Date(a.approvedAt),
        n.startDate,
        n.endDate,
        n.workingDays,
        n.publicationDayCounts,
        n.closesAt,
        n.openedAt,
      ],
    );
    return inserted.length > 0;
  }

  async stopAwaiting(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`DELETE FROM ${SCHEMA}.notice_awaiting_calendar WHERE case_id = $1`, [caseId]);
  }

  /** A batch of waiting approvals, locked (SKIP LOCKED: replicas take different ones). */
  async lockAwaiting(manager: EntityManager, batch: number): Promise<AwaitingApproval[]> {
    return manager.query(
      `SELECT approval, approval_event_id, jurisdiction, year FROM ${SCHEMA}.notice_awaiting_calendar ORDER BY waiting_since LIMIT ${batch} FOR UPDATE SKIP LOCKED`,
    );
  }

  async lockAwaitingOf(manager: EntityManager, caseId: string): Promise<{ year: number; waiting_since: Date } | undefined> {
    const [row] = await manager.query(`SELECT year, waiting_since FROM ${SCHEMA}.notice_awaiting_calendar WHERE case_id = $1 FOR UPDATE`, [caseId]);
    return row;
  }

  async await(
    manager: EntityManager,
    w: { caseId: string; jurisdiction: string; approval: object; approvalEventId: string; year: number; since: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${SCHEMA}.notice_awaiting_calendar (case_id, jurisdiction, approval, approval_event_id, year, waiting_since) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id) DO UPDATE SET year = EXCLUDED.year`,
      [w.caseId, w.jurisdiction, JSON.stringify(w.approval), w.approvalEventId, w.year, w.since],
    );
  }

  /** Open notices whose window has ended, locked (SKIP LOCKED: one replica closes each). */
  async lockDue(manager: EntityManager, now: Date, batch: number): Promise<NoticeRow[]> {
    return manager.query(
      `SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.status = 'open' AND n.closes_at <= $1 ORDER BY n.closes_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`,
      [now],
    );
  }

  async lockNotice(manager: EntityManager, noticeId: string): Promise<NoticeRow | undefined> {
    const [notice] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1 FOR UPDATE`, [noticeId]);
    return notice;
  }

  async objectionsOf(
    manager: EntityManager,
    noticeId: string,
  ): Promise<{ status: string; scope: 'whole-case' | 'occupations' | null; struckOccupationCodes: string[] }[]> {
    return manager.query(`SELECT status, scope, struck_occupation_codes AS "struckOccupationCodes" FROM ${SCHEMA}.objection WHERE notice_id = $1`, [noticeId]);
  }

  async holdForObjections(manager: EntityManager, noticeId: string): Promise<void> {
    await manager.query(`UPDATE ${SCHEMA}.notice SET status = 'awaiting-objections' WHERE id = $1`, [noticeId]);
  }

  /** Closes the notice unless it is closed already; true when this call closed it. */
  async close(
    manager: EntityManager,
    c: { noticeId: string; outcome: NoticeOutcome; remainingOccupations: OccupationPart[]; closedAt: Date; filingRequested: boolean },
  ): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE ${SCHEMA}.notice SET status = 'closed', outcome = $2, remaining_occupations = $3, closed_at = $4, filing_status = $5
        WHERE id = $1 AND status <> 'closed' RETURNING id`,
      [c.noticeId, c.outcome, JSON.stringify(c.remainingOccupations), c.closedAt, c.filingRequested ? 'requested' : 'none'],
    );
    return rows.length > 0;
  }

  // ---- read side: the staff's and the public's views ----

  /** Notices of a jurisdiction (the province: all), newest first, optionally of one status. */
  async listForStaff(manager: EntityManager, jurisdiction: string, status: string | null): Promise<NoticeRow[]> {
    return manager.query(
      `SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM}
        WHERE ($1::text IS NULL OR n.status = $1) AND ($2::text = '${PROVINCE_CODE}' OR n.jurisdiction = $2)
        ORDER BY n.opened_at DESC LIMIT 500`,
      [status, jurisdiction],
    );
  }

  /** Approvals of a jurisdiction (the province: all) whose notice waits for a year of the working-day calendar. */
  async awaitingCalendarFor(manager: EntityManager, jurisdiction: string): Promise<object[]> {
    return manager.query(
      `SELECT case_id AS "caseId", jurisdiction, year AS "waitingForYear", waiting_since AS "waitingSince", approval->'institution'->>'name' AS "institutionName"
         FROM ${SCHEMA}.notice_awaiting_calendar WHERE ($1::text = '${PROVINCE_CODE}' OR jurisdiction = $1) ORDER BY waiting_since`,
      [jurisdiction],
    );
  }

  async byCase(manager: EntityManager, caseId: string): Promise<NoticeRow | undefined> {
    const [n] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.case_id = $1`, [caseId]);
    return n;
  }

  async awaitingOf(manager: EntityManager, caseId: string): Promise<{ jurisdiction: string; year: number } | undefined> {
    const [w] = await manager.query(`SELECT jurisdiction, year FROM ${SCHEMA}.notice_awaiting_calendar WHERE case_id = $1`, [caseId]);
    return w;
  }

  async byId(manager: EntityManager, id: string): Promise<NoticeRow | undefined> {
    const [n] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1`, [id]);
    return n;
  }

  /** Notices whose window runs on `today` (正在公示), newest first. */
  async running(manager: EntityManager, today: string): Promise<NoticeRow[]> {
    return manager.query(
      `SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.status = 'open' AND n.start_date <= $1 AND n.end_date >= $1 ORDER BY n.start_date DESC, n.opened_at DESC LIMIT 500`,
      [today],
    );
  }

  /** Notices whose window ended before `today` (往期公示), newest first, a page of them and the total. */
  async past(manager: EntityManager, today: string, limit: number, offset: number): Promise<{ total: number; rows: NoticeRow[] }> {
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM ${NOTICE_FROM} WHERE n.end_date < $1`, [today]);
    const rows: NoticeRow[] = await manager.query(
      `SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.end_date < $1 ORDER BY n.end_date DESC, n.opened_at DESC LIMIT $2 OFFSET $3`,
      [today, limit, offset],
    );
    return { total, rows };
  }
}
