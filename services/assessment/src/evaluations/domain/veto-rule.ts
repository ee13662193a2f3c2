import type { StandardDocument } from '../../standards/domain/standard';

/** A veto item (否决项) of the standard that at least one member flagged. */
export interface TriggeredVeto {
  vetoId: string;
  title: string;
  flaggedBy: string[];
}

/**
 * 一票否决: the standard's veto items that any member flagged on their sheet. One is enough to fail the case whatever
 * its total (docs/domain.md §1.2).
 */
export function triggeredVetoes(standard: StandardDocument, sheets: readonly { expertId: string; vetoes: readonly string[] }[]): TriggeredVeto[] {
  return standard.vetoes
    .map((v) => ({ vetoId: v.id, title: v.title, flaggedBy: sheets.filter((s) => s.vetoes.includes(v.id)).map((s) => s.expertId) }))
    .filter((v) => v.flaggedBy.length > 0);
}

/** The result of an evaluation: pass at or above the pass line, and only without a veto. */
export function evaluationResult(total: number, passLine: number, vetoes: readonly TriggeredVeto[]): 'pass' | 'fail' {
  return vetoes.length === 0 && total >= passLine ? 'pass' : 'fail';
}
