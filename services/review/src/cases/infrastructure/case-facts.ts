import { EntityManager } from 'typeorm';
import { UnprocessableEventError } from '@filing/messaging';
import { appendAudit } from '../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../infrastructure/review-instance.config';
import { ReviewCase } from '../domain/case.entity';
import { eventActor } from './case-stepper';

/**
 * Records something other services report about a case without moving its stage (notice window, objections, the
 * revealed draw seed): the case's columns change and an audit entry says who reported what, when.
 */
export async function recordCaseFact(
  manager: EntityManager,
  input: { caseId: string; jurisdiction: string; what: string; reportedBy: string; at: string; reason?: string; details: Record<string, unknown> },
  change: (c: ReviewCase) => Partial<ReviewCase>,
): Promise<ReviewCase | undefined> {
  if (!reviewInstance.serves(input.jurisdiction)) return undefined;
  const repo = manager.getRepository(ReviewCase);
  const c = await repo.findOneBy({ id: input.caseId });
  if (!c) throw new UnprocessableEventError(`${input.what} for case ${input.caseId} of ${input.jurisdiction}, which this instance does not know`);
  await repo.update({ id: c.id }, change(c));
  await appendAudit(manager, reviewInstance.schema, {
    caseId: c.id,
    jurisdiction: c.jurisdiction,
    action: input.what,
    fromStage: c.stage,
    toStage: c.stage,
    actor: eventActor(input.reportedBy, 'center-staff', c.jurisdiction),
    at: input.at,
    reason: input.reason ?? null,
    details: input.details,
  });
  return c;
}
