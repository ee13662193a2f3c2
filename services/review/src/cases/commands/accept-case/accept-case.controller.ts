import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { CaseStepper } from '../../infrastructure/case-stepper';
import { actorOf, loadForStaff } from '../../infrastructure/staff-access';
import { AcceptCaseRequest } from './accept-case.request';

/** 受理: the centre accepts the application for review. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class AcceptCaseController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepper: CaseStepper,
  ) {}

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('center-staff')
  @ApiOkResponse({ description: 'The case is ACCEPTED.' })
  @ApiConflictResponse({ description: 'The case is not at SUBMITTED; the body names the current stage and the allowed steps.' })
  async accept(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AcceptCaseRequest, @CurrentPrincipal() p: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const c = await loadForStaff(manager, id, p, 'center-staff');
      const { after } = await this.stepper.step(manager, { caseId: id, action: 'accept', actor: actorOf(p, 'center-staff'), by: p.roles, reason: body.note }, c);
      return { id: after.id, stage: after.stage, version: after.version };
    });
  }
}
