import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Events, PROVINCE_CODE } from '@filing/contracts';
import { actorOf } from '../../../cases/commands/staff-access';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, InvalidCommand, NotAllowed, NotFound } from '@filing/runtime';
import { appendAudit } from '../../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../../infrastructure/review.config';
import { StaffNotifications } from '../../../infrastructure/staff-notifications';
import { allowedRecheckDecisions, recheckStage } from '../../domain/recheck-request';
import { RecheckRequestRepository } from '../../infrastructure/recheck-request.repository';
import { DecideRecheckRequest } from './decide-recheck.request';

/**
 * The provincial centre decides a re-check (复核); the decision travels back to the city's instance as an event, and
 * the city's centre staff are told.
 */
@Injectable()
export class DecideRecheckHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly rechecks: RecheckRequestRepository,
    private readonly staff: StaffNotifications,
  ) {}

  async decide(id: string, body: DecideRecheckRequest, p: Principal) {
    if (!reviewInstance.isProvince) throw new NotFound('re-checks are decided at the province review instance');
    if (p.jurisdiction !== PROVINCE_CODE) throw new NotAllowed('re-checks (复核) are decided by the provincial centre staff (220000)');
    const s = reviewInstance.schema;
    return this.dataSource.transaction(async (manager) => {
      const r = await this.rechecks.find(manager, id);
      if (!r) throw new NotFound(`re-check ${id} not found`);
      const stage = recheckStage(r.gate);
      if (r.status !== 'pending') {
        throw new IllegalStep({ message: `re-check ${id} was already decided (${r.decision})`, currentStage: stage, allowedActions: [] });
      }
      const opinionResult: 'pass' | 'fail' | undefined = r.snapshot?.opinion?.result;
      const allowed = allowedRecheckDecisions(r.gate, opinionResult);
      if (!allowed.includes(body.decision)) {
        throw new InvalidCommand({
          message:
            body.decision === 'return-to-group'
              ? `decision return-to-group（退回专家组）只用于综合技术评估意见的复核；初评意见复核可选 ${allowed.join('、')}`
              : `decision pass 不可用：专家组的综合技术评估意见为不通过，复核可维持（fail）或退回专家组重新评议（return-to-group）`,
          allowedDecisions: allowed,
        });
      }
      const now = this.clock.now();
      const actor = actorOf(p, 'center-staff');
      // Optimistic lock: of two concurrent decisions only one finds the row still pending at its version.
      const decided = await this.rechecks.decideIfPending(manager, id, r.version, {
        decision: body.decision,
        reason: body.reason,
        decidedBy: actor,
        decidedAt: now,
      });
      if (!decided) {
        throw new IllegalStep({ message: `re-check ${id} was decided concurrently`, currentStage: stage, allowedActions: [] });
      }
      await appendAudit(manager, s, {
        caseId: r.case_id,
        jurisdiction: r.jurisdiction,
        action: 'recheck-decided',
        fromStage: stage,
        toStage: null,
        actor,
        at: now.toISOString(),
        reason: body.reason,
        details: { recheckId: id, gate: r.gate, decision: body.decision },
      });
      await this.outbox.add(manager, Events.recheckDecided, {
        caseId: r.case_id,
        jurisdiction: r.jurisdiction,
        gate: r.gate,
        decision: body.decision,
        reason: body.reason,
        decidedBy: actor,
        decidedAt: now.toISOString(),
      });
      await this.staff.tell(manager, {
        caseId: r.case_id,
        jurisdiction: r.jurisdiction,
        kind: 'recheck-decided',
        role: 'center-staff',
        queueOf: r.jurisdiction,
        params: {
          institution: r.snapshot?.institution?.name ?? r.case_id,
          gate: r.gate,
          decision: body.decision,
          decidedAt: now.toISOString(),
          reason: body.reason,
        },
        link: `/cases/${r.case_id}`,
        because: `${id}|decided`,
        at: now.toISOString(),
      });
      return { id, caseId: r.case_id, jurisdiction: r.jurisdiction, gate: r.gate, status: 'decided', decision: body.decision };
    });
  }
}
