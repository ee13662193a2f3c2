import { Controller, ForbiddenException, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { PROVINCE_CODE } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { reviewInstance } from '../../../infrastructure/review.config';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { RecheckRequestRepository } from '../../infrastructure/recheck-request.repository';
import { recheckView } from './recheck.view';

export class ListRechecksQuery {
  @ApiPropertyOptional({ enum: ['pending', 'decided', 'all'], default: 'pending' }) @IsOptional() @IsIn(['pending', 'decided', 'all']) status?:
    'pending' | 'decided' | 'all';
}

/** The provincial centre's re-check queue (复核): city cases as their request snapshot shows them. */
@ApiTags('rechecks')
@ApiBearerAuth()
@Controller('rechecks')
export class ListRechecksController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: StageDeadlines,
    private readonly rechecks: RecheckRequestRepository,
  ) {}

  @Get()
  @Roles('center-staff')
  async list(@CurrentPrincipal() p: Principal, @Query() q: ListRechecksQuery) {
    this.guard(p);
    const status = q.status ?? 'pending';
    const rows = await this.rechecks.list(this.dataSource.manager, status);
    await this.deadlines.refresh();
    return { items: rows.map((r) => recheckView(r, this.deadlines)) };
  }

  @Get(':id')
  @Roles('center-staff')
  async get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    this.guard(p);
    const row = await this.rechecks.find(this.dataSource.manager, id);
    if (!row) throw new NotFoundException(`re-check ${id} not found`);
    await this.deadlines.refresh();
    return recheckView(row, this.deadlines);
  }

  private guard(p: Principal): void {
    if (!reviewInstance.isProvince) throw new NotFoundException('the re-check queue is kept at the province review instance');
    if (p.jurisdiction !== PROVINCE_CODE) throw new ForbiddenException('the re-check queue belongs to the provincial centre staff (220000)');
  }
}
