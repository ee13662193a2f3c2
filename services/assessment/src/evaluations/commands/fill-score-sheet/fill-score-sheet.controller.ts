import { BadRequestException, Body, ConflictException, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { ScoreSheet } from '../../domain/score-sheet.entity';
import { missingSubItems, sheetProblems } from '../../domain/score-sheet-rules';
import { EvaluationStore } from '../../evaluation-store';
import { FillScoreSheetRequest } from './fill-score-sheet.request';

/**
 * 现场技术评估: each member fills their own score sheet. A draft is visible to its member only and may be saved again;
 * once submitted it is visible to the group and can no longer change.
 */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/score-sheets/mine')
export class FillScoreSheetController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EvaluationStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Put()
  @Roles('expert')
  async save(@Param('caseId') caseId: string, @Body() body: FillScoreSheetRequest, @CurrentPrincipal() principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.store.lockedOrNotFound(manager, caseId);
      const member = this.store.requireMember(ev, principal);
      this.store.requireStage(ev, ['ONSITE_EVALUATION'], 'fill a score sheet');
      const { standard, scope } = await this.store.pinnedStandard(manager, ev);
      const problems = sheetProblems(standard.document, scope, body);
      if (problems.length) throw new BadRequestException({ error: 'Bad Request', message: `score sheet refused: ${problems.join('; ')}`, problems });
      const existing = await manager.findOneBy(ScoreSheet, { caseId, expertId: member.expertId });
      if (existing?.status === 'submitted') throw new ConflictException(`the score sheet of expert ${member.expertId} was submitted at ${existing.submittedAt?.toISOString()} and cannot be changed`);
      const sheet = Object.assign(existing ?? new ScoreSheet(), {
        id: existing?.id ?? randomUUID(),
        caseId,
        expertId: member.expertId,
        status: 'draft' as const,
        scores: body.scores.map((s) => ({ subItemId: s.subItemId, score: s.score, ...(s.note ? { note: s.note } : {}) })),
        vetoes: body.vetoes.map((v) => ({ vetoId: v.vetoId, reason: v.reason })),
        methods: body.methods,
        evidenceNote: body.evidenceNote,
        savedAt: this.clock.now(),
        submittedAt: null,
      });
      await manager.save(sheet);
      return { ...sheet, missing: missingSubItems(scope, sheet) };
    });
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('expert')
  async submit(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.store.lockedOrNotFound(manager, caseId);
      const member = this.store.requireMember(ev, principal);
      this.store.requireStage(ev, ['ONSITE_EVALUATION'], 'submit a score sheet');
      const { scope } = await this.store.pinnedStandard(manager, ev);
      const sheet = await manager.findOneBy(ScoreSheet, { caseId, expertId: member.expertId });
      if (!sheet) throw new ConflictException(`expert ${member.expertId} has no draft score sheet to submit; save one first`);
      if (sheet.status === 'submitted') throw new ConflictException(`the score sheet of expert ${member.expertId} is already submitted`);
      const problems: string[] = missingSubItems(scope, sheet).map((id) => `sub-item ${id} has no score`);
      if (sheet.methods.length === 0) problems.push('no on-site method (听取汇报/现场查看/访谈咨询/质询答疑/技术抽查) is recorded');
      if (problems.length) throw new BadRequestException({ error: 'Bad Request', message: `score sheet incomplete: ${problems.join('; ')}`, problems });
      sheet.status = 'submitted';
      sheet.submittedAt = this.clock.now();
      await manager.save(sheet);
      // The submitted sheet is final: its scores and vetoes go into the chain as they are.
      await this.audit.append(manager, {
        caseId,
        jurisdiction: ev.jurisdiction,
        action: 'score-sheet-submitted',
        actor: principalActor(principal, 'expert'),
        at: sheet.submittedAt.toISOString(),
        details: { sheetId: sheet.id, expertId: sheet.expertId, scores: sheet.scores, vetoes: sheet.vetoes, methods: sheet.methods },
      });
      return sheet;
    });
  }
}
