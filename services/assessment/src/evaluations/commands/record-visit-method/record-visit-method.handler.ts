import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, InvalidCommand, MissingPrecondition, NotAllowed } from '@filing/runtime';
import { standardIds, VisitRecordInput, visitRecordProblems } from '../../domain/onsite-visit';
import { GroupMember } from '../../domain/group-member';
import { requireMember, requireStage } from '../../evaluation-access';
import { Evaluation } from '../../infrastructure/evaluation.entity';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { OnsiteVisit, VisitRecord } from '../../infrastructure/onsite-visit.entity';

/**
 * The checks of every write to the visit record: a member of the group (404 otherwise), at the on-site stage, going
 * on the visit and signed in on the day, before the technical opinion closes the record.
 */
export async function openVisitRecord(
  evaluations: EvaluationRepository,
  manager: EntityManager,
  caseId: string,
  principal: Principal,
): Promise<{ ev: Evaluation; member: GroupMember; visit: OnsiteVisit }> {
  const ev = await evaluations.lockedOrNotFound(manager, caseId);
  const member = requireMember(ev, principal);
  requireStage(ev, ['ONSITE_EVALUATION'], 'record the on-site visit');
  const visit = await evaluations.visit(manager, caseId);
  if (!visit) throw new MissingPrecondition('现场评估尚未安排');
  if (!visit.memberIds.includes(member.expertId)) throw new NotAllowed(`${member.name}（${member.expertId}）不在本次现场评估的参加成员中`);
  if (!visit.attendance.some((a) => a.expertId === member.expertId)) throw new MissingPrecondition(`${member.name} 尚未签到，签到后方可记录`);
  if (await evaluations.opinion(manager, caseId, 'technical')) throw new MissingPrecondition('技术评估意见已提交，现场评估记录不能再增加');
  return { ev, member, visit };
}

/** 现场技术评估记录: a member who signed in records an entry by one of the five methods. */
@Injectable()
export class RecordVisitMethodHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute(caseId: string, input: VisitRecordInput, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const { ev, member } = await openVisitRecord(this.evaluations, manager, caseId, principal);
      const { scope } = await this.evaluations.pinnedStandard(manager, ev);
      const problems = visitRecordProblems(input, standardIds(scope.items));
      if (problems.length) throw new InvalidCommand({ error: 'Bad Request', message: `现场评估记录有误：${problems.join('；')}`, problems });
      const record = Object.assign(new VisitRecord(), {
        id: randomUUID(),
        caseId,
        method: input.method,
        expertId: member.expertId,
        notes: input.notes,
        itemIds: input.itemIds,
        details: {
          ...(input.reporter !== undefined ? { reporter: input.reporter } : {}),
          ...(input.sites ? { sites: input.sites } : {}),
          ...(input.interviewees ? { interviewees: input.interviewees.map((p) => ({ name: p.name, role: p.role })) } : {}),
          ...(input.questions ? { questions: input.questions.map((q) => ({ question: q.question, answer: q.answer })) } : {}),
          ...(input.checks ? { checks: input.checks.map((c) => ({ subject: c.subject, result: c.result, ...(c.note ? { note: c.note } : {}) })) } : {}),
        },
        materials: (input.materials ?? []).map((m) => ({ materialId: m.materialId, version: m.version, ...(m.page ? { page: m.page } : {}) })),
        recordedAt: this.clock.now(),
      });
      await this.evaluations.addVisitRecord(manager, record);
      await this.audit.append(manager, {
        caseId,
        jurisdiction: ev.jurisdiction,
        action: 'onsite-visit-recorded',
        actor: principalActor(principal, 'expert'),
        at: record.recordedAt.toISOString(),
        details: { recordId: record.id, method: record.method, expertId: record.expertId, itemIds: record.itemIds, materials: record.materials },
      });
      return { recordId: record.id, ...record, recordedAt: record.recordedAt.toISOString() };
    });
  }
}
