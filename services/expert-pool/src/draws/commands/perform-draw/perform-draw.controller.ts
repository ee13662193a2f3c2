import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { PerformDrawHandler } from './perform-draw.handler';
import { PerformDrawRequest } from './perform-draw.request';

/** POST /draws/:id/draw: the officer's entropy, for the handler. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class PerformDrawController {
  constructor(private readonly handler: PerformDrawHandler) {}

  @Post(':id/draw')
  @HttpCode(201)
  @Roles('discipline-officer')
  async draw(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PerformDrawRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.execute(id, body.officerEntropy, p);
  }
}
