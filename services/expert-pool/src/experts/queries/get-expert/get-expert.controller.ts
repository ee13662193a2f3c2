import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { ExpertRepository } from '../../infrastructure/expert.repository';
import { ExpertAccess } from '../../expert-access';
import { expertView } from '../../expert-view';

@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class GetExpertController {
  constructor(
    private readonly experts: ExpertRepository,
    private readonly access: ExpertAccess,
  ) {}

  @Get(':id')
  @Roles('center-staff', 'discipline-officer')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const expert = await this.experts.byId(id);
    if (!expert) throw new NotFound(`expert ${id} not found`);
    this.access.assertReadsDatabase(p, expert.level, `expert ${id}`);
    return expertView(expert, p);
  }
}
