import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Brackets, DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { listScope, readAccess } from '../../domain/access-policy';
import { Application } from '../../infrastructure/application.entity';
import { applicationSummary } from '../application.view';
import { ListApplicationsQuery } from './list-applications.query';

/** The applicant's own applications; centre staff and approvers those of their jurisdiction (province: all). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ListApplicationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('applicant', 'center-staff', 'approver', 'admin')
  @ApiOperation({ summary: 'Applications the caller may read, newest first' })
  async list(@Query() query: ListApplicationsQuery, @CurrentPrincipal() principal: Principal) {
    const scope = listScope(principal);
    const qb = this.dataSource.getRepository(Application).createQueryBuilder('a');
    qb.where(
      new Brackets((w) => {
        w.where('false');
        if (scope.creditCodes.length) w.orWhere('a.credit_code IN (:...codes)', { codes: scope.creditCodes });
        if (scope.jurisdictions === 'all') w.orWhere('true');
        else if (scope.jurisdictions.length) w.orWhere('a.jurisdiction IN (:...jurisdictions)', { jurisdictions: scope.jurisdictions });
      }),
    );
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.jurisdiction) qb.andWhere('a.jurisdiction = :j', { j: query.jurisdiction });
    qb.orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id')
      .take(query.limit ?? 50)
      .skip(query.offset ?? 0);
    const [rows, total] = await qb.getManyAndCount();
    return { total, items: rows.map((a) => applicationSummary(a, readAccess(principal, a))) };
  }
}
