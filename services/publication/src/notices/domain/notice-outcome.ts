import type { OccupationPart } from '@filing/contracts';

export type NoticeOutcome = 'no-objection' | 'objections-dismissed' | 'occupations-struck' | 'objection-upheld';

export interface SettledObjection {
  status: 'upheld' | 'dismissed';
  scope: 'whole-case' | 'occupations' | null;
  struckOccupationCodes: string[];
}

/**
 * What the notice ends with once every objection is settled. An objection upheld for the whole case fails it; one
 * upheld for some occupations strikes them out (all of them struck = the case fails too).
 */
export function decideNoticeOutcome(
  occupations: OccupationPart[],
  objections: SettledObjection[],
): { outcome: NoticeOutcome; remainingOccupations: OccupationPart[] } {
  const upheld = objections.filter((o) => o.status === 'upheld');
  if (upheld.some((o) => o.scope === 'whole-case')) return { outcome: 'objection-upheld', remainingOccupations: [] };
  const struck = new Set(upheld.flatMap((o) => o.struckOccupationCodes));
  const remaining = occupations.filter((o) => !struck.has(o.code));
  if (struck.size > 0) {
    return remaining.length === 0
      ? { outcome: 'objection-upheld', remainingOccupations: [] }
      : { outcome: 'occupations-struck', remainingOccupations: remaining };
  }
  return { outcome: objections.length > 0 ? 'objections-dismissed' : 'no-objection', remainingOccupations: occupations };
}
