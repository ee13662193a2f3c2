import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { NotApproveCaseRequest } from './not-approve-case.request';
import { NotApproveCaseHandler } from './not-approve-case.handler';

/** HTTP adapter for NotApproveCaseHandler: translates the request and calls the handler. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class NotApproveCaseController {
  constructor(private readonly handler: NotApproveCaseHandler) {}

  @Post(':id/not-approve')
  @HttpCode(200)
  @Roles('approver')
  @ApiOkResponse({ description: 'The case is NOT_PASSED; review.case.rejected.v1 is emitted.' })
  @ApiConflictResponse({ description: 'The case is not at APPROVAL.' })
  async notApprove(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: NotApproveCaseRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.notApprove(id, body, p);
  }
}
