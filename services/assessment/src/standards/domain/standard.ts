// A technical evaluation standard (技术评估标准) as data: Attachment 1 (enterprises) or Attachment 2 (社评组织).
// Pure domain code: no framework imports.

export const ASSESSMENT_METHODS = ['materials', 'onsite'] as const;
/** materials = 材料审核; onsite = 现场技术评估. */
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export interface StandardSubItem {
  id: string;
  title: string;
  maxPoints: number;
  method: AssessmentMethod;
  /** 评分办法: how points are given. */
  guidance: string;
  /** 佐证材料: what evidence the experts expect to see. */
  evidence: string;
}

export interface StandardItem {
  id: string;
  title: string;
  maxPoints: number;
  /** Scored in an add-occupation case (增加认定职业): the procedure evaluates only the occupations applied for. */
  occupationRelated: boolean;
  subItems: StandardSubItem[];
}

/** 否决项: any one triggered fails the applicant whatever the total. */
export interface StandardVeto {
  id: string;
  title: string;
}

export interface StandardDocument {
  standardId: string;
  version: string;
  institutionKind: 'employer' | 'social-org';
  title: string;
  /** China calendar date (YYYY-MM-DD) from which the version is in force. */
  effectiveFrom: string;
  /** True for the shipped defaults: they stand in for the official attachments, which could not be obtained. */
  provisional: boolean;
  provenance: string;
  total: number;
  passLine: number;
  items: StandardItem[];
  vetoes: StandardVeto[];
}

/** A loaded version, as kept in the catalogue. */
export interface LoadedStandard {
  document: StandardDocument;
  /** Order of loading: among versions effective the same day, the later load wins. */
  loadedSeq: number;
}

/**
 * The version in force for an institution kind on a date: the latest effective date not after `date`, and among
 * versions effective the same day the one loaded last.
 */
export function standardInForce(loaded: LoadedStandard[], institutionKind: string, date: string): LoadedStandard | undefined {
  return loaded
    .filter((s) => s.document.institutionKind === institutionKind && s.document.effectiveFrom <= date)
    .sort((a, b) =>
      a.document.effectiveFrom === b.document.effectiveFrom ? a.loadedSeq - b.loadedSeq : a.document.effectiveFrom < b.document.effectiveFrom ? -1 : 1,
    )
    .at(-1);
}

/** The part of a standard a case is scored on, and the factor that brings its points to the standard's total. */
export interface ScoringScope {
  items: StandardItem[];
  /** Sum of the scoped items' maximum points. */
  scopeMax: number;
  /** standard total / scopeMax: 1 for a new filing. */
  scale: number;
  occupationOnly: boolean;
}

/** A new filing is scored on every item; an add-occupation case only on the occupation-related ones (procedure §三). */
export function scoringScope(standard: StandardDocument, applicationKind: 'new-filing' | 'add-occupation'): ScoringScope {
  const occupationOnly = applicationKind === 'add-occupation';
  const items = occupationOnly ? standard.items.filter((i) => i.occupationRelated) : standard.items;
  const scopeMax = items.reduce((sum, i) => sum + i.maxPoints, 0);
  return { items, scopeMax, scale: scopeMax > 0 ? standard.total / scopeMax : 0, occupationOnly };
}

export function subItemsOf(items: StandardItem[]): StandardSubItem[] {
  return items.flatMap((i) => i.subItems);
}
