import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { SetJurisdictionSwitchHandler } from './set-jurisdiction-switch.handler';
import { SetJurisdictionSwitchRequest } from './set-jurisdiction-switch.request';

/** The per-jurisdiction switch of e-mail and SMS, for administrators (see SetJurisdictionSwitchHandler). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/jurisdictions')
@Roles('admin')
export class SetJurisdictionSwitchController {
  constructor(private readonly handler: SetJurisdictionSwitchHandler) {}

  @Get()
  async list() {
    return this.handler.list();
  }

  @Put(':code')
  async set(@Param('code') code: string, @Body() body: SetJurisdictionSwitchRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.set(code, body.externalOn, p);
  }
}
