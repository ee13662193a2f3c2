import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Brackets, DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Draw } from '../../infrastructure/draw.entity';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('discipline-officer', 'center-staff', 'expert')
  async list(@Query() query: ListDrawsRequest, @CurrentPrincipal() p: Principal) {
    const qb = this.dataSource.getRepository(Draw).createQueryBuilder('d');
    qb.where(
      new Brackets((w) => {
        w.where('1 = 0');
        if (p.hasRole('discipline-officer')) w.orWhere('d.database_level = :j', { j: p.jurisdiction });
        if (p.hasRole('center-staff')) w.orWhere('(d.case_jurisdiction = :j OR d.database_level = :j)', { j: p.jurisdiction });
        if (p.hasRole('expert') && p.expertId) {
          const me = JSON.stringify([{ expertId: p.expertId }]);
          w.orWhere('(d.members @> CAST(:me AS jsonb) OR d.reserves @> CAST(:me AS jsonb))', { me });
        }
      }),
    );
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.caseId) qb.andWhere('d.case_id = :caseId', { caseId: query.caseId });
    const draws = await qb.orderBy('d.requested_at', 'ASC').take(500).getMany();
    return { items: draws.map((d) => drawView(d, p)) };
  }
}
