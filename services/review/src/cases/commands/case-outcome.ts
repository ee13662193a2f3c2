import { EntityManager } from 'typeorm';
import { ActorPart, Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { StepResult } from './lifecycle-step';

// The two outcomes other services act on besides the stage change itself, written once for every step that reaches
// them: a case that ends (不予受理, 不予审定, a failed opinion or re-check, an upheld objection) and a case whose
// materials go back to the applicant (退回).

/** `review.case.rejected.v1` for a step that ended the case. */
export async function addCaseRejected(
  outbox: OutboxWriter,
  manager: EntityManager,
  { before, after }: StepResult,
  reason: string,
  decidedBy: ActorPart,
): Promise<void> {
  await outbox.add(manager, Events.caseRejected, {
    caseId: before.id,
    jurisdiction: before.jurisdiction,
    atStage: before.stage,
    finalStage: after.stage,
    reason,
    decidedBy,
    decidedAt: after.stageEnteredAt.toISOString(),
  });
}

/** `review.case.returned.v1` for a step that returned the materials, with the reasons the applicant reads. */
export async function addCaseReturned(
  outbox: OutboxWriter,
  manager: EntityManager,
  { before, after }: StepResult,
  reasons: string[],
  returnedBy: ActorPart,
): Promise<void> {
  await outbox.add(manager, Events.caseReturned, {
    caseId: before.id,
    jurisdiction: before.jurisdiction,
    atStage: before.stage,
    reasons,
    returnCount: after.returnCount,
    returnedBy,
    returnedAt: after.stageEnteredAt.toISOString(),
  });
}
