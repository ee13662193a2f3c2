import type { CaseStage, Role } from '@filing/contracts';

/**
 * The stages at which a case arrives in a person's queue from elsewhere (the applicant, the expert group, the
 * province's re-check), and whose queue: they are told (ADR 0019). Stages a person reaches by their own step
 * (accepted → request experts) or that wait on an event tell no one.
 */
const QUEUES: Partial<Record<CaseStage, Role>> = {
  SUBMITTED: 'center-staff',
  APPROVAL: 'approver',
};

export function queueAt(stage: CaseStage): Role | undefined {
  return QUEUES[stage];
}

/**
 * Whose queue a case past its stage's time limit is reported to (督办): the approvers while it awaits approval, the
 * case's centre staff at every other stage (they run the procedure, also while the case waits on experts or a re-check).
 */
export function overdueQueueAt(stage: CaseStage): Role {
  return stage === 'APPROVAL' ? 'approver' : 'center-staff';
}
