import { Controller, Get, Inject, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { AssessmentConfig } from '../../../infrastructure/assessment.config';
import { requireReader } from '../../evaluation-access';
import { consolidateSheets, currentSheets } from '../../group-sheets';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';

/**
 * The consolidation (综合汇总) of the sheets submitted so far — totals, trimmed mean, outliers, vetoes — computed as
 * the technical opinion will compute it, so the leader sees it before submitting. Nothing is stored.
 */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/consolidation')
export class GetConsolidationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    @Inject(AssessmentConfig) private readonly config: AssessmentConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Preview of the consolidation of the submitted score sheets' })
  async preview(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const manager = this.dataSource.manager;
    const ev = await this.evaluations.findOrNotFound(manager, caseId);
    requireReader(ev, principal);
    const { standard, scope } = await this.evaluations.pinnedStandard(manager, ev);
    const { submitted, missing } = await currentSheets(this.evaluations, manager, ev);
    return {
      caseId,
      complete: missing.length === 0,
      submittedBy: submitted.map(({ member }) => ({ expertId: member.expertId, name: member.name })),
      waitingFor: missing.map((m) => ({ expertId: m.expertId, name: m.name })),
      consolidation: submitted.length
        ? { ...consolidateSheets(standard.document, scope, submitted, this.config.consolidation), occupationOnly: scope.occupationOnly }
        : null,
      vetoReasons: submitted.flatMap(({ member, sheet }) =>
        sheet.vetoes.map((v) => ({ vetoId: v.vetoId, expertId: member.expertId, name: member.name, reason: v.reason })),
      ),
    };
  }
}
