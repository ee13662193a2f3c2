import { EntityManager } from 'typeorm';
import { UnprocessableEventError } from '@filing/messaging';
import { appendAudit } from '../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../infrastructure/review.config';
import { ReviewCase } from '../infrastructure/case.entity';
import { actorOnBehalfOf } from '../commands/lifecycle-step';

/**
 * Records something other services report about a case without moving its stage (notice window, objections, the
 * revealed draw seed): the case's columns change and an audit entry says who reported what, when. The case is read
 * under its row lock and written back only at the version read, so two facts arriving side by side (an objection
 * received and another resolved) both land. `change` answers null when the fact changes nothing (already recorded).
 */
export async function recordCaseFact(
  manager: EntityManager,
  input: { caseId: string; jurisdiction: string; what: string; reportedBy: string; at: string; reason?: string; details: Record<string, unknown> },
  change: (c: ReviewCase) => Partial<ReviewCase> | null,
): Promise<ReviewCase | undefined> {
  if (!reviewInstance.serves(input.jurisdiction)) return undefined;
  const c = await manager.getRepository(ReviewCase).findOne({ where: { id: input.caseId }, lock: { mode: 'pessimistic_write' } });
  if (!c) throw new UnprocessableEventError(`${input.what} for case ${input.caseId} of ${input.jurisdiction}, which this instance does not know`);
  const changes = change(c);
  if (!changes) return c;
  await updateAtVersion(manager, c, changes);
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

/** Writes `changes` only if the case is still at the version read (the version goes up by one). */
export async function updateAtVersion(manager: EntityManager, c: ReviewCase, changes: Partial<ReviewCase>): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(ReviewCase)
    .set(changes)
    .where('id = :id AND version = :version', { id: c.id, version: c.version })
    .execute();
  // Under the row lock this cannot happen; if it does, the transaction retries rather than overwrite a newer case.
  if (result.affected !== 1) throw new Error(`case ${c.id} changed while it was locked (version ${c.version})`);
}
