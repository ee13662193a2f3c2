import { EntityManager } from 'typeorm';
import { ScoringScope, StandardDocument } from '../standards/domain/standard';
import { consolidate, Consolidation, ConsolidationOptions } from './domain/consolidation';
import { GroupMember } from './domain/group-member';
import { Evaluation } from './infrastructure/evaluation.entity';
import { EvaluationRepository } from './infrastructure/evaluation.repository';
import { ScoreSheet } from './infrastructure/score-sheet.entity';

/** The current members' submitted sheets (a replaced member's sheet does not count) and who has not submitted yet. */
export async function currentSheets(
  evaluations: EvaluationRepository,
  manager: EntityManager,
  ev: Evaluation,
): Promise<{ submitted: { member: GroupMember; sheet: ScoreSheet }[]; missing: GroupMember[] }> {
  const sheets = await evaluations.sheets(manager, ev.caseId, 'submitted');
  const current = ev.members.map((member) => ({ member, sheet: sheets.find((s) => s.expertId === member.expertId) }));
  return {
    submitted: current.filter((c) => c.sheet).map((c) => ({ member: c.member, sheet: c.sheet! })),
    missing: current.filter((c) => !c.sheet).map((c) => c.member),
  };
}

/** The group's consolidation (综合汇总) of the given sheets under the pinned standard. */
export function consolidateSheets(
  standard: StandardDocument,
  scope: ScoringScope,
  submitted: { sheet: ScoreSheet }[],
  options: ConsolidationOptions,
): Consolidation {
  return consolidate(
    standard,
    scope,
    submitted.map(({ sheet }) => ({
      expertId: sheet.expertId,
      scores: Object.fromEntries(sheet.scores.map((s) => [s.subItemId, s.score])),
      vetoes: sheet.vetoes.map((v) => v.vetoId),
    })),
    options,
  );
}
