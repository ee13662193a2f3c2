import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { RequestExpertsRequest } from './request-experts.request';
import { RequestExpertsHandler } from './request-experts.handler';

/** HTTP adapter for RequestExpertsHandler: translates the request and calls the handler. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class RequestExpertsController {
  constructor(private readonly handler: RequestExpertsHandler) {}

  @Post(':id/expert-request')
  @HttpCode(200)
  @Roles('center-staff')
  @ApiOkResponse({ description: 'The case is EXPERT_GROUP_REQUESTED; review.expert-group.requested.v1 is emitted.' })
  @ApiConflictResponse({ description: 'The case is not at ACCEPTED.' })
  async request(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RequestExpertsRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.request(id, body, p);
  }
}
