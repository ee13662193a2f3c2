import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ApproveCaseRequest } from './approve-case.request';
import { ApproveCaseHandler } from './approve-case.handler';

/** HTTP adapter for ApproveCaseHandler: translates the request and calls the handler. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class ApproveCaseController {
  constructor(private readonly handler: ApproveCaseHandler) {}

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('approver')
  @ApiOkResponse({ description: 'The case is at PUBLIC_NOTICE; review.case.approved.v1 is emitted.' })
  @ApiBadRequestResponse({ description: 'A province case without the meeting reference of the 厅长办公会.' })
  @ApiConflictResponse({ description: 'The case is not at APPROVAL.' })
  async approve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ApproveCaseRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.approve(id, body, p);
  }
}
