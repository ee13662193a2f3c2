import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { StandardRepository } from '../../infrastructure/standard.repository';

/**
 * Which cases are evaluated against which standard version: each case pins the version in force when its group was
 * formed, and keeps it when a newer one is loaded. The province's administrator sees every case, a city's its own.
 */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class ListPinnedCasesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardRepository,
  ) {}

  @Get('pinned-cases')
  @Roles('admin')
  @ApiOkResponse({
    description: '`items`: each case with a pinned version — its jurisdiction, applicant, stage and the version (standardId, version, pinnedFor).',
  })
  async list(@CurrentPrincipal() p: Principal) {
    const rows = await this.standards.pinnedCases(this.dataSource.manager, p.isProvince() ? null : p.jurisdiction);
    return {
      items: rows.map((r) => ({
        caseId: r.case_id,
        jurisdiction: r.jurisdiction,
        applicant: r.applicant,
        institutionKind: r.institution_kind,
        stage: r.stage,
        standardId: r.standard_id,
        version: r.version,
        pinnedFor: r.pinned_for,
        formedAt: r.formed_at,
      })),
    };
  }
}
