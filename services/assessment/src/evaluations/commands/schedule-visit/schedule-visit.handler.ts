import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, InvalidCommand, MissingPrecondition } from '@filing/runtime';
import { VisitPlan, visitPlanProblems } from '../../domain/onsite-visit';
import { requireLeader, requireStage } from '../../evaluation-access';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { OnsiteVisit } from '../../infrastructure/onsite-visit.entity';

/**
 * 现场技术评估 安排: the leader fixes the day, the place and the members going. It may be changed until the first
 * member signs in on the day; after that the visit has happened as planned.
 */
@Injectable()
export class ScheduleVisitHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute(caseId: string, plan: VisitPlan, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.evaluations.lockedOrNotFound(manager, caseId);
      const leader = requireLeader(ev, principal);
      requireStage(ev, ['PRELIMINARY_REVIEW', 'ONSITE_EVALUATION'], 'schedule the on-site visit (现场技术评估)');
      const problems = visitPlanProblems(
        plan,
        ev.members.map((m) => m.expertId),
        this.clock.today(),
      );
      if (problems.length) throw new InvalidCommand({ error: 'Bad Request', message: `现场评估安排有误：${problems.join('；')}`, problems });
      const existing = await this.evaluations.visit(manager, caseId);
      if (existing?.attendance.length) throw new MissingPrecondition(`现场评估已于 ${existing.date} 开始（已有成员签到），不能再修改安排`);
      const visit = Object.assign(existing ?? new OnsiteVisit(), {
        caseId,
        date: plan.date,
        place: plan.place.trim(),
        memberIds: plan.memberIds,
        attendance: [],
        scheduledBy: leader.expertId,
        scheduledAt: this.clock.now(),
      });
      await this.evaluations.saveVisit(manager, visit);
      await this.audit.append(manager, {
        caseId,
        jurisdiction: ev.jurisdiction,
        action: existing ? 'onsite-visit-rescheduled' : 'onsite-visit-scheduled',
        actor: principalActor(principal, 'expert'),
        at: visit.scheduledAt.toISOString(),
        details: { date: visit.date, place: visit.place, memberIds: visit.memberIds },
      });
      return { caseId, date: visit.date, place: visit.place, memberIds: visit.memberIds, scheduledAt: visit.scheduledAt.toISOString() };
    });
  }
}
