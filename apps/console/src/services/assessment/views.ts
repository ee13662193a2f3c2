// What assessment answers about a case's evaluation (its OpenAPI document names no response types).

export interface StandardSubItem {
  id: string;
  title: string;
  maxPoints: number;
  /** materials = 材料审核; onsite = 现场技术评估. */
  method: 'materials' | 'onsite';
  guidance: string;
  evidence: string;
}

export interface StandardItem {
  id: string;
  title: string;
  maxPoints: number;
  occupationRelated: boolean;
  subItems: StandardSubItem[];
}

export interface Evaluation {
  caseId: string;
  jurisdiction: string;
  stage: string | null;
  institutionKind: 'employer' | 'social-org' | null;
  applicationKind: 'new-filing' | 'add-occupation' | null;
  applicant: { name: string; creditCode: string } | null;
  occupations: { code: string; name: string; workType?: string; levels: number[] }[];
  groupId: string | null;
  members: { expertId: string; name: string; occupationCodes: string[]; leader: boolean; sheet: 'none' | 'draft' | 'submitted' }[];
  leaderExpertId: string | null;
  preliminaryRound: number;
  /** +1 each time the provincial re-check sends the comprehensive opinion back to the group. */
  comprehensiveRound: number;
  standard: {
    standardId: string;
    version: string;
    title: string;
    provisional: boolean;
    pinnedFor: string | null;
    total: number;
    passLine: number;
    vetoes: { id: string; title: string }[];
  } | null;
  scope: { occupationOnly: boolean; scopeMax: number; scale: number; items: StandardItem[] } | null;
  opinions: { opinionId: string; kind: OpinionKind; round: number; result: 'pass' | 'fail'; submittedAt: string }[];
}

export type OpinionKind = 'preliminary' | 'technical' | 'comprehensive';

export const ONSITE_METHODS = ['听取汇报', '现场查看', '访谈咨询', '质询答疑', '技术抽查'] as const;

export interface ScoreSheet {
  caseId: string;
  expertId: string;
  status: 'draft' | 'submitted';
  scores: { subItemId: string; score: number; note?: string }[];
  evidenceNote: string;
  methods: string[];
  vetoes: { vetoId: string; reason: string }[];
  submittedAt: string | null;
}

export interface Consolidation {
  items: {
    itemId: string;
    title: string;
    maxPoints: number;
    memberScores: { expertId: string; score: number; outlier: boolean }[];
    median: number;
    method: 'mean' | 'trimmed-mean';
    score: number;
  }[];
  rawTotal: number;
  scopeMax: number;
  scale: number;
  total: number;
  passLine: number;
  vetoes: { vetoId: string; title: string; flaggedBy: string[] }[];
  vetoed: boolean;
  result: 'pass' | 'fail';
  options: { trimFromMembers: number; outlierShareOfMax: number };
  occupationOnly?: boolean;
}

export interface ConsolidationPreview {
  caseId: string;
  complete: boolean;
  submittedBy: { expertId: string; name: string }[];
  waitingFor: { expertId: string; name: string }[];
  consolidation: Consolidation | null;
  vetoReasons: { vetoId: string; expertId: string; name: string; reason: string }[];
}

export interface OpinionDocument {
  opinionId: string;
  caseId: string;
  jurisdiction: string;
  kind: OpinionKind;
  round: number;
  result: 'pass' | 'fail';
  summary: string;
  reasons: string[];
  applicant: { name: string; creditCode: string } | null;
  institutionKind: 'employer' | 'social-org' | null;
  applicationKind: 'new-filing' | 'add-occupation' | null;
  occupations: { code: string; name: string; levels: number[] }[];
  group: { groupId: string | null; leader: { expertId: string; name: string }; members: { expertId: string; name: string; occupationCodes: string[] }[] };
  standard: { standardId: string; version: string; title: string; provisional: boolean; total: number; passLine: number };
  findings?: {
    expertId: string;
    name: string;
    subItemId: string | null;
    materialRef: string | null;
    material?: MaterialPointer | null;
    text: string;
    recordedAt: string;
  }[];
  consolidation?: Consolidation;
  methodsUsed?: string[];
  onsiteVisit?: {
    date: string;
    place: string;
    members: { expertId: string; name: string; signedInAt: string | null }[];
    records: {
      recordId: string;
      method: string;
      name: string;
      notes: string;
      detail: string;
      itemIds: string[];
      evidence: { fileName: string; sha256: string }[];
    }[];
    coverage: { itemId: string; title: string; methods: string[] }[];
  } | null;
  evidenceNotes?: { expertId: string; name: string; note: string }[];
  dissent?: { expertId: string; name: string; opinion: string }[];
  plenary?: PlenaryConclusion;
  submittedAt: string;
}

/** The on-site visit record (现场技术评估): plan, sign-in, entries by method with evidence, items covered. */
export interface OnsiteVisit {
  scheduled: true;
  /** The service's China date, the day sign-in is measured against. */
  today: string;
  date: string;
  place: string;
  members: { expertId: string; name: string; signedInAt: string | null }[];
  records: {
    recordId: string;
    method: (typeof ONSITE_METHODS)[number];
    expertId: string;
    name: string;
    notes: string;
    detail: string;
    itemIds: string[];
    materials: MaterialPointer[];
    evidence: { evidenceId: string; fileName: string; contentType: string; size: number; sha256: string; uploadedAt: string }[];
    recordedAt: string;
  }[];
  coverage: { itemId: string; title: string; methods: string[] }[];
}

/** Before the leader schedules the visit. */
export interface UnscheduledVisit {
  scheduled: false;
  today: string;
}

/** A page of one version of one of the case's materials. */
export interface MaterialPointer {
  materialId: string;
  version: number;
  page?: number;
}

/** An applied occupation's outcome at the plenary: the levels passed, none when it did not pass. */
export interface OccupationOutcome {
  code: string;
  name: string;
  workType?: string;
  result: 'pass' | 'fail';
  appliedLevels: number[];
  levels: number[];
  reason?: string;
}

/** 综合评审会: the meeting, the group's result against the score arithmetic, the outcome per occupation. */
export interface PlenaryConclusion {
  meeting: { date: string; place?: string; attendees: { expertId: string; name: string }[] };
  result: 'pass' | 'fail';
  scoreResult: 'pass' | 'fail';
  overrideReason?: string;
  occupationOutcomes: OccupationOutcome[];
}
