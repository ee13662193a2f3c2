import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FilingIssued, OccupationPart } from '@filing/contracts';
import type { RegisterStatus } from '@filing/contracts';
import { SCHEMA } from '../../infrastructure/database';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../notices/notice.row';
import { RegisterReadModelStore } from './register-read-model.store';

/** A register entry (备案名录) as stored. */
export interface RegisterEntryRow {
  creditCode: string;
  name: string;
  kind: string;
  jurisdiction: string;
  jurisdictionName: string;
  scope: string;
  address: string | null;
  contact: Record<string, string>;
  occupations: OccupationPart[];
  filings: { filingId?: string; noticeNumber: string; noticeDate: string; applicationKind: string; occupations: string[] }[];
  filingNumber: string | null;
  noticeNumber: string;
  noticeDate: string;
  status: RegisterStatus;
  statusReason: string | null;
  suspendedFrom: string | null;
  suspendedUntil: string | null;
  source: 'platform' | 'historical';
}

const ENTRY_COLUMNS = `r.credit_code AS "creditCode", r.name, r.kind, r.jurisdiction, r.jurisdiction_name AS "jurisdictionName", r.scope,
  coalesce(r.address, r.contact->>'address') AS address, r.contact, r.occupations, r.filings, r.filing_number AS "filingNumber",
  r.notice_number AS "noticeNumber", to_char(r.notice_date, 'YYYY-MM-DD') AS "noticeDate", r.status, r.status_reason AS "statusReason",
  to_char(r.suspended_from, 'YYYY-MM-DD') AS "suspendedFrom", to_char(r.suspended_until, 'YYYY-MM-DD') AS "suspendedUntil", r.source`;

export interface FilingRecord {
  id: string;
  caseId: string;
  noticeId: string | null;
  noticeNumber: string;
  noticeDate: string;
  filingNumber: string | null;
  payload: FilingIssued;
}

/** The filings module's SQL: filing notices and the register (their numbers come from CounterRepository). */
@Injectable()
export class FilingsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: RegisterReadModelStore,
  ) {}

  /** Every write of the register runs here: once it committed, this instance's next search reads it. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.register.changed();
    return result;
  }

  async lockNotice(manager: EntityManager, noticeId: string): Promise<NoticeRow | undefined> {
    const [notice] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1 FOR UPDATE`, [noticeId]);
    return notice;
  }

  async lockEntry(manager: EntityManager, creditCode: string): Promise<RegisterEntryRow | undefined> {
    const [entry] = await manager.query(`SELECT ${ENTRY_COLUMNS} FROM ${SCHEMA}.register_entry r WHERE r.credit_code = $1 FOR UPDATE`, [creditCode]);
    return entry;
  }

  async findEntry(creditCode: string): Promise<RegisterEntryRow | undefined> {
    const [entry] = await this.dataSource.query(`SELECT ${ENTRY_COLUMNS} FROM ${SCHEMA}.register_entry r WHERE r.credit_code = $1`, [creditCode]);
    return entry;
  }

  /** The headers and payload the outbox stored for an event: kept on the feed row so a replay sends exactly those. */
  async storedEvent(manager: EntityManager, id: string): Promise<{ headers: unknown; payload: unknown }> {
    const [published] = await manager.query(`SELECT headers, payload FROM ${SCHEMA}.outbox WHERE id = $1`, [id]);
    return published;
  }

  async insertFiling(
    manager: EntityManager,
    f: {
      id: string;
      caseId: string;
      noticeId: string;
      year: number;
      seq: number;
      noticeNumber: string;
      noticeDate: string;
      sequence: number;
      issuedBy: unknown;
      issuedAt: Date;
      stored: { headers: unknown; payload: unknown };
      filingNumber: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${SCHEMA}.filing (id, case_id, notice_id, notice_year, notice_seq, notice_number, notice_date, feed_sequence, issued_by, issued_at, event_headers, event_payload, filing_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        f.id,
        f.caseId,
        f.noticeId,
        f.year,
        f.seq,
        f.noticeNumber,
        f.noticeDate,
        f.sequence,
        JSON.stringify(f.issuedBy),
        f.issuedAt,
        JSON.stringify(f.stored.headers),
        JSON.stringify(f.stored.payload),
        f.filingNumber,
      ],
    );
  }

  async markNoticeIssued(manager: EntityManager, noticeId: string): Promise<void> {
    await manager.query(`UPDATE ${SCHEMA}.notice SET filing_status = 'issued' WHERE id = $1`, [noticeId]);
  }

  /**
   * A later filing of a registered institution. An add-occupation filing keeps the entry's status as decided (a
   * suspension is lifted only by its own decision, 恢复, which the feed carries); a new filing (after 撤销 or 注销)
   * makes the entry valid again.
   */
  async extendEntry(
    manager: EntityManager,
    e: {
      creditCode: string;
      occupations: OccupationPart[];
      filings: unknown[];
      name: string;
      contact: unknown;
      at: Date;
      filingNumber: string;
      newFiling: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${SCHEMA}.register_entry SET occupations = $2, filings = $3, name = $4, contact = $5, updated_at = $6,
         filing_number = coalesce(filing_number, $7), address = coalesce($5::jsonb->>'address', address),
         status = CASE WHEN $8::boolean THEN 'valid' ELSE status END,
         status_reason = CASE WHEN $8::boolean THEN NULL ELSE status_reason END,
         suspended_from = CASE WHEN $8::boolean THEN NULL ELSE suspended_from END,
         suspended_until = CASE WHEN $8::boolean THEN NULL ELSE suspended_until END
       WHERE credit_code = $1`,
      [e.creditCode, JSON.stringify(e.occupations), JSON.stringify(e.filings), e.name, JSON.stringify(e.contact), e.at, e.filingNumber, e.newFiling],
    );
  }

  async insertEntry(
    manager: EntityManager,
    e: {
      creditCode: string;
      name: string;
      kind: string;
      jurisdiction: string;
      jurisdictionName: string;
      scope: string;
      contact: unknown;
      address: string | null;
      occupations: OccupationPart[];
      filings: unknown[];
      noticeNumber: string;
      noticeDate: string;
      at: Date;
      filingNumber: string | null;
      source: 'platform' | 'historical';
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${SCHEMA}.register_entry (credit_code, name, kind, jurisdiction, jurisdiction_name, scope, contact, occupations, filings, notice_number, notice_date, status, first_filed_at, updated_at, filing_number, address, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'valid', $12, $12, $13, $14, $15)`,
      [
        e.creditCode,
        e.name,
        e.kind,
        e.jurisdiction,
        e.jurisdictionName,
        e.scope,
        JSON.stringify(e.contact),
        JSON.stringify(e.occupations),
        JSON.stringify(e.filings),
        e.noticeNumber,
        e.noticeDate,
        e.at,
        e.filingNumber,
        e.address,
        e.source,
      ],
    );
  }

  async findFiling(filingId: string): Promise<FilingRecord | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT id, case_id AS "caseId", notice_id AS "noticeId", notice_number AS "noticeNumber", to_char(notice_date, 'YYYY-MM-DD') AS "noticeDate",
              filing_number AS "filingNumber", event_payload AS payload
         FROM ${SCHEMA}.filing WHERE id = $1`,
      [filingId],
    );
    return row;
  }

  /** Closed notices waiting for their filing notice (报请下发备案通知), oldest first. */
  async filingRequests(): Promise<NoticeRow[]> {
    return this.dataSource.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.filing_status = 'requested' ORDER BY n.closed_at`);
  }

  /** 就近就地: per occupation and jurisdiction, the valid filed institutions and the levels they cover. */
  async coverage(): Promise<{ code: string; name: string; jurisdiction: string; institutions: number; levels: number[] }[]> {
    return this.dataSource.query(
      `SELECT occ->>'code' AS code, min(occ->>'name') AS name, r.jurisdiction, count(DISTINCT r.credit_code)::int AS institutions,
              array_agg(DISTINCT lvl::int) AS levels
         FROM ${SCHEMA}.register_entry r, jsonb_array_elements(r.occupations) occ, jsonb_array_elements_text(occ->'levels') lvl
        WHERE r.status = 'valid'
        GROUP BY occ->>'code', r.jurisdiction
        ORDER BY occ->>'code', r.jurisdiction`,
    );
  }
}

export interface RegisterChangeRow {
  id: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  reason: string;
  decisionReference: string | null;
  periodFrom: string | null;
  periodUntil: string | null;
  changes: Record<string, string> | null;
  decidedBy: { authority: string; jurisdiction: string };
  decidedAt: Date;
  sequence: number;
}

/** The register's changes after filing (变更, 暂停, 恢复, 撤销, 注销), each also a national feed row. */
@Injectable()
export class RegisterChangesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    c: {
      id: string;
      creditCode: string;
      action: string;
      fromStatus: string;
      toStatus: string;
      reason: string;
      decisionReference: string | null;
      period: { from: string; until?: string } | null;
      changes: Record<string, string> | null;
      decidedBy: unknown;
      decidedAt: Date;
      decidedDate: string;
      sequence: number;
      stored: { headers: unknown; payload: unknown };
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${SCHEMA}.register_change (id, credit_code, action, from_status, to_status, reason, decision_ref, period_from, period_until, changes, decided_by, decided_at, decided_date, feed_sequence, event_headers, event_payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        c.id,
        c.creditCode,
        c.action,
        c.fromStatus,
        c.toStatus,
        c.reason,
        c.decisionReference,
        c.period?.from ?? null,
        c.period?.until ?? null,
        c.changes ? JSON.stringify(c.changes) : null,
        JSON.stringify(c.decidedBy),
        c.decidedAt,
        c.decidedDate,
        c.sequence,
        JSON.stringify(c.stored.headers),
        JSON.stringify(c.stored.payload),
      ],
    );
  }

  async applyToEntry(
    manager: EntityManager,
    e: {
      creditCode: string;
      status: string;
      reason: string | null;
      period: { from: string; until?: string } | null;
      name: string;
      address: string | null;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${SCHEMA}.register_entry SET status = $2, status_reason = $3, suspended_from = $4, suspended_until = $5, name = $6, address = $7, updated_at = $8 WHERE credit_code = $1`,
      [e.creditCode, e.status, e.reason, e.period?.from ?? null, e.period?.until ?? null, e.name, e.address, e.at],
    );
  }

  async of(creditCode: string): Promise<RegisterChangeRow[]> {
    return this.dataSource.query(
      `SELECT id, action, from_status AS "fromStatus", to_status AS "toStatus", reason, decision_ref AS "decisionReference",
              to_char(period_from, 'YYYY-MM-DD') AS "periodFrom", to_char(period_until, 'YYYY-MM-DD') AS "periodUntil", changes,
              decided_by AS "decidedBy", decided_at AS "decidedAt", feed_sequence::int AS sequence
         FROM ${SCHEMA}.register_change WHERE credit_code = $1 ORDER BY decided_at, feed_sequence`,
      [creditCode],
    );
  }
}
