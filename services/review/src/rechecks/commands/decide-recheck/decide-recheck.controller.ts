import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { DecideRecheckRequest } from './decide-recheck.request';
import { DecideRecheckHandler } from './decide-recheck.handler';

/** HTTP adapter for DecideRecheckHandler: translates the request and calls the handler. */
@ApiTags('rechecks')
@ApiBearerAuth()
@Controller('rechecks')
export class DecideRecheckController {
  constructor(private readonly handler: DecideRecheckHandler) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('center-staff')
  @ApiOkResponse({ description: 'Decided; review.recheck.decided.v1 is emitted to the city instance.' })
  @ApiConflictResponse({ description: 'The re-check was already decided.' })
  async decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideRecheckRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.decide(id, body, p);
  }
}
