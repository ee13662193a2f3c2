import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, InvalidCommand, MissingPrecondition } from '@filing/runtime';
import type { MaterialPointer } from '../../domain/onsite-visit';
import { OnsiteMethod } from '../../domain/score-sheet';
import { missingSubItems, sheetProblems } from '../../domain/score-sheet-rules';
import { requireMember, requireStage } from '../../evaluation-access';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { ScoreSheet } from '../../infrastructure/score-sheet.entity';

export interface ScoreSheetDraft {
  scores: { subItemId: string; score: number; note?: string; material?: MaterialPointer }[];
  vetoes: { vetoId: string; reason: string }[];
  /** The old tick-boxes; the visit record (onsite-visit) says which methods were used. */
  methods?: OnsiteMethod[];
  evidenceNote: string;
}

/**
 * 现场技术评估: each member fills their own score sheet. A draft is visible to its member only and may be saved again;
 * once submitted it is visible to the group and can no longer change.
 */
@Injectable()
export class FillScoreSheetHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async save(caseId: string, draft: ScoreSheetDraft, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.evaluations.lockedOrNotFound(manager, caseId);
      const member = requireMember(ev, principal);
      requireStage(ev, ['ONSITE_EVALUATION'], 'fill a score sheet');
      const { standard, scope } = await this.evaluations.pinnedStandard(manager, ev);
      const problems = sheetProblems(standard.document, scope, draft);
      if (problems.length) throw new InvalidCommand({ error: 'Bad Request', message: `score sheet refused: ${problems.join('; ')}`, problems });
      const existing = await this.evaluations.sheetOf(manager, caseId, member.expertId);
      if (existing?.status === 'submitted')
        throw new MissingPrecondition(
          `the score sheet of expert ${member.expertId} was submitted at ${existing.submittedAt?.toISOString()} and cannot be changed`,
        );
      const sheet = Object.assign(existing ?? new ScoreSheet(), {
        id: existing?.id ?? randomUUID(),
        caseId,
        expertId: member.expertId,
        status: 'draft' as const,
        scores: draft.scores.map((s) => ({
          subItemId: s.subItemId,
          score: s.score,
          ...(s.note ? { note: s.note } : {}),
          ...(s.material
            ? { material: { materialId: s.material.materialId, version: s.material.version, ...(s.material.page ? { page: s.material.page } : {}) } }
            : {}),
        })),
        vetoes: draft.vetoes.map((v) => ({ vetoId: v.vetoId, reason: v.reason })),
        methods: draft.methods ?? [],
        evidenceNote: draft.evidenceNote,
        savedAt: this.clock.now(),
        submittedAt: null,
      });
      await this.evaluations.saveSheet(manager, sheet);
      return { ...sheet, missing: missingSubItems(scope, sheet) };
    });
  }

  async submit(caseId: string, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.evaluations.lockedOrNotFound(manager, caseId);
      const member = requireMember(ev, principal);
      requireStage(ev, ['ONSITE_EVALUATION'], 'submit a score sheet');
      const { scope } = await this.evaluations.pinnedStandard(manager, ev);
      const sheet = await this.evaluations.sheetOf(manager, caseId, member.expertId);
      if (!sheet) throw new MissingPrecondition(`expert ${member.expertId} has no draft score sheet to submit; save one first`);
      if (sheet.status === 'submitted') throw new MissingPrecondition(`the score sheet of expert ${member.expertId} is already submitted`);
      const problems: string[] = missingSubItems(scope, sheet).map((id) => `sub-item ${id} has no score`);
      // The member's own entries in the visit record show the methods; a sheet's ticks stand in for a case without one.
      const recorded = (await this.evaluations.visitRecords(manager, caseId)).some((r) => r.expertId === member.expertId);
      if (!recorded && sheet.methods.length === 0)
        problems.push('no on-site method is recorded: record the visit (听取汇报/现场查看/访谈咨询/质询答疑/技术抽查) first');
      if (problems.length) throw new InvalidCommand({ error: 'Bad Request', message: `score sheet incomplete: ${problems.join('; ')}`, problems });
      sheet.status = 'submitted';
      sheet.submittedAt = this.clock.now();
      await this.evaluations.saveSheet(manager, sheet);
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
