import type { ApplicationKind, InstitutionPart, OccupationPart } from '@filing/contracts';
import type { NoticeOutcome } from './domain/notice-outcome';
import { SCHEMA } from '../infrastructure/database';

export type NoticeStatus = 'open' | 'awaiting-objections' | 'closed';
export type FilingStatus = 'none' | 'requested' | 'issued';

/** A public notice (公示) as stored. */
export interface NoticeRow {
  id: string;
  caseId: string;
  jurisdiction: string;
  applicationKind: ApplicationKind;
  institution: InstitutionPart;
  occupations: OccupationPart[];
  existingFilingNumber: string | null;
  approvedAt: Date;
  startDate: string;
  endDate: string;
  workingDays: number;
  publicationDayCounts: boolean;
  closesAt: Date;
  status: NoticeStatus;
  outcome: NoticeOutcome | null;
  remainingOccupations: OccupationPart[] | null;
  filingStatus: FilingStatus;
  openedAt: Date;
  closedAt: Date | null;
}

export const NOTICE_COLUMNS = `
  n.id, n.case_id AS "caseId", n.jurisdiction, n.application_kind AS "applicationKind", n.institution, n.occupations,
  n.existing_filing_number AS "existingFilingNumber", n.approved_at AS "approvedAt",
  to_char(n.start_date, 'YYYY-MM-DD') AS "startDate", to_char(n.end_date, 'YYYY-MM-DD') AS "endDate",
  n.working_days AS "workingDays", n.publication_day_counts AS "publicationDayCounts", n.closes_at AS "closesAt",
  n.status, n.outcome, n.remaining_occupations AS "remainingOccupations", n.filing_status AS "filingStatus",
  n.opened_at AS "openedAt", n.closed_at AS "closedAt"`;

export const NOTICE_FROM = `${SCHEMA}.notice n`;
