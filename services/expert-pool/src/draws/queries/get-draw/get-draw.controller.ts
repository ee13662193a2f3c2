import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { KickOffMinutesRepository } from '../../infrastructure/kick-off-minutes.repository';
import { canSeeDraw, drawView, seesIdentities } from '../../draw-view';

/**
 * One draw: counts and commitment for everyone concerned; identities for the officer and members (sealed until
 * kick-off), with the kick-off meeting's minutes (metadata; download per upload) for those who see the group.
 */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class GetDrawController {
  constructor(
    private readonly draws: DrawRepository,
    private readonly minutes: KickOffMinutesRepository,
  ) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const d = await this.draws.byId(id);
    if (!d || !canSeeDraw(d, p)) throw new NotFound(`draw ${id} not found`);
    const view = drawView(d, p);
    if (!seesIdentities(d, p) || !d.kickOffMeeting) return view;
    const minutes = (await this.minutes.ofDraw(id)).map((k) => ({
      id: k.id,
      fileName: k.fileName,
      contentType: k.contentType,
      sizeBytes: k.sizeBytes,
      sha256: k.sha256,
      uploadedBy: k.uploadedBy,
      uploadedAt: k.uploadedAt,
      download: `/draws/${id}/kick-off-meeting/minutes/${k.id}`,
    }));
    return { ...view, kickOffMinutes: minutes };
  }
}
