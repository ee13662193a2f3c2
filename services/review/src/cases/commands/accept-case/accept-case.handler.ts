import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { LifecycleStep } from '../lifecycle-step';
import { actorOf, loadForStaff } from '../staff-access';
import { CaseRepository } from '../../infrastructure/case.repository';
import { AcceptCaseRequest } from './accept-case.request';

/** 受理: the centre accepts the application for review. */
@Injectable()
export class AcceptCaseHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepper: LifecycleStep,
    private readonly cases: CaseRepository,
  ) {}

  async accept(id: string, body: AcceptCaseRequest, p: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const c = await loadForStaff(this.cases, manager, id, p, 'center-staff');
      const { after } = await this.stepper.step(
        manager,
        { caseId: id, action: 'accept', actor: actorOf(p, 'center-staff'), by: p.roles, reason: body.note },
        c,
      );
      return { id: after.id, stage: after.stage, version: after.version };
    });
  }
}
