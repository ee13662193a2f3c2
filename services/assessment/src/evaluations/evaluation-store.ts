import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chinaDate } from '@filing/runtime';
import { Principal } from '@filing/auth';
import { UnprocessableEventError } from '@filing/messaging';
import { CaseStage } from '@filing/contracts';
import { StandardCatalogue } from '../standards/standard-catalogue';
import { StandardVersion } from '../standards/domain/standard.entity';
import { ScoringScope, scoringScope } from '../standards/domain/standard';
import { Evaluation, GroupMember } from './domain/evaluation.entity';

/** Loading evaluations, pinning their standard, and the membership and stage checks every use case makes. */
@Injectable()
export class EvaluationStore {
  constructor(private readonly catalogue: StandardCatalogue) {}

  /** The case's evaluation, created empty if this is the first fact about it, locked for the transaction. */
  async ensureLocked(manager: EntityManager, caseId: string): Promise<Evaluation> {
    await manager.query(`INSERT INTO assessment.evaluation (case_id, version) VALUES ($1, 1) ON CONFLICT DO NOTHING`, [caseId]);
    return manager.findOneOrFail(Evaluation, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
  }

  async lockedOrNotFound(manager: EntityManager, caseId: string): Promise<Evaluation> {
    const found = await manager.findOne(Evaluation, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw new NotFoundException(`no evaluation for case ${caseId}`);
    return found;
  }

  async findOrNotFound(manager: EntityManager, caseId: string): Promise<Evaluation> {
    const found = await manager.findOne(Evaluation, { where: { caseId } });
    if (!found) throw new NotFoundException(`no evaluation for case ${caseId}`);
    return found;
  }

  /**
   * The evaluation starts when the group is formed (the kick-off meeting that "unifies the scoring standard",
   * procedure §二(三)1): the version in force on the China date of formation is pinned once, and never changes after.
   * Needs both the formation and the institution kind, which arrive on different topics in either order.
   */
  async pinStandardIfReady(manager: EntityManager, ev: Evaluation): Promise<void> {
    if (ev.standardSeq || !ev.formedAt || !ev.institutionKind) return;
    const day = chinaDate(ev.formedAt);
    const found = await this.catalogue.inForce(manager, ev.institutionKind, day);
    if (!found) throw new UnprocessableEventError(`no ${ev.institutionKind} evaluation standard is in force on ${day}; case ${ev.caseId} cannot be evaluated`);
    ev.standardSeq = found.seq;
    ev.standardPinnedFor = day;
  }

  async pinnedStandard(manager: EntityManager, ev: Evaluation): Promise<{ standard: StandardVersion; scope: ScoringScope }> {
    if (!ev.standardSeq || !ev.applicationKind) throw new ConflictException(`case ${ev.caseId} has no evaluation standard yet: the group is not formed or the case facts have not arrived`);
    const standard = await this.catalogue.bySeq(manager, ev.standardSeq);
    return { standard, scope: scoringScope(standard.document, ev.applicationKind) };
  }

  /** Only members of the case's group act on it (the token's expertId must be in the group). */
  requireMember(ev: Evaluation, principal: Principal): GroupMember {
    const member = principal.expertId ? ev.members.find((m) => m.expertId === principal.expertId) : undefined;
    if (!member) throw new ForbiddenException(`expert ${principal.expertId ?? '(none)'} is not a member of the expert group of case ${ev.caseId}`);
    return member;
  }

  /** Only the leader (组长) submits the group's opinions. */
  requireLeader(ev: Evaluation, principal: Principal): GroupMember {
    const member = this.requireMember(ev, principal);
    if (!ev.leaderExpertId) throw new ConflictException(`the group of case ${ev.caseId} has not elected its leader (组长) yet`);
    if (ev.leaderExpertId !== member.expertId) throw new ForbiddenException(`only the group leader (组长) submits the group's opinions; expert ${member.expertId} is not the leader`);
    return member;
  }

  /** Members, and centre staff / approvers / administrators who may act in the case's jurisdiction. */
  requireReader(ev: Evaluation, principal: Principal): void {
    if (principal.expertId && ev.members.some((m) => m.expertId === principal.expertId)) return;
    if (principal.hasRole('center-staff', 'approver', 'admin') && ev.jurisdiction && principal.canActInJurisdiction(ev.jurisdiction)) return;
    throw new ForbiddenException(`not allowed to see the evaluation of case ${ev.caseId}`);
  }

  requireStage(ev: Evaluation, allowed: CaseStage[], action: string): void {
    if (!ev.stage || !allowed.includes(ev.stage)) {
      throw new ConflictException({
        error: 'Conflict',
        message: `cannot ${action} while case ${ev.caseId} is at stage ${ev.stage ?? '(unknown)'}; allowed at ${allowed.join(', ')}`,
        stage: ev.stage,
        allowedStages: allowed,
      });
    }
  }
}
