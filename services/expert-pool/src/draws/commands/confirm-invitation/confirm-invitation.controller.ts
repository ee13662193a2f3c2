import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ConfirmInvitationHandler } from './confirm-invitation.handler';
import { ConfirmInvitationRequest } from './confirm-invitation.request';

/** HTTP adapter for ConfirmInvitationHandler: a member answers the invitation with the signed 回避声明. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class ConfirmInvitationController {
  constructor(private readonly handler: ConfirmInvitationHandler) {}

  @Post(':id/members/:expertId/confirm')
  @HttpCode(200)
  @Roles('expert')
  confirm(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('expertId') expertId: string,
    @Body() body: ConfirmInvitationRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.handler.confirm(id, expertId, body.conflictDeclaration, p);
  }
}
