import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ImportJob } from '../../infrastructure/import-job.entity';
import { ExpertAccess } from '../../expert-access';

/** Progress of an import: validated and imported against total, then the outcome and errors by row. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts/imports')
export class GetImportJobController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ExpertAccess,
  ) {}

  @Get(':id')
  @Roles('center-staff')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const job = await this.dataSource.getRepository(ImportJob).findOneBy({ id });
    if (!job) throw new NotFoundException(`import ${id} not found`);
    this.access.assertReadsDatabase(p, job.level, `import ${id}`);
    return job;
  }
}
