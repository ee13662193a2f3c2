import type { RecheckGate } from '@filing/contracts';

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
  decision: 'pass' | 'fail' | null;
  reason: string | null;
  decided_by: any;
  decided_at: Date | null;
  version: number;
}

/** The case stage a re-check gate stands for (for its time limit). */
export function recheckStage(gate: RecheckGate): 'PROVINCIAL_RECHECK_PRELIMINARY' | 'PROVINCIAL_RECHECK_COMPREHENSIVE' {
  return gate === 'preliminary' ? 'PROVINCIAL_RECHECK_PRELIMINARY' : 'PROVINCIAL_RECHECK_COMPREHENSIVE';
}
