import { BadRequestException, Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Events } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { caseLevel } from '../../domain/case-access';
import { ApprovalData } from '../../domain/case.entity';
import { CaseStepper } from '../../infrastructure/case-stepper';
import { actorOf, loadForStaff } from '../../infrastructure/staff-access';
import { NotApproveCaseRequest } from './not-approve-case.request';

/** 审定 not granted: the case is NOT_PASSED. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class NotApproveCaseController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepper: CaseStepper,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Post(':id/not-approve')
  @HttpCode(200)
  @Roles('approver')
  @ApiOkResponse({ description: 'The case is NOT_PASSED; review.case.rejected.v1 is emitted.' })
  @ApiConflictResponse({ description: 'The case is not at APPROVAL.' })
  async notApprove(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: NotApproveCaseRequest, @CurrentPrincipal() p: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const c = await loadForStaff(manager, id, p, 'approver');
      const province = caseLevel(c.jurisdiction) === 'province';
      if (province && !body.meetingReference) {
        throw new BadRequestException('meetingReference is required: a province case is decided by the 厅长办公会 and its meeting reference is recorded');
      }
      const actor = actorOf(p, 'approver');
      const approval: ApprovalData = {
        decision: 'not-approved',
        approvalBody: province ? 'director-office-meeting' : 'local-hrss-bureau',
        ...(body.meetingReference ? { meetingReference: body.meetingReference } : {}),
        by: p.sub,
        at: this.clock.now().toISOString(),
      };
      const { before, after } = await this.stepper.step(
        manager,
        { caseId: id, action: 'not-approve', actor, by: p.roles, reason: body.reason, details: { ...approval }, changes: () => ({ approval }) },
        c,
      );
      await this.outbox.add(manager, Events.caseRejected, {
        caseId: id,
        jurisdiction: c.jurisdiction,
        atStage: before.stage,
        finalStage: after.stage,
        reason: body.reason,
        decidedBy: actor,
        decidedAt: after.stageEnteredAt.toISOString(),
      });
      return { id: after.id, stage: after.stage, version: after.version };
    });
  }
}
