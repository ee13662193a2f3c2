import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorPart } from '@filing/contracts';
import { Principal } from '@filing/auth';
import { staffOfCase } from '../domain/case-access';
import { ReviewCase } from '../domain/case.entity';

/** Loads a case for a command of centre staff or an approver, refusing anyone outside the case's jurisdiction. */
export async function loadForStaff(manager: EntityManager, caseId: string, p: Principal, role: 'center-staff' | 'approver'): Promise<ReviewCase> {
  const found = await manager.getRepository(ReviewCase).findOneBy({ id: caseId });
  if (!found) throw new NotFoundException(`case ${caseId} not found at this review instance`);
  if (!staffOfCase(p, found, role)) {
    throw new ForbiddenException(`case ${caseId} belongs to jurisdiction ${found.jurisdiction}; a ${role} of ${p.jurisdiction} cannot act on it`);
  }
  return found;
}

export function actorOf(p: Principal, role: ActorPart['role']): ActorPart {
  return { subject: p.sub, role, jurisdiction: p.jurisdiction, ...(p.name ? { name: p.name } : {}) };
}
