import type { RegisterStatus } from '@filing/contracts';

/** What the public register search filters on (SearchRegisterQuery, already validated). */
export interface RegisterSearch {
  city?: string;
  occupation?: string;
  level?: number;
  name?: string;
  creditCode?: string;
  status?: 'current' | RegisterStatus | 'all';
  page?: number;
  pageSize?: number;
}

/** The fields a search tests, beside the public item it answers with (never sent). */
export interface SearchableEntry<Item> {
  item: Item;
  creditCode: string;
  jurisdiction: string;
  status: string;
  /** foldCase(name). */
  name: string;
  occupations: { code: string; name: string; workType: string; levels: unknown[] }[];
}

export interface RegisterPage<Item> {
  total: number;
  page: number;
  pageSize: number;
  items: Item[];
}

/**
 * Lower case one code point at a time, as PostgreSQL's ILIKE does (it lowers each character; String#toLowerCase
 * would turn 'İ' into two characters and a final 'Σ' by context).
 */
export function foldCase(s: string): string {
  let out = '';
  for (const c of s) {
    const lower = c.toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** An entry made searchable: its name and occupation texts folded once, when the register is loaded. */
export function searchable<Item>(
  item: Item,
  e: { creditCode: string; jurisdiction: string; status: string; name: string; occupations: unknown },
): SearchableEntry<Item> {
  const occupations = Array.isArray(e.occupations) ? (e.occupations as Record<string, unknown>[]) : [];
  return {
    item,
    creditCode: e.creditCode,
    jurisdiction: e.jurisdiction,
    status: e.status,
    name: foldCase(e.name),
    occupations: occupations.map((o) => ({
      code: text(o?.code),
      // ->> of a missing key is NULL, and NULL ILIKE anything is not true: '' never contains a non-empty fragment.
      name: foldCase(text(o?.name)),
      workType: foldCase(text(o?.workType)),
      levels: Array.isArray(o?.levels) ? o.levels : [],
    })),
  };
}

function statusesOf(status: RegisterSearch['status']): string[] {
  if (status === 'all') return ['valid', 'suspended', 'withdrawn', 'cancelled'];
  if (status && status !== 'current') return [status];
  return ['valid', 'suspended'];
}

/** The test a search makes of each entry: the SQL it replaces, kept in the same words. */
export function registerFilter(q: RegisterSearch): (e: SearchableEntry<unknown>) => boolean {
  const statuses = statusesOf(q.status);
  const name = q.name ? foldCase(q.name) : undefined;
  const occupation = q.occupation || undefined;
  const occupationText = occupation ? foldCase(occupation) : undefined;
  const level = q.level || undefined;
  return (e) => {
    if (!statuses.includes(e.status)) return false;
    if (q.city && e.jurisdiction !== q.city) return false;
    if (q.creditCode && e.creditCode !== q.creditCode) return false;
    if (name !== undefined && !e.name.includes(name)) return false;
    if (occupation === undefined && level === undefined) return true;
    // One occupation must match both the occupation and the level when both are given.
    return e.occupations.some(
      (o) =>
        (occupation === undefined || o.code === occupation || o.name.includes(occupationText!) || o.workType.includes(occupationText!)) &&
        (level === undefined || o.levels.includes(level)),
    );
  };
}

/** A page of the entries (already in the register's order: latest notice first, then by name) that match. */
export function searchRegister<Item>(entries: readonly SearchableEntry<Item>[], q: RegisterSearch): RegisterPage<Item> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const matches = registerFilter(q);
  const from = (page - 1) * pageSize;
  const items: Item[] = [];
  let total = 0;
  for (const e of entries) {
    if (!matches(e)) continue;
    if (total >= from && items.length < pageSize) items.push(e.item);
    total++;
  }
  return { total, page, pageSize, items };
}
