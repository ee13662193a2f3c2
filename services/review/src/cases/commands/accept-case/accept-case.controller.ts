import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { AcceptCaseRequest } from './accept-case.request';
import { AcceptCaseHandler } from './accept-case.handler';

/** HTTP adapter for AcceptCaseHandler: translates the request and calls the handler. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class AcceptCaseController {
  constructor(private readonly handler: AcceptCaseHandler) {}

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('center-staff')
  @ApiOkResponse({ description: 'The case is ACCEPTED.' })
  @ApiConflictResponse({ description: 'The case is not at SUBMITTED; the body names the current stage and the allowed steps.' })
  async accept(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AcceptCaseRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.accept(id, body, p);
  }
}
