import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { NotAcceptCaseRequest } from './not-accept-case.request';
import { NotAcceptCaseHandler } from './not-accept-case.handler';

/** HTTP adapter for NotAcceptCaseHandler: translates the request and calls the handler. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class NotAcceptCaseController {
  constructor(private readonly handler: NotAcceptCaseHandler) {}

  @Post(':id/not-accept')
  @HttpCode(200)
  @Roles('center-staff')
  @ApiOkResponse({ description: 'The case is CLOSED; review.case.rejected.v1 is emitted.' })
  @ApiConflictResponse({ description: 'The case is not at SUBMITTED.' })
  async notAccept(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: NotAcceptCaseRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.notAccept(id, body, p);
  }
}
