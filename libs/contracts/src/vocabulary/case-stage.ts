/** The stages of a case (docs/architecture.md §3). Review owns the transitions; everyone else reads them. */
export const CASE_STAGES = [
  'SUBMITTED',
  'ACCEPTED',
  'EXPERT_GROUP_REQUESTED',
  'GROUP_FORMED',
  'PRELIMINARY_REVIEW',
  'PROVINCIAL_RECHECK_PRELIMINARY',
  'RETURNED',
  'ONSITE_EVALUATION',
  'COMPREHENSIVE_REVIEW',
  'PROVINCIAL_RECHECK_COMPREHENSIVE',
  'APPROVAL',
  'PUBLIC_NOTICE',
  'FILING_NOTICE_REQUESTED',
  'FILING_NOTICE_ISSUED',
  'NOT_PASSED',
  'CLOSED',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Roles carried in the bearer token (docs/architecture.md §7). */
export const ROLES = ['applicant', 'center-staff', 'discipline-officer', 'expert', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The two provincial re-check gates (复核) a city case passes. */
export const RECHECK_GATES = ['preliminary', 'comprehensive'] as const;
export type RecheckGate = (typeof RECHECK_GATES)[number];

/** What the provincial re-check decides; `return-to-group` only at the comprehensive gate (docs/adr/0022). */
export const RECHECK_DECISIONS = ['pass', 'fail', 'return-to-group'] as const;
export type RecheckDecision = (typeof RECHECK_DECISIONS)[number];

/** The three opinions of the expert group: 初评意见, 技术评估意见, 综合技术评估意见. */
export const OPINION_KINDS = ['preliminary', 'technical', 'comprehensive'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
