import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Events } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { CaseStepper } from '../../infrastructure/case-stepper';
import { actorOf, loadForStaff } from '../../infrastructure/staff-access';
import { NotAcceptCaseRequest } from './not-accept-case.request';

/** 不予受理: the centre refuses the application with a reason; the case is CLOSED. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class NotAcceptCaseController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepper: CaseStepper,
    private readonly outbox: OutboxWriter,
  ) {}

  @Post(':id/not-accept')
  @HttpCode(200)
  @Roles('center-staff')
  @ApiOkResponse({ description: 'The case is CLOSED; review.case.rejected.v1 is emitted.' })
  @ApiConflictResponse({ description: 'The case is not at SUBMITTED.' })
  async notAccept(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: NotAcceptCaseRequest, @CurrentPrincipal() p: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const c = await loadForStaff(manager, id, p, 'center-staff');
      const actor = actorOf(p, 'center-staff');
      const { before, after } = await this.stepper.step(manager, { caseId: id, action: 'not-accept', actor, by: p.roles, reason: body.reason }, c);
      await this.outbox.add(manager, Events.caseRejected, {
        caseId: id,
        jurisdiction: after.jurisdiction,
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
