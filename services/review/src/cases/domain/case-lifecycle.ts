import type { CaseStage, Role } from '@filing/contracts';

/**
 * The case lifecycle (docs/architecture.md §3) as ONE table: every legal step, the stage it leaves from and goes to, who may
 * take it, and whether it applies to city cases, province cases or both. Steps taken by `event` are driven by other
 * services' events (expert-pool, assessment, publication, intake) or by the province's re-check decision.
 */
export const CASE_ACTIONS = [
  'accept',
  'not-accept',
  'request-experts',
  'group-formed',
  'leader-elected',
  'preliminary-opinion',
  'preliminary-pass',
  'preliminary-fail',
  'recheck-pass',
  'recheck-fail',
  'recheck-return-to-group',
  'resubmit',
  'technical-opinion',
  'comprehensive-pass',
  'comprehensive-fail',
  'approve',
  'not-approve',
  'notice-passed',
  'objection-upheld',
  'filing-issued',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who takes a step: a role from the bearer token, or another service's event. */
export type StepActor = Role | 'event';
/** A city case (市州) passes two provincial re-check gates (复核); a province case (incl. 中省直) none. */
export type CaseLevel = 'city' | 'province';

export interface Transition {
  from: CaseStage;
  action: CaseAction;
  to: CaseStage;
  by: StepActor;
  levels: readonly CaseLevel[];
}

const BOTH: readonly CaseLevel[] = ['city', 'province'];
const CITY: readonly CaseLevel[] = ['city'];
const PROVINCE: readonly CaseLevel[] = ['province'];

export const TRANSITIONS: readonly Transition[] = [
  // 受理 / 不予受理
  { from: 'SUBMITTED', action: 'accept', to: 'ACCEPTED', by: 'center-staff', levels: BOTH },
  { from: 'SUBMITTED', action: 'not-accept', to: 'CLOSED', by: 'center-staff', levels: BOTH },
  // 技术评估工作方案 + 专家需求 → the discipline officer draws (expert-pool)
  { from: 'ACCEPTED', action: 'request-experts', to: 'EXPERT_GROUP_REQUESTED', by: 'center-staff', levels: BOTH },
  { from: 'EXPERT_GROUP_REQUESTED', action: 'group-formed', to: 'GROUP_FORMED', by: 'event', levels: BOTH },
  { from: 'GROUP_FORMED', action: 'leader-elected', to: 'PRELIMINARY_REVIEW', by: 'event', levels: BOTH },
  // 初评意见: a city's goes to the provincial centre for re-check; a province case's decides directly
  { from: 'PRELIMINARY_REVIEW', action: 'preliminary-opinion', to: 'PROVINCIAL_RECHECK_PRELIMINARY', by: 'event', levels: CITY },
  { from: 'PRELIMINARY_REVIEW', action: 'preliminary-pass', to: 'ONSITE_EVALUATION', by: 'event', levels: PROVINCE },
  { from: 'PRELIMINARY_REVIEW', action: 'preliminary-fail', to: 'RETURNED', by: 'event', levels: PROVINCE },
  { from: 'PROVINCIAL_RECHECK_PRELIMINARY', action: 'recheck-pass', to: 'ONSITE_EVALUATION', by: 'event', levels: CITY },
  { from: 'PROVINCIAL_RECHECK_PRELIMINARY', action: 'recheck-fail', to: 'RETURNED', by: 'event', levels: CITY },
  // 材料退回 → the applicant resubmits (intake) → the same group reviews again
  { from: 'RETURNED', action: 'resubmit', to: 'PRELIMINARY_REVIEW', by: 'event', levels: BOTH },
  // 现场技术评估 → 技术评估意见 → 综合评审会 → 综合技术评估意见
  { from: 'ONSITE_EVALUATION', action: 'technical-opinion', to: 'COMPREHENSIVE_REVIEW', by: 'event', levels: BOTH },
  { from: 'COMPREHENSIVE_REVIEW', action: 'comprehensive-pass', to: 'PROVINCIAL_RECHECK_COMPREHENSIVE', by: 'event', levels: CITY },
  { from: 'COMPREHENSIVE_REVIEW', action: 'comprehensive-pass', to: 'APPROVAL', by: 'event', levels: PROVINCE },
  // A city's comprehensive opinion goes to the provincial re-check whatever its result (§二(四)): a failing one is
  // confirmed (recheck-fail) or sent back to the group to conclude again (recheck-return-to-group).
  { from: 'COMPREHENSIVE_REVIEW', action: 'comprehensive-fail', to: 'PROVINCIAL_RECHECK_COMPREHENSIVE', by: 'event', levels: CITY },
  { from: 'COMPREHENSIVE_REVIEW', action: 'comprehensive-fail', to: 'NOT_PASSED', by: 'event', levels: PROVINCE },
  { from: 'PROVINCIAL_RECHECK_COMPREHENSIVE', action: 'recheck-pass', to: 'APPROVAL', by: 'event', levels: CITY },
  { from: 'PROVINCIAL_RECHECK_COMPREHENSIVE', action: 'recheck-fail', to: 'NOT_PASSED', by: 'event', levels: CITY },
  { from: 'PROVINCIAL_RECHECK_COMPREHENSIVE', action: 'recheck-return-to-group', to: 'COMPREHENSIVE_REVIEW', by: 'event', levels: CITY },
  // 审定: the local HRSS bureau (city) or the 厅长办公会 (province)
  { from: 'APPROVAL', action: 'approve', to: 'PUBLIC_NOTICE', by: 'approver', levels: BOTH },
  { from: 'APPROVAL', action: 'not-approve', to: 'NOT_PASSED', by: 'approver', levels: BOTH },
  // 公示 (publication) → 备案通知
  { from: 'PUBLIC_NOTICE', action: 'notice-passed', to: 'FILING_NOTICE_REQUESTED', by: 'event', levels: BOTH },
  { from: 'PUBLIC_NOTICE', action: 'objection-upheld', to: 'NOT_PASSED', by: 'event', levels: BOTH },
  { from: 'FILING_NOTICE_REQUESTED', action: 'filing-issued', to: 'FILING_NOTICE_ISSUED', by: 'event', levels: BOTH },
];

/** Stages after which nothing more happens to a case. */
export const FINAL_STAGES: readonly CaseStage[] = ['FILING_NOTICE_ISSUED', 'NOT_PASSED', 'CLOSED'];

export interface AllowedAction {
  action: CaseAction;
  to: CaseStage;
  by: StepActor;
}

/** The steps a case of `level` may take from `stage`, optionally only those of one actor. */
export function allowedActions(stage: CaseStage, level: CaseLevel, by?: StepActor): AllowedAction[] {
  return TRANSITIONS.filter((t) => t.from === stage && t.levels.includes(level) && (by === undefined || t.by === by)).map((t) => ({
    action: t.action,
    to: t.to,
    by: t.by,
  }));
}

export type StepDecision =
  | { ok: true; to: CaseStage }
  /** The step does not exist from this stage (409). */
  | { ok: false; reason: 'illegal'; message: string; allowedActions: AllowedAction[] }
  /** The step exists but belongs to someone else (403). */
  | { ok: false; reason: 'forbidden'; message: string; allowedActions: AllowedAction[] };

/** Decides one step. `actor` is the caller's roles for an HTTP command, or 'event'. */
export function decideStep(stage: CaseStage, action: CaseAction, level: CaseLevel, actor: readonly Role[] | 'event'): StepDecision {
  const allowed = allowedActions(stage, level);
  const match = TRANSITIONS.find((t) => t.from === stage && t.action === action && t.levels.includes(level));
  if (!match) {
    return {
      ok: false,
      reason: 'illegal',
      message: `cannot ${action} a ${level} case at stage ${stage}`,
      allowedActions: allowed,
    };
  }
  const permitted = actor === 'event' ? match.by === 'event' : match.by !== 'event' && actor.includes(match.by);
  if (!permitted) {
    return {
      ok: false,
      reason: 'forbidden',
      message: `${action} at stage ${stage} is taken by ${match.by === 'event' ? 'another service (event)' : match.by}`,
      allowedActions: allowed,
    };
  }
  return { ok: true, to: match.to };
}

/** Which re-check gate (复核) a re-check stage is. */
export function recheckGateOf(stage: CaseStage): 'preliminary' | 'comprehensive' | undefined {
  if (stage === 'PROVINCIAL_RECHECK_PRELIMINARY') return 'preliminary';
  if (stage === 'PROVINCIAL_RECHECK_COMPREHENSIVE') return 'comprehensive';
  return undefined;
}
