import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { ExpertRepository } from '../../infrastructure/expert.repository';
import { ExpertAccess } from '../../expert-access';

/** Progress of an import: validated and imported against total, then the outcome and errors by row. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts/imports')
export class GetImportJobController {
  constructor(
    private readonly experts: ExpertRepository,
    private readonly access: ExpertAccess,
  ) {}

  @Get(':id')
  @Roles('center-staff')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const job = await this.experts.importJob(id);
    if (!job) throw new NotFound(`import ${id} not found`);
    this.access.assertReadsDatabase(p, job.level, `import ${id}`);
    return job;
  }
}
