import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { SubmitPreliminaryOpinionHandler } from './submit-preliminary-opinion.handler';
import { SubmitPreliminaryOpinionRequest } from './submit-preliminary-opinion.request';

/** POST /cases/:caseId/opinions/preliminary: the leader's 初评意见, for the handler. */
@ApiTags('preliminary review')
@ApiBearerAuth()
@Controller('cases/:caseId/opinions/preliminary')
export class SubmitPreliminaryOpinionController {
  constructor(private readonly handler: SubmitPreliminaryOpinionHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async submit(@Param('caseId') caseId: string, @Body() body: SubmitPreliminaryOpinionRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute({ caseId, result: body.result, summary: body.summary, reasons: body.reasons }, principal);
  }
}
