import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { INSTITUTION_KINDS } from '@filing/contracts';
import { Clock } from '@filing/runtime';
import { StandardVersion } from '../../domain/standard.entity';
import { StandardCatalogue } from '../../standard-catalogue';

/** The loaded standards: readable by every signed-in user (experts score against them, applicants prepare for them). */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class ListStandardsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: StandardCatalogue,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list() {
    const rows = await this.dataSource.getRepository(StandardVersion).find({ order: { seq: 'ASC' } });
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
  @ApiQuery({ name: 'institutionKind', enum: INSTITUTION_KINDS })
  @ApiQuery({ name: 'date', required: false, description: 'YYYY-MM-DD, China date; today by default' })
  async inForce(@Query('institutionKind') institutionKind: string, @Query('date') date?: string) {
    if (!(INSTITUTION_KINDS as readonly string[]).includes(institutionKind)) throw new BadRequestException(`institutionKind must be one of ${INSTITUTION_KINDS.join(', ')}`);
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new BadRequestException('date must be YYYY-MM-DD');
    const day = date ?? this.clock.today();
    const found = await this.catalogue.inForce(this.dataSource.manager, institutionKind, day);
    if (!found) throw new NotFoundException(`no ${institutionKind} standard is in force on ${day}`);
    return found.document;
  }

  @Get(':standardId/versions/:version')
  async get(@Param('standardId') standardId: string, @Param('version') version: string) {
    const found = await this.dataSource.getRepository(StandardVersion).findOneBy({ standardId, version });
    if (!found) throw new NotFoundException(`standard ${standardId} version ${version} is not loaded`);
    return found.document;
  }
}
