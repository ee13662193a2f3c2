import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { KickOffMinutesRepository } from '../../infrastructure/kick-off-minutes.repository';
import { seesIdentities } from '../../draw-view';

/** Downloads one upload of the kick-off minutes: the group's members, the centre staff and the officer. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class GetKickOffMinutesController {
  constructor(
    private readonly draws: DrawRepository,
    private readonly minutes: KickOffMinutesRepository,
  ) {}

  @Get(':id/kick-off-meeting/minutes/:minutesId')
  @Roles('center-staff', 'discipline-officer', 'expert')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream')
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('minutesId', new ParseUUIDPipe()) minutesId: string,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const d = await this.draws.byId(id);
    // Those who see the unsealed group see its minutes (a reserve or another level's staff does not).
    if (!d || !seesIdentities(d, p)) throw new NotFound(`draw ${id} not found`);
    const k = await this.minutes.withContent(id, minutesId);
    if (!k) throw new NotFound(`minutes ${minutesId} not found`);
    res.setHeader('content-type', k.contentType);
    res.setHeader('content-disposition', `attachment; filename="minutes"; filename*=UTF-8''${encodeURIComponent(k.fileName)}`);
    res.setHeader('x-content-sha256', k.sha256);
    return new StreamableFile(k.content);
  }
}
