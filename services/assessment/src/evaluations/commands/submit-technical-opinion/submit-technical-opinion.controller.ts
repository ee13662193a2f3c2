import { Body, ConflictException, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { consolidationOptions } from '../../../infrastructure/assessment.config';
import { consolidate } from '../../domain/consolidation';
import { ONSITE_METHODS, ScoreSheet } from '../../domain/score-sheet.entity';
import { EvaluationStore } from '../../evaluation-store';
import { OpinionPublisher } from '../../opinion-publisher';
import { SubmitTechnicalOpinionRequest } from './submit-technical-opinion.request';

/**
 * When every current member has submitted their sheet, the leader consolidates them into the 技术评估意见 with the
 * per-item table. Sheets of members who were replaced do not count.
 */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/opinions/technical')
export class SubmitTechnicalOpinionController {
  private readonly options = consolidationOptions();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EvaluationStore,
    private readonly publisher: OpinionPublisher,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async submit(@Param('caseId') caseId: string, @Body() body: SubmitTechnicalOpinionRequest, @CurrentPrincipal() principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.store.lockedOrNotFound(manager, caseId);
      const leader = this.store.requireLeader(ev, principal);
      this.store.requireStage(ev, ['ONSITE_EVALUATION'], 'submit the technical evaluation opinion (技术评估意见)');
      const { standard, scope } = await this.store.pinnedStandard(manager, ev);
      const sheets = await manager.find(ScoreSheet, { where: { caseId, status: 'submitted' } });
      const current = ev.members.map((m) => ({ member: m, sheet: sheets.find((s) => s.expertId === m.expertId) }));
      const missing = current.filter((c) => !c.sheet).map((c) => `${c.member.name}（${c.member.expertId}）`);
      if (missing.length) {
        throw new ConflictException({ error: 'Conflict', message: `not every member has submitted a score sheet: waiting for ${missing.join(', ')}`, waitingFor: missing });
      }
      const submitted = current.map((c) => ({ member: c.member, sheet: c.sheet! }));
      const consolidation = consolidate(
        standard.document,
        scope,
        submitted.map(({ sheet }) => ({
          expertId: sheet.expertId,
          scores: Object.fromEntries(sheet.scores.map((s) => [s.subItemId, s.score])),
          vetoes: sheet.vetoes.map((v) => v.vetoId),
        })),
        this.options,
      );
      const used = new Set(submitted.flatMap(({ sheet }) => sheet.methods));
      const vetoReasons = submitted.flatMap(({ member, sheet }) => sheet.vetoes.map((v) => `否决项 ${v.vetoId}（${member.name}）：${v.reason}`));
      return this.publisher.publish(manager, {
        ...this.publisher.header(ev, standard, leader),
        opinionId: randomUUID(),
        kind: 'technical',
        round: 1,
        result: consolidation.result,
        summary: body.summary,
        reasons: vetoReasons,
        consolidation: { ...consolidation, occupationOnly: scope.occupationOnly },
        methodsUsed: ONSITE_METHODS.filter((m) => used.has(m)),
        evidenceNotes: submitted.map(({ member, sheet }) => ({ expertId: member.expertId, name: member.name, note: sheet.evidenceNote })),
        submittedAt: this.clock.now().toISOString(),
      }, principalActor(principal, 'expert'));
    });
  }
}
