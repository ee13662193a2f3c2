import { env } from '@filing/runtime';
import { ConsolidationOptions, DEFAULT_CONSOLIDATION } from '../evaluations/domain/consolidation';

/**
 * Consolidation settings (domain.md marks them as proposals, so they are configuration):
 * ASSESSMENT_TRIM_FROM_MEMBERS (default 5) and ASSESSMENT_OUTLIER_SHARE (share of the item maximum, default 0.3).
 */
export function consolidationOptions(): ConsolidationOptions {
  const trim = Number(env('ASSESSMENT_TRIM_FROM_MEMBERS', String(DEFAULT_CONSOLIDATION.trimFromMembers)));
  const share = Number(env('ASSESSMENT_OUTLIER_SHARE', String(DEFAULT_CONSOLIDATION.outlierShareOfMax)));
  if (!Number.isInteger(trim) || trim < 3) throw new Error(`configuration: ASSESSMENT_TRIM_FROM_MEMBERS must be an integer ≥ 3, got "${trim}"`);
  if (!(share > 0 && share <= 1)) throw new Error(`configuration: ASSESSMENT_OUTLIER_SHARE must be in (0, 1], got "${share}"`);
  return { trimFromMembers: trim, outlierShareOfMax: share };
}
