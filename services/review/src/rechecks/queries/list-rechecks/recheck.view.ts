import { maskPhone } from '@filing/auth';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { allowedRecheckDecisions, recheckStage, RecheckRequestRow } from '../../domain/recheck-request';

/** A re-check as the provincial centre sees it, with its deadline (督办). */
export function recheckView(r: RecheckRequestRow, deadlines: StageDeadlines) {
  const snapshot = r.snapshot;
  const deadline = r.status === 'pending' ? deadlines.of(recheckStage(r.gate), r.received_at) : undefined;
  return {
    id: r.id,
    caseId: r.case_id,
    jurisdiction: r.jurisdiction,
    gate: r.gate,
    stage: recheckStage(r.gate),
    status: r.status,
    requestedAt: r.requested_at,
    receivedAt: r.received_at,
    applicationKind: snapshot.applicationKind,
    // The province does not contact the applicant: the phone stays masked.
    institution: { ...snapshot.institution, contact: { ...snapshot.institution?.contact, phone: maskPhone(snapshot.institution?.contact?.phone) } },
    occupations: snapshot.occupations,
    opinion: snapshot.opinion,
    requestedBy: snapshot.requestedBy,
    decision: r.decision,
    reason: r.reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    ...(deadline ? { deadline } : {}),
    allowedActions: r.status === 'pending' ? allowedRecheckDecisions(r.gate, snapshot.opinion?.result) : [],
  };
}
