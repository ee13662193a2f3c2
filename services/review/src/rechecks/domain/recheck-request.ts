import type { RecheckDecision, RecheckGate } from '@filing/contracts';

/** A city case waiting in the provincial centre's re-check queue (复核), with the snapshot the request carried. */
export interface RecheckRequestRow {
  id: string;
  case_id: string;
  jurisdiction: string;
  gate: RecheckGate;
  snapshot: any;
  requested_at: Date;
  received_at: Date;
  status: 'pending' | 'decided';
  decision: RecheckDecision | null;
  reason: string | null;
  decided_by: any;
  decided_at: Date | null;
  version: number;
}

/** The case stage a re-check gate stands for (for its time limit). */
export function recheckStage(gate: RecheckGate): 'PROVINCIAL_RECHECK_PRELIMINARY' | 'PROVINCIAL_RECHECK_COMPREHENSIVE' {
  return gate === 'preliminary' ? 'PROVINCIAL_RECHECK_PRELIMINARY' : 'PROVINCIAL_RECHECK_COMPREHENSIVE';
}

/**
 * What the provincial centre may decide on a re-check. Preliminary gate: pass (on to the on-site evaluation) or fail
 * (returned). Comprehensive gate: a passing opinion may pass (on to approval), fail (not passed) or go back to the
 * group; a failing one is confirmed (fail: the case ends not passed) or goes back to the group (复核不通过的综合意见
 * 不能由复核直接改为通过: only the group concludes on the institution).
 */
export function allowedRecheckDecisions(gate: RecheckGate, opinionResult: 'pass' | 'fail' | undefined): RecheckDecision[] {
  if (gate === 'preliminary') return ['pass', 'fail'];
  return opinionResult === 'fail' ? ['fail', 'return-to-group'] : ['pass', 'fail', 'return-to-group'];
}
