import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { SetPreferencesHandler } from './set-preferences.handler';
import { SetPreferencesRequest } from './set-preferences.request';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/preferences')
export class SetPreferencesController {
  constructor(private readonly handler: SetPreferencesHandler) {}

  @Get('mine')
  async get(@CurrentPrincipal() p: Principal) {
    return this.handler.get(p);
  }

  @Put('mine')
  async set(@Body() body: SetPreferencesRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.set(p, body.channels);
  }
}
