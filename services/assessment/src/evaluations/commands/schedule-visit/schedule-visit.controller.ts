import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ScheduleVisitHandler } from './schedule-visit.handler';
import { ScheduleVisitRequest } from './schedule-visit.request';

/** PUT /cases/:caseId/onsite-visit: the leader's plan of the visit, for the handler. */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/onsite-visit')
export class ScheduleVisitController {
  constructor(private readonly handler: ScheduleVisitHandler) {}

  @Put()
  @Roles('expert')
  async schedule(@Param('caseId') caseId: string, @Body() body: ScheduleVisitRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute(caseId, { date: body.date, place: body.place, memberIds: body.memberIds }, principal);
  }
}
