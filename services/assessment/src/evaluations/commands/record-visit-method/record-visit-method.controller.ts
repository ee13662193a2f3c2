import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { RecordVisitMethodHandler } from './record-visit-method.handler';
import { RecordVisitMethodRequest } from './record-visit-method.request';

/** POST /cases/:caseId/onsite-visit/records: an entry of the visit record, for the handler. */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/onsite-visit/records')
export class RecordVisitMethodController {
  constructor(private readonly handler: RecordVisitMethodHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async record(@Param('caseId') caseId: string, @Body() body: RecordVisitMethodRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute(
      caseId,
      {
        method: body.method,
        notes: body.notes,
        itemIds: body.itemIds,
        reporter: body.reporter,
        sites: body.sites,
        interviewees: body.interviewees,
        questions: body.questions,
        checks: body.checks,
        materials: body.materials,
      },
      principal,
    );
  }
}
