// What a score sheet must satisfy against the case's pinned standard. Pure domain code.
import { ScoringScope, StandardDocument, subItemsOf } from '../../standards/domain/standard';

export interface SheetInput {
  scores: { subItemId: string; score: number }[];
  vetoes: { vetoId: string }[];
}

/** Problems with a draft: unknown or out-of-scope sub-items, scores outside 0..max, unknown vetoes, repeats. */
export function sheetProblems(standard: StandardDocument, scope: ScoringScope, sheet: SheetInput): string[] {
  const problems: string[] = [];
  const inScope = new Map(subItemsOf(scope.items).map((s) => [s.id, s]));
  const all = new Set(subItemsOf(standard.items).map((s) => s.id));
  const seen = new Set<string>();
  for (const { subItemId, score } of sheet.scores) {
    if (seen.has(subItemId)) problems.push(`sub-item ${subItemId} is scored twice`);
    seen.add(subItemId);
    const sub = inScope.get(subItemId);
    if (!sub) {
      problems.push(
        all.has(subItemId)
          ? `sub-item ${subItemId} is not scored in an add-occupation case (only the occupation-related items are evaluated)`
          : `sub-item ${subItemId} is not in standard ${standard.standardId} version ${standard.version}`,
      );
      continue;
    }
    if (!Number.isFinite(score) || score < 0 || score > sub.maxPoints)
      problems.push(`sub-item ${subItemId} (${sub.title}): score ${score} is outside 0..${sub.maxPoints}`);
  }
  const vetoIds = new Set(standard.vetoes.map((v) => v.id));
  const seenVetoes = new Set<string>();
  for (const { vetoId } of sheet.vetoes) {
    if (!vetoIds.has(vetoId)) problems.push(`veto ${vetoId} is not a veto item (否决项) of standard ${standard.standardId} version ${standard.version}`);
    if (seenVetoes.has(vetoId)) problems.push(`veto ${vetoId} is flagged twice`);
    seenVetoes.add(vetoId);
  }
  return problems;
}

/** A sheet can be submitted only when every scoped sub-item has a score. */
export function missingSubItems(scope: ScoringScope, sheet: SheetInput): string[] {
  const scored = new Set(sheet.scores.map((s) => s.subItemId));
  return subItemsOf(scope.items)
    .map((s) => s.id)
    .filter((id) => !scored.has(id));
}
