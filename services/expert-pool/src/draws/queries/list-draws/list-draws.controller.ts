import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { drawView } from '../../draw-view';
import { ListDrawsRequest } from './list-draws.request';

/**
 * The draws the caller deals with: the officer's queue at their level, the centre's requests for its jurisdiction,
 * an expert's invitations.
 */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class ListDrawsController {
  constructor(private readonly draws: DrawRepository) {}

  @Get()
  @Roles('discipline-officer', 'center-staff', 'expert')
  async list(@Query() query: ListDrawsRequest, @CurrentPrincipal() p: Principal) {
    const draws = await this.draws.dealtWithBy(p, { status: query.status, caseId: query.caseId });
    return { items: draws.map((d) => drawView(d, p)) };
  }
}
