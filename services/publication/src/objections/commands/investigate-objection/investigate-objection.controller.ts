import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { InvestigateObjectionHandler } from './investigate-objection.handler';
import { InvestigateObjectionRequest } from './investigate-objection.request';

/** The centre starts verifying an objection (核查), e.g. an on-site re-check; the note is kept on the objection. */
@ApiTags('objections')
@ApiBearerAuth()
@Controller('objections')
export class InvestigateObjectionController {
  constructor(private readonly handler: InvestigateObjectionHandler) {}

  @Post(':id/investigation')
  @HttpCode(200)
  @Roles('center-staff')
  async investigate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: InvestigateObjectionRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.investigate(id, body, principal);
  }
}
