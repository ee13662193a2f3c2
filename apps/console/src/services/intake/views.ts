import type { IntakeSchemas } from '../api';

export type Institution = IntakeSchemas['schemas']['InstitutionPart'];
export type Occupation = IntakeSchemas['schemas']['OccupationPart'];
export type CreateApplication = IntakeSchemas['schemas']['CreateApplicationRequest'];

export interface ChecklistItem {
  item: string;
  title: string;
  required: boolean;
}

export interface MaterialVersion {
  materialId: string;
  checklistItem: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  version: number;
  round?: number;
  uploadedAt?: string;
}

export interface TimelineEntry {
  eventId: string;
  kind: string;
  from: string | null;
  to: string | null;
  action: string | null;
  reason: string | null;
  at: string;
  details: Record<string, any>;
}

export interface ApplicationSummary {
  id: string;
  applicationKind: 'new-filing' | 'add-occupation';
  jurisdiction: string;
  institution: Institution;
  occupations: Occupation[];
  existingFilingNumber: string | null;
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'RESUBMITTED' | 'APPROVED' | 'REJECTED' | 'FILED';
  caseStage: string | null;
  round: number;
  returnCount: number;
  createdAt: string;
  submittedAt: string | null;
  resubmittedAt: string | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  checklist: ChecklistItem[];
  missingMaterials: ChecklistItem[];
  materials: MaterialVersion[];
  timeline: TimelineEntry[];
  returns: { at: string; atStage: string; reasons: (string | { item?: string; reason?: string; text?: string })[]; returnCount: number }[];
  outcome: TimelineEntry | null;
  filing: { noticeNumber: string; filingNumber?: string; noticeDate: string; issuingAuthority: string; filingId: string } | null;
}

export interface MaterialHistoryItem extends ChecklistItem {
  versions: MaterialVersion[];
}
