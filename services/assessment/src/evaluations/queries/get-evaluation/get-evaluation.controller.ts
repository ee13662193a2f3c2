import { Controller, Get, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { scoringScope } from '../../../standards/domain/standard';
import { requireReader } from '../../evaluation-access';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';

/** The case's evaluation: group, stage, the pinned standard and the part of it the case is scored on, progress. */
@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class GetEvaluationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
  ) {}

  @Get('evaluation')
  async get(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const manager = this.dataSource.manager;
    const ev = await this.evaluations.findOrNotFound(manager, caseId);
    requireReader(ev, principal);
    const standard = await this.evaluations.standardOf(manager, ev);
    const scope = standard && ev.applicationKind ? scoringScope(standard.document, ev.applicationKind) : null;
    const sheets = await this.evaluations.sheets(manager, caseId);
    const opinions = await this.evaluations.opinions(manager, caseId);
    return {
      caseId,
      jurisdiction: ev.jurisdiction,
      stage: ev.stage,
      institutionKind: ev.institutionKind,
      applicationKind: ev.applicationKind,
      applicant: ev.applicant,
      occupations: ev.occupations,
      groupId: ev.groupId,
      members: ev.members.map((m) => ({
        ...m,
        leader: m.expertId === ev.leaderExpertId,
        sheet: sheets.find((s) => s.expertId === m.expertId)?.status ?? 'none',
      })),
      leaderExpertId: ev.leaderExpertId,
      preliminaryRound: ev.preliminaryRound,
      comprehensiveRound: ev.comprehensiveRound,
      standard: standard && {
        standardId: standard.standardId,
        version: standard.version,
        title: standard.document.title,
        provisional: standard.provisional,
        pinnedFor: ev.standardPinnedFor,
        total: standard.document.total,
        passLine: standard.document.passLine,
        vetoes: standard.document.vetoes,
      },
      scope: scope && { occupationOnly: scope.occupationOnly, scopeMax: scope.scopeMax, scale: scope.scale, items: scope.items },
      opinions: opinions.map((o) => ({ opinionId: o.id, kind: o.kind, round: o.round, result: o.result, submittedAt: o.submittedAt })),
    };
  }

  @Get('findings')
  async findings(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    const ev = await this.evaluations.findOrNotFound(this.dataSource.manager, caseId);
    requireReader(ev, principal);
    return this.evaluations.findings(this.dataSource.manager, caseId);
  }
}
