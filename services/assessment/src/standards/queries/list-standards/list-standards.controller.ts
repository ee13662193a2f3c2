import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { INSTITUTION_KINDS, InstitutionKind, IsCalendarDate } from '@filing/contracts';
import { Clock } from '@filing/runtime';
import { StandardRepository } from '../../infrastructure/standard.repository';

export class InForceQuery {
  @ApiProperty({ enum: INSTITUTION_KINDS }) @IsIn(INSTITUTION_KINDS) institutionKind!: InstitutionKind;
  @ApiPropertyOptional({ description: 'YYYY-MM-DD, China date; today by default' }) @IsOptional() @IsCalendarDate() date?: string;
}

/** The loaded standards: readable by every signed-in user (experts score against them, applicants prepare for them). */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class ListStandardsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list() {
    const rows = await this.standards.all(this.dataSource.manager);
    return rows.map((r) => ({
      standardId: r.standardId,
      version: r.version,
      institutionKind: r.institutionKind,
      title: r.document.title,
      effectiveFrom: r.effectiveFrom,
      provisional: r.provisional,
      total: r.document.total,
      passLine: r.document.passLine,
      loadedAt: r.loadedAt,
    }));
  }

  @Get('in-force')
  async inForce(@Query() q: InForceQuery) {
    const institutionKind = q.institutionKind;
    const day = q.date ?? this.clock.today();
    const found = await this.standards.inForce(this.dataSource.manager, institutionKind, day);
    if (!found) throw new NotFoundException(`no ${institutionKind} standard is in force on ${day}`);
    return found.document;
  }

  @Get(':standardId/versions/:version')
  async get(@Param('standardId') standardId: string, @Param('version') version: string) {
    const found = await this.standards.version(this.dataSource.manager, standardId, version);
    if (!found) throw new NotFoundException(`standard ${standardId} version ${version} is not loaded`);
    return found.document;
  }
}
