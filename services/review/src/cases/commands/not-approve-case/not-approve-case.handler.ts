import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { approvalDecision } from '../approval-decision';
import { addCaseRejected } from '../case-outcome';
import { LifecycleStep } from '../lifecycle-step';
import { actorOf, loadForStaff } from '../staff-access';
import { CaseRepository } from '../../infrastructure/case.repository';
import { NotApproveCaseRequest } from './not-approve-case.request';

/** 审定 not granted: the case is NOT_PASSED. */
@Injectable()
export class NotApproveCaseHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepper: LifecycleStep,
    private readonly cases: CaseRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async notApprove(id: string, body: NotApproveCaseRequest, p: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const c = await loadForStaff(this.cases, manager, id, p, 'approver');
      const actor = actorOf(p, 'approver');
      const approval = approvalDecision(c.jurisdiction, 'not-approved', body.meetingReference, p, this.clock.now().toISOString());
      const { before, after } = await this.stepper.step(
        manager,
        { caseId: id, action: 'not-approve', actor, by: p.roles, reason: body.reason, details: { ...approval }, changes: () => ({ approval }) },
        c,
      );
      await addCaseRejected(this.outbox, manager, { before, after }, body.reason, actor);
      return { id: after.id, stage: after.stage, version: after.version };
    });
  }
}
