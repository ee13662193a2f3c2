import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ExpertRepository } from '../../infrastructure/expert.repository';
import { ExpertAccess } from '../../expert-access';
import { expertView } from '../../expert-view';
import { ListExpertsRequest } from './list-experts.request';

/** The caller's level's database, filtered and paged. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class ListExpertsController {
  constructor(
    private readonly experts: ExpertRepository,
    private readonly access: ExpertAccess,
  ) {}

  @Get()
  @Roles('center-staff', 'discipline-officer')
  async list(@Query() query: ListExpertsRequest, @CurrentPrincipal() p: Principal) {
    const level = p.jurisdiction;
    this.access.assertReadsDatabase(p, level);
    const [items, total] = await this.experts.ofLevel(level, query);
    return { level, total, items: items.map((e) => expertView(e, p)) };
  }
}
