import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { addCaseRejected } from '../case-outcome';
import { LifecycleStep } from '../lifecycle-step';
import { actorOf, loadForStaff } from '../staff-access';
import { CaseRepository } from '../../infrastructure/case.repository';
import { NotAcceptCaseRequest } from './not-accept-case.request';

/** 不予受理: the centre refuses the application with a reason; the case is CLOSED. */
@Injectable()
export class NotAcceptCaseHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepper: LifecycleStep,
    private readonly cases: CaseRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async notAccept(id: string, body: NotAcceptCaseRequest, p: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const c = await loadForStaff(this.cases, manager, id, p, 'center-staff');
      const actor = actorOf(p, 'center-staff');
      const { before, after } = await this.stepper.step(manager, { caseId: id, action: 'not-accept', actor, by: p.roles, reason: body.reason }, c);
      await addCaseRejected(this.outbox, manager, { before, after }, body.reason, actor);
      return { id: after.id, stage: after.stage, version: after.version };
    });
  }
}
