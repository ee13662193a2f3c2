import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ResolveObjectionHandler } from './resolve-objection.handler';
import { ResolveObjectionRequest } from './resolve-objection.request';

/** The centre settles an objection with reasons: upheld (whole case or some occupations) or dismissed. */
@ApiTags('objections')
@ApiBearerAuth()
@Controller('objections')
export class ResolveObjectionController {
  constructor(private readonly handler: ResolveObjectionHandler) {}

  @Post(':id/resolution')
  @HttpCode(200)
  @Roles('center-staff')
  async resolve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveObjectionRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.resolve(id, body, principal);
  }
}
