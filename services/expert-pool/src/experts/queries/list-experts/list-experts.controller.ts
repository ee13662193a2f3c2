import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Expert } from '../../infrastructure/expert.entity';
import { ExpertAccess } from '../../expert-access';
import { expertView } from '../../expert-view';
import { ListExpertsRequest } from './list-experts.request';

/** The caller's level's database, filtered and paged. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class ListExpertsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ExpertAccess,
  ) {}

  @Get()
  @Roles('center-staff', 'discipline-officer')
  async list(@Query() query: ListExpertsRequest, @CurrentPrincipal() p: Principal) {
    const level = p.jurisdiction;
    this.access.assertReadsDatabase(p, level);
    const qb = this.dataSource.getRepository(Expert).createQueryBuilder('e').where('e.level = :level', { level });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.occupation) qb.andWhere('e.occupation_codes @> CAST(:occupation AS jsonb)', { occupation: JSON.stringify([query.occupation]) });
    if (query.q) qb.andWhere(`(e.name ILIKE :q OR e.employer->>'name' ILIKE :q)`, { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    const [items, total] = await qb
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(query.limit ?? 50)
      .skip(query.offset ?? 0)
      .getManyAndCount();
    return { level, total, items: items.map((e) => expertView(e, p)) };
  }
}
