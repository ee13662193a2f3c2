import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { loadCaseAudit } from '../../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../../infrastructure/review.config';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { canReadCase } from '../../domain/case-access';
import { CaseRepository } from '../../infrastructure/case.repository';
import { caseView } from './case.view';

/**
 * One case with its history (every transition: who, when, what, why). Centre staff and approvers of the case's
 * jurisdiction, the applicant of its credit code, and administrators may read it.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class GetCaseController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: StageDeadlines,
    private readonly cases: CaseRepository,
  ) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The case, its deadline (督办), the steps open from its stage, and its history.' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const found = await this.cases.load(this.dataSource.manager, id);
    if (!found) throw new NotFoundException(`case ${id} not found at this review instance`);
    if (!canReadCase(p, found)) throw new NotFoundException(`case ${id} not found at this review instance`);
    const audit = await loadCaseAudit(this.dataSource, reviewInstance.schema, id);
    await this.deadlines.refresh();
    return {
      ...caseView(found, p, this.deadlines.of(found.stage, found.stageEnteredAt)),
      history: audit.map((a) => ({
        seq: a.seq,
        action: a.action,
        from: a.fromStage,
        to: a.toStage,
        actor: a.actor,
        at: a.at,
        reason: a.reason,
        details: a.details,
      })),
    };
  }
}
