import { SCHEMA } from '../infrastructure/database';

export type ObjectionStatus = 'open' | 'investigating' | 'upheld' | 'dismissed';

export interface ObjectionRow {
  id: string;
  noticeId: string;
  receiptNumber: string;
  objectorName: string;
  objectorIdNumber: string;
  objectorPhone: string;
  objectorEmail: string | null;
  objectorAddress: string | null;
  reason: string;
  /** 证据及线索, as the objector gave them. */
  evidence: string | null;
  status: ObjectionStatus;
  investigationNote: string | null;
  scope: 'whole-case' | 'occupations' | null;
  struckOccupationCodes: string[];
  resolutionReason: string | null;
  resolvedBy: unknown;
  receivedAt: Date;
  resolvedAt: Date | null;
}

export const OBJECTION_COLUMNS = `
  o.id, o.notice_id AS "noticeId", o.receipt_number AS "receiptNumber", o.objector_name AS "objectorName",
  o.objector_id_number AS "objectorIdNumber", o.objector_phone AS "objectorPhone", o.objector_email AS "objectorEmail",
  o.objector_address AS "objectorAddress", o.reason, o.evidence, o.status, o.investigation_note AS "investigationNote", o.scope,
  o.struck_occupation_codes AS "struckOccupationCodes", o.resolution_reason AS "resolutionReason", o.resolved_by AS "resolvedBy",
  o.received_at AS "receivedAt", o.resolved_at AS "resolvedAt"`;

export const OBJECTION_FROM = `${SCHEMA}.objection o`;
