import { BadRequestException, Controller, ForbiddenException, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PROVINCE_CODE } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { RecheckRequestRow } from '../../domain/recheck-request';
import { recheckView } from './recheck.view';

/** The provincial centre's re-check queue (复核): city cases as their request snapshot shows them. */
@ApiTags('rechecks')
@ApiBearerAuth()
@Controller('rechecks')
export class ListRechecksController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: StageDeadlines,
  ) {}

  @Get()
  @Roles('center-staff')
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'decided', 'all'] })
  async list(@CurrentPrincipal() p: Principal, @Query('status') status = 'pending') {
    this.guard(p);
    if (!['pending', 'decided', 'all'].includes(status)) throw new BadRequestException('status must be pending, decided or all');
    const rows: RecheckRequestRow[] = await this.dataSource.query(
      `SELECT * FROM ${reviewInstance.schema}.recheck_request WHERE ($1 = 'all' OR status = $1) ORDER BY received_at, id`,
      [status],
    );
    await this.deadlines.refresh();
    return { items: rows.map((r) => recheckView(r, this.deadlines)) };
  }

  @Get(':id')
  @Roles('center-staff')
  async get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    this.guard(p);
    const rows: RecheckRequestRow[] = await this.dataSource.query(`SELECT * FROM ${reviewInstance.schema}.recheck_request WHERE id = $1`, [id]);
    if (!rows[0]) throw new NotFoundException(`re-check ${id} not found`);
    await this.deadlines.refresh();
    return recheckView(rows[0], this.deadlines);
  }

  private guard(p: Principal): void {
    if (!reviewInstance.isProvince) throw new NotFoundException('the re-check queue is kept at the province review instance');
    if (p.jurisdiction !== PROVINCE_CODE) throw new ForbiddenException('the re-check queue belongs to the provincial centre staff (220000)');
  }
}
