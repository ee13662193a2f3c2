import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ReplaceMemberHandler } from './replace-member.handler';
import { ReplaceMemberRequest } from './replace-member.request';

/** HTTP adapter for ReplaceMemberHandler: a member declines, or the member or the officer records a recusal (回避). */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class ReplaceMemberController {
  constructor(private readonly handler: ReplaceMemberHandler) {}

  @Post(':id/members/:expertId/decline')
  @HttpCode(200)
  @Roles('expert', 'discipline-officer')
  decline(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('expertId') expertId: string,
    @Body() body: ReplaceMemberRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.handler.replace(id, expertId, 'declined', body.reason, p);
  }

  @Post(':id/members/:expertId/recuse')
  @HttpCode(200)
  @Roles('expert', 'discipline-officer')
  recuse(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('expertId') expertId: string,
    @Body() body: ReplaceMemberRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.handler.replace(id, expertId, 'recused', body.reason, p);
  }
}
