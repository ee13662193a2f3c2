import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { SubmitTechnicalOpinionHandler } from './submit-technical-opinion.handler';
import { SubmitTechnicalOpinionRequest } from './submit-technical-opinion.request';

/** POST /cases/:caseId/opinions/technical: the leader's 技术评估意见, for the handler. */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/opinions/technical')
export class SubmitTechnicalOpinionController {
  constructor(private readonly handler: SubmitTechnicalOpinionHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async submit(@Param('caseId') caseId: string, @Body() body: SubmitTechnicalOpinionRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute({ caseId, summary: body.summary }, principal);
  }
}
