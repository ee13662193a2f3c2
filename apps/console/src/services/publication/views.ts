// What publication answers (its OpenAPI document names no response types).
export interface PublicNotice {
  noticeId: string;
  institution: { name: string; creditCode: string; kind: string; address: string };
  applicationKind: string;
  jurisdiction: { code: string; name: string };
  occupations: { code: string; name: string; workType?: string; levels: { level: number; name: string }[] }[];
  period: { startDate: string; endDate: string; workingDays: number; publicationDayCounts: boolean };
  acceptingObjections: boolean;
  status: 'open' | 'awaiting-objections' | 'closed';
  outcome: string | null;
  contact: { unit: string; phone?: string; address?: string };
  howToObject: string;
}

export interface NoticeList {
  today: string;
  total: number;
  items: PublicNotice[];
}

export interface CalendarDay {
  date: string;
  working: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'make-up-workday';
  name?: string;
}

export interface ObjectionReceipt {
  receiptNumber: string;
  objectionId: string;
  noticeId: string;
  receivedAt: string;
}

export interface ObjectionStatus {
  receiptNumber: string;
  status: 'open' | 'investigating' | 'upheld' | 'dismissed';
  receivedAt: string;
  resolvedAt: string | null;
  resolutionReason: string | null;
  noticeId: string;
  institution: string;
}

export interface RegisterEntry {
  name: string;
  creditCode: string;
  kind: string;
  jurisdiction: string;
  jurisdictionName: string;
  scope: string;
  contact?: { person?: string; phone?: string };
  occupations: { code: string; name: string; workType?: string; levels: number[] }[];
  filingNumber: string | null;
  noticeNumber: string;
  noticeDate: string;
  filings: { filingId?: string; noticeNumber: string; noticeDate: string; applicationKind: string; filingNumber?: string }[];
  status: string;
  statusReason?: string | null;
  suspendedFrom?: string | null;
  suspendedUntil?: string | null;
  source?: 'platform' | 'historical';
}

export interface RegisterPage {
  total: number;
  page: number;
  pageSize: number;
  items: RegisterEntry[];
}

export interface Coverage {
  occupations: {
    code: string;
    name: string;
    jurisdictions: { code: string; name: string; institutions: number; levels: number[] }[];
    citiesWithout: { code: string; name: string }[];
  }[];
}

/** A level with its name, as the verification page lists it. */
export interface NamedLevel {
  level: number;
  name: string;
}

/** GET /public/filings/{filingId}/verification: what a filing notice's QR code opens. */
export interface FilingVerification {
  genuine: true;
  valid: boolean;
  message: string;
  notice: {
    filingId: string;
    noticeNumber: string;
    noticeDate: string;
    filingNumber: string | null;
    issuingAuthority: string;
    applicationKind: string;
    institution: { name: string; creditCode: string; kind: string; jurisdictionName: string };
    occupations: { code: string; name: string; workType?: string; levels: NamedLevel[] }[];
  };
  document: { sha256: string; size: number; url: string } | null;
  register: {
    name: string;
    creditCode: string;
    kind: string;
    jurisdictionName: string;
    status: 'valid' | 'suspended' | 'withdrawn' | 'cancelled';
    statusName: string;
    statusReason: string | null;
    suspension: { from: string; until: string | null } | null;
    occupations: { code: string; name: string; workType?: string; levels: NamedLevel[] }[];
    history: {
      action: string;
      actionName: string;
      status: string;
      reason: string;
      decisionReference: string | null;
      suspension: { from: string; until: string | null } | null;
      previousDetails: Record<string, string> | null;
      authority: string;
      decidedAt: string;
    }[];
  } | null;
}

/** POST /register/imports: the historical register import's answer (201 imported, 422 rejected). */
export interface RegisterImportResult {
  importId: string;
  status: 'imported' | 'rejected';
  rows: number;
  imported: number;
  institutions: { creditCode: string; name: string; occupations: number }[];
  errors: { row: number; column: string; message: string }[];
  message?: string;
}

export interface RegisterImportList {
  items: { importId: string; fileName: string; status: 'imported' | 'rejected'; rows: number; imported: number; errorCount: number; importedAt: string }[];
}

/** A notice as the centre lists it (`GET /notices`). */
export interface StaffNotice {
  id: string;
  caseId: string;
  jurisdiction: string;
  applicationKind: string;
  institution: { name: string; creditCode: string; kind: string };
  occupations: { code: string; name: string; workType?: string; levels: number[] }[];
  startDate: string;
  endDate: string;
  workingDays: number;
  status: 'open' | 'awaiting-objections' | 'closed';
}

/** A 公示批次 as the centre lists it (`GET /notice-batches`). */
export interface NoticeBatchSummary {
  id: string;
  number: string;
  jurisdiction: string;
  issueDate: string;
  createdAt: string;
  notices: number;
}

export interface CreatedNoticeBatch {
  batchId: string;
  number: string;
  issueDate: string;
  notices: { position: number; noticeId: string; caseId: string; institutionName: string }[];
}

/** One 公示 listing several institutions (`GET /public/notice-batches/{id}`): each row keeps its own window. */
export interface PublicNoticeBatch {
  batchId: string;
  number: string;
  issueDate: string;
  title: string;
  jurisdiction: { code: string; name: string };
  issuingUnit: { unit: string; phone?: string; address?: string };
  commonPeriod: { startDate: string; endDate: string; workingDays: number } | null;
  rows: {
    position: number;
    noticeId: string;
    institution: { name: string; creditCode: string; kind: string; kindName: string };
    applicationKind: string;
    occupations: { code: string; name: string; workType?: string; levels: { level: number; name: string }[] }[];
    period: { startDate: string; endDate: string; workingDays: number };
    acceptingObjections: boolean;
    status: 'open' | 'awaiting-objections' | 'closed';
    outcome: string | null;
  }[];
  pdfUrl: string;
  howToObject: string;
}
