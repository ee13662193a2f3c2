import { IllegalStep, MissingPrecondition, NotAllowed, NotFound } from '@filing/runtime';
import type { Principal } from '@filing/auth';
import type { CaseStage } from '@filing/contracts';
import type { GroupMember } from './domain/group-member';
import type { Evaluation } from './infrastructure/evaluation.entity';

// Who may act on an evaluation, and when: the checks every use case of the module makes, as domain refusals.

/** Only members of the case's group act on it (the token's expertId must be in the group). */
export function requireMember(ev: Evaluation, principal: Principal): GroupMember {
  const member = principal.expertId ? ev.members.find((m) => m.expertId === principal.expertId) : undefined;
  // Not one of the group: the case does not exist for this expert (expert-only-own-groups, no existence leak).
  if (!member) throw new NotFound(`case ${ev.caseId} not found`);
  return member;
}

/** Only the leader (组长) submits the group's opinions. */
export function requireLeader(ev: Evaluation, principal: Principal): GroupMember {
  const member = requireMember(ev, principal);
  if (!ev.leaderExpertId) throw new MissingPrecondition(`the group of case ${ev.caseId} has not elected its leader (组长) yet`);
  if (ev.leaderExpertId !== member.expertId)
    throw new NotAllowed(`only the group leader (组长) submits the group's opinions; expert ${member.expertId} is not the leader`);
  return member;
}

/** Members, and centre staff / approvers / administrators who may act in the case's jurisdiction. */
export function requireReader(ev: Evaluation, principal: Principal): void {
  if (principal.expertId && ev.members.some((m) => m.expertId === principal.expertId)) return;
  if (principal.hasRole('center-staff', 'approver', 'admin') && ev.jurisdiction && principal.canActInJurisdiction(ev.jurisdiction)) return;
  throw new NotFound(`case ${ev.caseId} not found`);
}

export function requireStage(ev: Evaluation, allowed: CaseStage[], action: string): void {
  if (!ev.stage || !allowed.includes(ev.stage)) {
    throw new IllegalStep({
      error: 'Conflict',
      message: `cannot ${action} while case ${ev.caseId} is at stage ${ev.stage ?? '(unknown)'}; allowed at ${allowed.join(', ')}`,
      stage: ev.stage,
      allowedStages: allowed,
    });
  }
}
