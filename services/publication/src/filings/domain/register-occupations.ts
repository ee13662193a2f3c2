import type { OccupationPart } from '@filing/contracts';

/**
 * An add-occupation filing (增加认定职业) extends the institution's entry: new occupations are appended, and levels of
 * an occupation already filed are joined.
 */
export function mergeOccupations(existing: OccupationPart[], added: OccupationPart[]): OccupationPart[] {
  const merged = existing.map((o) => ({ ...o, levels: [...o.levels] }));
  for (const a of added) {
    const same = merged.find((o) => o.code === a.code && (o.workType ?? null) === (a.workType ?? null));
    if (same) same.levels = [...new Set([...same.levels, ...a.levels])].sort((x, y) => y - x);
    else merged.push({ ...a, levels: [...a.levels].sort((x, y) => y - x) });
  }
  return merged;
}
