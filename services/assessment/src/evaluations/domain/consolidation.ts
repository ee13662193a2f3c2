// Consolidation of the members' score sheets into the group's result (综合汇总). Pure domain code.
import { ScoringScope, StandardDocument } from '../../standards/domain/standard';
import { evaluationResult, TriggeredVeto, triggeredVetoes } from './veto-rule';

export interface ConsolidationOptions {
  /** From this many sheets on, the highest and the lowest score of each item are dropped (trimmed mean). */
  trimFromMembers: number;
  /** A score is an outlier when it is farther from the item's median than this share of the item's maximum. */
  outlierShareOfMax: number;
}

export const DEFAULT_CONSOLIDATION: ConsolidationOptions = { trimFromMembers: 5, outlierShareOfMax: 0.3 };

/** One member's submitted sheet, as consolidation needs it. */
export interface SheetScores {
  expertId: string;
  /** Score per sub-item id. */
  scores: Record<string, number>;
  /** Veto ids (否决项) this member flagged. */
  vetoes: string[];
}

export interface MemberItemScore {
  expertId: string;
  score: number;
  outlier: boolean;
}

export interface ConsolidatedItem {
  itemId: string;
  title: string;
  maxPoints: number;
  memberScores: MemberItemScore[];
  median: number;
  method: 'mean' | 'trimmed-mean';
  /** The group's score for the item, rounded to 2 decimals. */
  score: number;
}

export type { TriggeredVeto };

export interface Consolidation {
  items: ConsolidatedItem[];
  /** Sum of the item scores, on the scoped items' scale. */
  rawTotal: number;
  scopeMax: number;
  scale: number;
  /** rawTotal brought to the standard's total (equal to rawTotal for a new filing). */
  total: number;
  passLine: number;
  vetoes: TriggeredVeto[];
  vetoed: boolean;
  result: 'pass' | 'fail';
  options: ConsolidationOptions;
}

export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Mean without the single highest and single lowest value. */
export function trimmedMean(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return mean(s.slice(1, -1));
}

/**
 * Per item: each member's item score is the sum of their sub-item scores; the group's item score is the mean across
 * members (trimmed from `trimFromMembers` sheets on). Outliers are flagged, not removed. The total is the sum of the
 * rounded item scores, scaled to the standard's total for an add-occupation case. Any veto flagged by any member
 * fails the case whatever the total (一票否决).
 */
export function consolidate(
  standard: StandardDocument,
  scope: ScoringScope,
  sheets: SheetScores[],
  options: ConsolidationOptions = DEFAULT_CONSOLIDATION,
): Consolidation {
  if (sheets.length === 0) throw new Error('consolidation needs at least one submitted score sheet');
  const trimmed = sheets.length >= options.trimFromMembers && sheets.length >= 3;
  const items: ConsolidatedItem[] = scope.items.map((item) => {
    const perMember = sheets.map((sheet) => ({
      expertId: sheet.expertId,
      // Rounded so binary fractions (0.7 + 2.1 …) neither show on the form nor tip an outlier comparison.
      score: round2(item.subItems.reduce((sum, sub) => sum + (sheet.scores[sub.id] ?? 0), 0)),
    }));
    const values = perMember.map((m) => m.score);
    const med = median(values);
    const limit = options.outlierShareOfMax * item.maxPoints;
    return {
      itemId: item.id,
      title: item.title,
      maxPoints: item.maxPoints,
      memberScores: perMember.map((m) => ({ ...m, outlier: Math.abs(m.score - med) > limit + 1e-9 })),
      median: round2(med),
      method: trimmed ? 'trimmed-mean' : 'mean',
      score: round2(trimmed ? trimmedMean(values) : mean(values)),
    };
  });

  const rawTotal = round2(items.reduce((sum, i) => sum + i.score, 0));
  const total = round2(rawTotal * scope.scale);
  const vetoes = triggeredVetoes(standard, sheets);
  const vetoed = vetoes.length > 0;
  return {
    items,
    rawTotal,
    scopeMax: scope.scopeMax,
    scale: scope.scale,
    total,
    passLine: standard.passLine,
    vetoes,
    vetoed,
    result: evaluationResult(total, standard.passLine, vetoes),
    options,
  };
}
