import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { MissingPrecondition } from '@filing/runtime';
import { AssessmentConfig } from '../../../infrastructure/assessment.config';
import { ONSITE_METHODS } from '../../domain/score-sheet';
import { consolidateSheets, currentSheets } from '../../group-sheets';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { onsiteVisitView } from '../../onsite-visit-view';
import { LeaderOpinion } from '../leader-opinion';

export interface SubmitTechnicalOpinion {
  caseId: string;
  summary: string;
}

/**
 * When every current member has submitted their sheet, the leader consolidates them into the 技术评估意见 with the
 * per-item table. Sheets of members who were replaced do not count.
 */
@Injectable()
export class SubmitTechnicalOpinionHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly opinion: LeaderOpinion,
    @Inject(AssessmentConfig) private readonly config: AssessmentConfig,
  ) {}

  async execute(cmd: SubmitTechnicalOpinion, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const opened = await this.opinion.open(manager, cmd.caseId, principal, ['ONSITE_EVALUATION'], 'submit the technical evaluation opinion (技术评估意见)');
      const { ev, standard, scope } = opened;
      const { submitted, missing: absent } = await currentSheets(this.evaluations, manager, ev);
      const missing = absent.map((m) => `${m.name}（${m.expertId}）`);
      if (missing.length) {
        throw new MissingPrecondition({
          error: 'Conflict',
          message: `not every member has submitted a score sheet: waiting for ${missing.join(', ')}`,
          waitingFor: missing,
        });
      }
      // The same consolidation the leader previewed (GET /cases/:caseId/consolidation).
      const consolidation = consolidateSheets(standard.document, scope, submitted, this.config.consolidation);
      // The visit record says which methods were used; the sheets' own ticks count only for a case without one.
      const visit = await onsiteVisitView(this.evaluations, manager, ev, scope.items);
      const used = new Set(visit?.records.length ? visit.records.map((r) => r.method) : submitted.flatMap(({ sheet }) => sheet.methods));
      const vetoReasons = submitted.flatMap(({ member, sheet }) => sheet.vetoes.map((v) => `否决项 ${v.vetoId}（${member.name}）：${v.reason}`));
      return this.opinion.publish(
        manager,
        opened,
        {
          kind: 'technical',
          round: 1,
          result: consolidation.result,
          summary: cmd.summary,
          reasons: vetoReasons,
          consolidation: { ...consolidation, occupationOnly: scope.occupationOnly },
          methodsUsed: ONSITE_METHODS.filter((m) => used.has(m)),
          onsiteVisit: visit && {
            date: visit.date,
            place: visit.place,
            members: visit.members,
            records: visit.records.map((r) => ({
              recordId: r.recordId,
              method: r.method,
              name: r.name,
              notes: r.notes,
              detail: r.detail,
              itemIds: r.itemIds,
              evidence: r.evidence.map((e) => ({ fileName: e.fileName, sha256: e.sha256 })),
            })),
            coverage: visit.coverage,
          },
          evidenceNotes: submitted.map(({ member, sheet }) => ({ expertId: member.expertId, name: member.name, note: sheet.evidenceNote })),
        },
        principal,
      );
    });
  }
}
