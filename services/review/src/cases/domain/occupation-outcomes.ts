import type { OccupationOutcomePart, OccupationPart } from '@filing/contracts';

const key = (o: { code: string; workType?: string }) => `${o.code}|${o.workType ?? ''}`;

/**
 * The occupations an approval approves: those the comprehensive opinion passed, at the levels it passed them (an
 * institution may pass for 车工 levels 5–3 and not for 焊工). An opinion without outcomes (before they were recorded)
 * passes every applied occupation as applied.
 */
export function passedOccupations(applied: OccupationPart[], outcomes: OccupationOutcomePart[] | undefined): OccupationPart[] {
  if (!outcomes) return applied;
  const byKey = new Map(outcomes.map((o) => [key(o), o]));
  return applied.flatMap((a) => {
    const o = byKey.get(key(a));
    if (!o || o.result !== 'pass') return [];
    const levels = a.levels.filter((l) => o.levels.includes(l));
    return levels.length ? [{ ...a, levels }] : [];
  });
}

/** The applied occupations the comprehensive opinion did not pass, with the group's reason. */
export function notPassedOccupations(outcomes: OccupationOutcomePart[] | undefined): OccupationOutcomePart[] {
  return (outcomes ?? []).filter((o) => o.result !== 'pass');
}
