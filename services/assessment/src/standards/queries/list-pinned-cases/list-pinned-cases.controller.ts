import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';

interface PinnedRow {
  case_id: string;
  jurisdiction: string | null;
  applicant: { name: string; creditCode: string } | null;
  institution_kind: string | null;
  stage: string | null;
  standard_id: string;
  version: string;
  pinned_for: string | null;
  formed_at: Date | null;
}

/**
 * Which cases are evaluated against which standard version: each case pins the version in force when its group was
 * formed, and keeps it when a newer one is loaded. The province's administrator sees every case, a city's its own.
 */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class ListPinnedCasesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('pinned-cases')
  @Roles('admin')
  @ApiOkResponse({
    description: '`items`: each case with a pinned version — its jurisdiction, applicant, stage and the version (standardId, version, pinnedFor).',
  })
  async list(@CurrentPrincipal() p: Principal) {
    const rows: PinnedRow[] = await this.dataSource.query(
      `SELECT e.case_id, e.jurisdiction, e.applicant, e.institution_kind, e.stage, s.standard_id, s.version, e.standard_pinned_for::text AS pinned_for, e.formed_at
         FROM assessment.evaluation e JOIN assessment.standard_version s ON s.seq = e.standard_seq
        WHERE ($1::text IS NULL OR e.jurisdiction = $1)
        ORDER BY e.formed_at DESC NULLS LAST, e.case_id
        LIMIT 1000`,
      [p.isProvince() ? null : p.jurisdiction],
    );
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
