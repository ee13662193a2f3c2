import { principalActor } from '@filing/audit';
import { EntityManager } from 'typeorm';
import { ActorPart } from '@filing/contracts';
import { Principal } from '@filing/auth';
import { canReadCase, staffOfCase } from '../domain/case-access';
import { ReviewCase } from '../infrastructure/case.entity';
import { CaseRepository } from '../infrastructure/case.repository';
import { NotAllowed, NotFound } from '@filing/runtime';

/**
 * Loads a case for a command of centre staff or an approver, refusing anyone outside the case's jurisdiction. The row
 * is locked for the command's transaction: an event recorded on the case meanwhile (the draw seed revealed, a notice
 * fact) waits for the command instead of failing it as a concurrent change.
 */
export async function loadForStaff(
  cases: CaseRepository,
  manager: EntityManager,
  caseId: string,
  p: Principal,
  role: 'center-staff' | 'approver',
): Promise<ReviewCase> {
  const found = await cases.loadLocked(manager, caseId);
  if (!found) throw new NotFound(`case ${caseId} not found at this review instance`);
  if (!staffOfCase(p, found, role)) {
    // Another jurisdiction's case does not exist for the caller (no existence leak), as in every service.
    if (!canReadCase(p, found)) throw new NotFound(`case ${caseId} not found at this review instance`);
    throw new NotAllowed(`a ${role} of ${p.jurisdiction} cannot act on case ${caseId}`);
  }
  return found;
}

/** The caller of an HTTP command as the contracts' actor: the audit's principalActor, with a role of the contract. */
export function actorOf(p: Principal, role: ActorPart['role']): ActorPart {
  return principalActor(p, role) as ActorPart;
}
