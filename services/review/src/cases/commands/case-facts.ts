import { EntityManager } from 'typeorm';
import { UnprocessableEventError } from '@filing/messaging';
import { appendAudit } from '../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../infrastructure/review.config';
import { ReviewCase } from '../infrastructure/case.entity';
import { CaseRepository } from '../infrastructure/case.repository';
import { actorOnBehalfOf } from './lifecycle-step';

/**
 * Records something other services report about a case without moving its stage (notice window, objections, the
 * revealed draw seed): the case's columns change and an audit entry says who reported what, when. The case is read
 * under its row lock and written back only at the version read, so two facts arriving side by side (an objection
 * received and another resolved) both land. `change` answers null when the fact changes nothing (already recorded).
 */
export async function recordCaseFact(
  cases: CaseRepository,
  manager: EntityManager,
  input: { caseId: string; jurisdiction: string; what: string; reportedBy: string; at: string; reason?: string; details: Record<string, unknown> },
  change: (c: ReviewCase) => Partial<ReviewCase> | null,
): Promise<ReviewCase | undefined> {
  if (!reviewInstance.serves(input.jurisdiction)) return undefined;
  const c = await cases.loadLocked(manager, input.caseId);
  if (!c) throw new UnprocessableEventError(`${input.what} for case ${input.caseId} of ${input.jurisdiction}, which this instance does not know`);
  const changes = change(c);
  if (!changes) return c;
  await cases.updateAtVersion(manager, c, changes);
  await appendAudit(manager, reviewInstance.schema, {
    caseId: c.id,
    jurisdiction: c.jurisdiction,
    action: input.what,
    fromStage: c.stage,
    toStage: c.stage,
    actor: actorOnBehalfOf(input.reportedBy, 'center-staff', c.jurisdiction),
    at: input.at,
    reason: input.reason ?? null,
    details: input.details,
  });
  return c;
}
