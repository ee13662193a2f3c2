import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Events } from '@filing/contracts';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { passedOccupations } from '../../domain/occupation-outcomes';
import { approvalDecision } from '../approval-decision';
import { LifecycleStep } from '../lifecycle-step';
import { actorOf, loadForStaff } from '../staff-access';
import { CaseRepository } from '../../infrastructure/case.repository';
import { ApproveCaseRequest } from './approve-case.request';

/**
 * 审定: the local HRSS bureau approves a city case; the 厅长办公会 approves a province case, and its meeting reference
 * is recorded. Approval opens the public notice (publication) for the occupations and levels the comprehensive opinion
 * passed.
 */
@Injectable()
export class ApproveCaseHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepper: LifecycleStep,
    private readonly cases: CaseRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async approve(id: string, body: ApproveCaseRequest, p: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const c = await loadForStaff(this.cases, manager, id, p, 'approver');
      const actor = actorOf(p, 'approver');
      const approval = approvalDecision(c.jurisdiction, 'approved', body.meetingReference, p, this.clock.now().toISOString());
      const { after } = await this.stepper.step(
        manager,
        { caseId: id, action: 'approve', actor, by: p.roles, reason: body.note, details: { ...approval }, changes: () => ({ approval }) },
        c,
      );
      const total = c.opinions.comprehensive?.total;
      const outcomes = c.opinions.comprehensive?.occupationOutcomes;
      await this.outbox.add(manager, Events.caseApproved, {
        caseId: id,
        jurisdiction: c.jurisdiction,
        applicationKind: c.applicationKind,
        approvalBody: approval.approvalBody,
        meetingReference: body.meetingReference,
        institution: c.institution,
        // 审定 approves what the group passed: the public notice, the filing notice and the register follow it.
        occupations: passedOccupations(c.occupations, outcomes),
        ...(outcomes ? { occupationOutcomes: outcomes } : {}),
        score: total,
        existingFilingNumber: c.existingFilingNumber ?? undefined,
        approvedBy: actor,
        approvedAt: after.stageEnteredAt.toISOString(),
      });
      return { id: after.id, stage: after.stage, version: after.version, approval: after.approval };
    });
  }
}
