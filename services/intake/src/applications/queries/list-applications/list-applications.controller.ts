import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { listScope, readAccess } from '../../domain/access-policy';
import { ApplicationRepository } from '../../infrastructure/application.repository';
import { applicationSummary } from '../application.view';
import { ListApplicationsQuery } from './list-applications.query';

/** The applicant's own applications; centre staff and approvers those of their jurisdiction (province: all). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ListApplicationsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationRepository,
  ) {}

  @Get()
  @Roles('applicant', 'center-staff', 'approver', 'admin')
  @ApiOperation({ summary: 'Applications the caller may read, newest first' })
  async list(@Query() query: ListApplicationsQuery, @CurrentPrincipal() principal: Principal) {
    const { rows, total } = await this.applications.list(this.dataSource.manager, listScope(principal), query);
    return { total, items: rows.map((a) => applicationSummary(a, readAccess(principal, a))) };
  }
}
