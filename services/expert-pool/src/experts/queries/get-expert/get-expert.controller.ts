import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Expert } from '../../infrastructure/expert.entity';
import { ExpertAccess } from '../../expert-access';
import { expertView } from '../../expert-view';

@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class GetExpertController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ExpertAccess,
  ) {}

  @Get(':id')
  @Roles('center-staff', 'discipline-officer')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const expert = await this.dataSource.getRepository(Expert).findOneBy({ id });
    if (!expert) throw new NotFoundException(`expert ${id} not found`);
    this.access.assertReadsDatabase(p, expert.level, `expert ${id}`);
    return expertView(expert, p);
  }
}
