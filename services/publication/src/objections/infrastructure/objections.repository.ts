import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SCHEMA } from '../../infrastructure/database';
import { ObjectorContact } from './objector-notifications';
import { OBJECTION_COLUMNS, OBJECTION_FROM, ObjectionRow, ObjectionStatus } from '../objection.row';

export interface NewObjection {
  id: string;
  noticeId: string;
  receiptNumber: string;
  name: string;
  idNumber: string;
  phone: string;
  email: string | null;
  address: string | null;
  reason: string;
  evidence: string | null;
  clientIp: string;
  receivedAt: Date;
}

export interface ObjectionResolution {
  outcome: 'upheld' | 'dismissed';
  scope: 'whole-case' | 'occupations' | null;
  struckOccupationCodes: string[];
  reason: string;
  resolvedBy: object;
  resolvedAt: Date;
}

/** Objections (异议) to public notices: the rows lodged by the public and settled by the centre. */
@Injectable()
export class ObjectionsRepository {
  async countOnNotice(m: EntityManager, noticeId: string): Promise<number> {
    const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM ${SCHEMA}.objection WHERE notice_id = $1`, [noticeId]);
    return count;
  }

  async insert(m: EntityManager, o: NewObjection): Promise<void> {
    await m.query(
      `INSERT INTO ${SCHEMA}.objection (id, notice_id, receipt_number, objector_name, objector_id_number, objector_phone, objector_email,
         objector_address, reason, evidence, client_ip, status, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12)`,
      [o.id, o.noticeId, o.receiptNumber, o.name, o.idNumber, o.phone, o.email, o.address, o.reason, o.evidence, o.clientIp, o.receivedAt],
    );
  }

  /** The notice an objection was lodged on, or undefined for an unknown objection. */
  async noticeIdOf(m: EntityManager, id: string): Promise<string | undefined> {
    const [row] = await m.query(`SELECT notice_id AS "noticeId" FROM ${SCHEMA}.objection WHERE id = $1`, [id]);
    return row?.noticeId;
  }

  /** The objection's status, locked for update (take the notice's lock first: the scheduler's order). */
  async lockStatus(m: EntityManager, id: string): Promise<ObjectionStatus | undefined> {
    const [row] = await m.query(`SELECT status FROM ${SCHEMA}.objection WHERE id = $1 FOR UPDATE`, [id]);
    return row?.status;
  }

  /** The objection locked with what its notice says about it (jurisdiction, case). */
  async lockWithNotice(m: EntityManager, id: string): Promise<{ status: ObjectionStatus; jurisdiction: string; caseId: string; noticeId: string } | undefined> {
    const [row] = await m.query(
      `SELECT o.status, n.jurisdiction, n.case_id AS "caseId", n.id AS "noticeId"
         FROM ${SCHEMA}.objection o JOIN ${SCHEMA}.notice n ON n.id = o.notice_id WHERE o.id = $1 FOR UPDATE OF o`,
      [id],
    );
    return row;
  }

  /** How the objector is reached: only what delivery needs (no ID number). */
  async contactOf(m: EntityManager, id: string): Promise<ObjectorContact> {
    const [row] = await m.query(
      `SELECT id AS "objectionId", receipt_number AS "receiptNumber", objector_name AS name, objector_phone AS phone, objector_email AS email
         FROM ${SCHEMA}.objection WHERE id = $1`,
      [id],
    );
    return row;
  }

  async markInvestigating(m: EntityManager, id: string, note: string): Promise<void> {
    await m.query(`UPDATE ${SCHEMA}.objection SET status = 'investigating', investigation_note = $2 WHERE id = $1`, [id, note]);
  }

  async resolve(m: EntityManager, id: string, r: ObjectionResolution): Promise<void> {
    await m.query(
      `UPDATE ${SCHEMA}.objection SET status = $2, scope = $3, struck_occupation_codes = $4, resolution_reason = $5, resolved_by = $6, resolved_at = $7 WHERE id = $1`,
      [id, r.outcome, r.scope, JSON.stringify(r.struckOccupationCodes), r.reason, JSON.stringify(r.resolvedBy), r.resolvedAt],
    );
  }

  /** The notice's jurisdiction and institution, for the access check of its objection lists. */
  async noticeSummary(m: EntityManager, noticeId: string): Promise<{ jurisdiction: string; institution: string } | undefined> {
    const [row] = await m.query(`SELECT jurisdiction, institution->>'name' AS institution FROM ${SCHEMA}.notice WHERE id = $1`, [noticeId]);
    return row;
  }

  async noticeState(m: EntityManager, noticeId: string): Promise<{ status: string; outcome: string | null }> {
    const [row] = await m.query(`SELECT status, outcome FROM ${SCHEMA}.notice WHERE id = $1`, [noticeId]);
    return row;
  }

  /** A notice's objections in the order they were received. */
  async onNotice(m: EntityManager, noticeId: string): Promise<ObjectionRow[]> {
    return m.query(`SELECT ${OBJECTION_COLUMNS} FROM ${OBJECTION_FROM} WHERE o.notice_id = $1 ORDER BY o.received_at, o.receipt_number`, [noticeId]);
  }

  /** What the objector may see by the receipt number: no personal data. */
  async statusByReceipt(m: EntityManager, receiptNumber: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await m.query(
      `SELECT o.receipt_number AS "receiptNumber", o.status, o.received_at AS "receivedAt", o.resolved_at AS "resolvedAt",
              o.resolution_reason AS "resolutionReason", n.id AS "noticeId", n.institution->>'name' AS institution
         FROM ${SCHEMA}.objection o JOIN ${SCHEMA}.notice n ON n.id = o.notice_id WHERE o.receipt_number = $1`,
      [receiptNumber],
    );
    return row;
  }
}
