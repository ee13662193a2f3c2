import { ConfigVariable, Settings } from '@filing/runtime';
import { ConsolidationOptions, DEFAULT_CONSOLIDATION } from '../evaluations/domain/consolidation';

/** Every variable assessment reads of its own (the shared ones are the runtime's and messaging's). */
export const ASSESSMENT_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'ASSESSMENT_TRIM_FROM_MEMBERS',
    default: String(DEFAULT_CONSOLIDATION.trimFromMembers),
    meaning: 'assessment: from this many score sheets on, an item is the trimmed mean (highest and lowest dropped); an integer ≥ 3',
  },
  {
    name: 'ASSESSMENT_OUTLIER_SHARE',
    default: String(DEFAULT_CONSOLIDATION.outlierShareOfMax),
    meaning: "assessment: a member's item score further than this share of the item's maximum from the median is flagged as an outlier; in (0, 1]",
  },
  {
    name: 'ASSESSMENT_EVIDENCE_MAX_BYTES',
    default: String(10 * 1024 * 1024),
    meaning: 'assessment: the largest on-site evidence file (photo, document) accepted, in bytes; a larger upload is refused with 413',
  },
];

/**
 * Assessment's settings, read and checked once at start-up and injected where they are used. The consolidation
 * rules are proposals of docs/domain.md §1.2, so they are configuration.
 */
export class AssessmentConfig {
  readonly consolidation: ConsolidationOptions;
  readonly evidenceMaxBytes: number;

  constructor(settings = new Settings(ASSESSMENT_VARIABLES)) {
    const trim = settings.number('ASSESSMENT_TRIM_FROM_MEMBERS');
    const share = settings.number('ASSESSMENT_OUTLIER_SHARE');
    if (!Number.isInteger(trim) || trim < 3) throw new Error(`configuration: ASSESSMENT_TRIM_FROM_MEMBERS must be an integer ≥ 3, got "${trim}"`);
    if (!(share > 0 && share <= 1)) throw new Error(`configuration: ASSESSMENT_OUTLIER_SHARE must be in (0, 1], got "${share}"`);
    this.consolidation = { trimFromMembers: trim, outlierShareOfMax: share };
    const maxBytes = settings.number('ASSESSMENT_EVIDENCE_MAX_BYTES');
    if (!Number.isInteger(maxBytes) || maxBytes < 1)
      throw new Error(`configuration: ASSESSMENT_EVIDENCE_MAX_BYTES must be a positive integer, got "${maxBytes}"`);
    this.evidenceMaxBytes = maxBytes;
  }
}

export const assessmentConfig = new AssessmentConfig();
