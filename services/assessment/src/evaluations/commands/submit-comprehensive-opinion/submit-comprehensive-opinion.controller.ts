import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { SubmitComprehensiveOpinionHandler } from './submit-comprehensive-opinion.handler';
import { SubmitComprehensiveOpinionRequest } from './submit-comprehensive-opinion.request';

/** POST /cases/:caseId/opinions/comprehensive: the leader's 综合技术评估意见 (the plenary meeting, its result and the outcome per occupation) with any dissent, for the handler. */
@ApiTags('comprehensive review')
@ApiBearerAuth()
@Controller('cases/:caseId/opinions/comprehensive')
export class SubmitComprehensiveOpinionController {
  constructor(private readonly handler: SubmitComprehensiveOpinionHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async submit(@Param('caseId') caseId: string, @Body() body: SubmitComprehensiveOpinionRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute(
      {
        caseId,
        summary: body.summary,
        dissent: body.dissent ?? [],
        plenary: { meeting: body.meeting, result: body.result, overrideReason: body.overrideReason, occupations: body.occupations },
      },
      principal,
    );
  }
}
