import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, MissingPrecondition, NotAllowed } from '@filing/runtime';
import { requireMember, requireStage } from '../../evaluation-access';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';

/** 签到: a member going on the visit signs in on the day (China date); once each. */
@Injectable()
export class SignInVisitHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute(caseId: string, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.evaluations.lockedOrNotFound(manager, caseId);
      const member = requireMember(ev, principal);
      requireStage(ev, ['ONSITE_EVALUATION'], 'sign in to the on-site visit');
      const visit = await this.evaluations.visit(manager, caseId);
      if (!visit) throw new MissingPrecondition('现场评估尚未安排，组长安排日期、地点和参加成员后方可签到');
      if (!visit.memberIds.includes(member.expertId)) throw new NotAllowed(`${member.name}（${member.expertId}）不在本次现场评估的参加成员中`);
      const today = this.clock.today();
      if (visit.date !== today) throw new MissingPrecondition(`现场评估日期为 ${visit.date}，只能在当天签到（今天是 ${today}）`);
      const earlier = visit.attendance.find((a) => a.expertId === member.expertId);
      if (earlier) throw new MissingPrecondition(`${member.name} 已于 ${earlier.signedInAt} 签到`);
      const signedInAt = this.clock.now().toISOString();
      visit.attendance = [...visit.attendance, { expertId: member.expertId, signedInAt }];
      await this.evaluations.saveVisit(manager, visit);
      await this.audit.append(manager, {
        caseId,
        jurisdiction: ev.jurisdiction,
        action: 'onsite-visit-signed-in',
        actor: principalActor(principal, 'expert'),
        at: signedInAt,
        details: { expertId: member.expertId, date: visit.date, place: visit.place },
      });
      return { expertId: member.expertId, name: member.name, signedInAt };
    });
  }
}
