// What review answers (its OpenAPI document names no response types): the case, the work queue, the re-checks.
import type { Institution, Occupation } from '../intake/views';

export interface StageDeadline {
  limitWorkingDays: number | null;
  dueDate: string | null;
  overdue: boolean;
  waitedWorkingDays: number | null;
  problem?: string;
  awaitingCalendarYear?: number;
}

export interface Opinion {
  opinionId: string;
  result: 'pass' | 'fail';
  summary: string;
  total?: number;
  leaderExpertId: string;
  submittedAt: string;
  /** Comprehensive: the round and the outcome per applied occupation (levels passed; none = not passed). */
  round?: number;
  occupationOutcomes?: OccupationOutcome[];
  overrideReason?: string;
}

export interface OccupationOutcome {
  code: string;
  name: string;
  workType?: string;
  result: 'pass' | 'fail';
  appliedLevels: number[];
  levels: number[];
  reason?: string;
}

export interface Actor {
  subject: string;
  role: string;
  jurisdiction?: string;
  name?: string;
}

export interface ReviewCase {
  id: string;
  jurisdiction: string;
  level: 'city' | 'province';
  applicationKind: 'new-filing' | 'add-occupation';
  stage: string;
  stageEnteredAt: string;
  submittedAt: string;
  institution: Institution;
  occupations: Occupation[];
  /** Once the comprehensive opinion is in: the occupations and levels it passed (the approval approves those). */
  passedOccupations: Occupation[] | null;
  notPassedOccupations: OccupationOutcome[] | null;
  existingFilingNumber: string | null;
  returnCount: number;
  resubmissionRound: number;
  expertRequest: {
    workPlan: string;
    groupSize: number;
    reserves: number;
    maxPerEmployer?: number;
    occupationCodes: string[];
    databaseLevel: string;
    plannedOnsiteDate?: string;
  } | null;
  expertGroup: { groupId: string; leaderExpertId?: string; size: number } | null;
  opinions: Partial<Record<'preliminary' | 'technical' | 'comprehensive', Opinion>>;
  approval: {
    decision: 'approved' | 'not-approved';
    approvalBody: 'local-hrss-bureau' | 'director-office-meeting';
    meetingReference?: string;
    by: string;
    at: string;
  } | null;
  notice: {
    noticeId: string;
    startDate: string;
    endDate: string;
    workingDays: number;
    openObjections: string[];
    resolvedObjections: { objectionId: string; outcome: string }[];
  } | null;
  waitingFor: { kind: 'calendar'; year: number; since: string; messageZh: string } | null;
  drawSeed: { drawId: string; commitment: string; seed: string; revealedAt: string } | null;
  lastReason: string | null;
  version: number;
  deadline: StageDeadline;
  allowedActions: { action: string; to: string; by: string }[];
  myActions: string[];
}

export interface CaseHistoryEntry {
  seq: number;
  action: string;
  from: string | null;
  to: string | null;
  actor: Actor;
  at: string;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface CaseWithHistory extends ReviewCase {
  history: CaseHistoryEntry[];
}

export type RecheckDecision = 'pass' | 'fail' | 'return-to-group';

export interface Recheck {
  id: string;
  caseId: string;
  jurisdiction: string;
  gate: 'preliminary' | 'comprehensive';
  stage: string;
  status: 'pending' | 'decided';
  requestedAt: string;
  receivedAt: string;
  applicationKind: 'new-filing' | 'add-occupation';
  institution: Institution;
  occupations: Occupation[];
  opinion: Opinion & { kind?: string; items?: unknown };
  requestedBy?: Actor;
  decision: RecheckDecision | null;
  reason: string | null;
  decidedBy: Actor | null;
  decidedAt: string | null;
  deadline?: StageDeadline;
  allowedActions: RecheckDecision[];
}

export interface WorkQueue {
  jurisdiction: string;
  roles: string[];
  today: string;
  waiting?: ReviewCase[];
  supervising?: ReviewCase[];
  rechecks?: Recheck[];
  overdueCount: number;
  awaitingCalendarCount: number;
}

/** 省级监管 (GET /oversight at the province instance): every instance's work from the province's read model. */
export type InstanceState = 'live' | 'stale' | 'never-heard';

export interface Oversight {
  asOf: string;
  today: string;
  staleAfterMs: number;
  instances: {
    jurisdiction: string;
    name: string;
    state: InstanceState;
    heardAt: string | null;
    asOf: string | null;
    reportedOpenCases: number | null;
    reportedOverdueCases: number | null;
  }[];
  cities: {
    jurisdiction: string;
    name: string;
    servedBy: string;
    state: InstanceState;
    heardAt: string | null;
    byStage: Partial<Record<string, number>>;
    open: number;
    finished: number;
    overdue: number;
    overdueUnknown: number;
  }[];
  overdueCases: { caseId: string; jurisdiction: string; institutionName: string | null; stage: string; stageEnteredAt: string; deadline: StageDeadline }[];
  stageDurations: {
    stage: string;
    name: string;
    limitWorkingDays: number | null;
    uncounted: number;
    count: number;
    median: number | null;
    p90: number | null;
    max: number | null;
  }[];
  filingsPerMonth: { month: string; filings: number; byJurisdiction: Record<string, number> }[];
}
