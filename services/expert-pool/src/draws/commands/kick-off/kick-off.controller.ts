import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { KickOffHandler } from './kick-off.handler';

/** HTTP adapter for KickOffHandler: translates the request and calls the handler. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class KickOffController {
  constructor(private readonly handler: KickOffHandler) {}

  @Post(':id/kick-off')
  @HttpCode(200)
  @Roles('center-staff', 'discipline-officer')
  kickOff(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.handler.kickOff(id, p);
  }
}
