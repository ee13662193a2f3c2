import { normaliseOrganisationName } from './draw-snapshot';

/** The avoidance (回避) rules, in the order they are checked and reported. */
export const AVOIDANCE_RULES = [
  'not-active',
  'out-of-term',
  'wrong-level',
  'works-at-applicant',
  'worked-at-applicant-recently',
  'declared-conflict',
  'relative-at-applicant',
  'recently-served-applicant',
] as const;
export type AvoidanceRule = (typeof AVOIDANCE_RULES)[number];

export interface Organisation {
  name: string;
  creditCode?: string | null;
}

/** An expert as avoidance needs to see them. Dates are China calendar dates, YYYY-MM-DD. */
export interface AvoidanceCandidate {
  id: string;
  level: string;
  status: 'active' | 'suspended' | 'removed';
  termStart?: string | null;
  termEnd?: string | null;
  employer: Organisation;
  formerEmployers: (Organisation & { from?: string | null; to: string })[];
  /** Shares, advice, training, writing the application…: an interest in an organisation during a period. */
  declaredConflicts: (Organisation & { from?: string | null; to?: string | null; nature?: string })[];
  relativesEmployers: (Organisation & { relation?: string })[];
  serviceHistory: { caseId: string; applicantName: string; applicantCreditCode?: string | null; servedOn: string }[];
}

export interface AvoidanceContext {
  applicant: Organisation;
  databaseLevel: string;
  /** The draw's date (China calendar). */
  today: string;
  /** Former employment at the applicant that ended within this many years is a conflict (default 3). */
  formerEmployerYears: number;
  /** Serving the same applicant within this many months is a conflict. */
  recentServiceMonths: number;
}

export interface RuleHit {
  rule: AvoidanceRule;
  detail: string;
}

export interface Exclusion {
  expertId: string;
  /** Every rule that applies, in AVOIDANCE_RULES order; the first is the one reported as the reason. */
  hits: RuleHit[];
}

export interface AvoidanceResult<C extends AvoidanceCandidate> {
  eligible: C[];
  excluded: Exclusion[];
}

/** Shifts a YYYY-MM-DD date by whole months (clamped to the month's last day). */
export function shiftMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

type Matcher = (o: Organisation) => 'credit code' | 'name' | undefined;

/**
 * Normalised organisation names, memoised across draws (a pure function of the name; employer names repeat a lot
 * and every draw looks at the same database): no NFKC normalisation of thousands of names per draw.
 */
const normalisedNames = new Map<string, string>();

/** Compares organisations with the applicant. */
function applicantMatcher(applicant: Organisation): Matcher {
  const code = applicant.creditCode?.toUpperCase();
  const name = normaliseOrganisationName(applicant.name);
  return (o) => {
    if (code && o.creditCode && o.creditCode.toUpperCase() === code) return 'credit code';
    let n = normalisedNames.get(o.name);
    if (n === undefined) {
      n = normaliseOrganisationName(o.name);
      if (normalisedNames.size > 200_000) normalisedNames.clear();
      normalisedNames.set(o.name, n);
    }
    return n === name ? 'name' : undefined;
  };
}

function describe(o: Organisation): string {
  return o.creditCode ? `${o.name} (${o.creditCode})` : o.name;
}

interface PreparedContext extends AvoidanceContext {
  matches: Matcher;
  formerSince: string;
  serviceSince: string;
}

function prepare(ctx: AvoidanceContext): PreparedContext {
  return {
    ...ctx,
    matches: applicantMatcher(ctx.applicant),
    formerSince: shiftMonths(ctx.today, -12 * ctx.formerEmployerYears),
    serviceSince: shiftMonths(ctx.today, -ctx.recentServiceMonths),
  };
}

/** Which rules exclude one expert from a draw for this applicant; empty when they are eligible. */
export function avoidanceHits(c: AvoidanceCandidate, context: AvoidanceContext): RuleHit[] {
  return hitsOf(c, 'matches' in context ? (context as PreparedContext) : prepare(context)) ?? [];
}

/** The rules that exclude c, or undefined when none does: no empty array for each of 100,000 eligible experts. */
function hitsOf(c: AvoidanceCandidate, ctx: PreparedContext): RuleHit[] | undefined {
  // Indexed loops: this runs for each of 100,000 experts, and an array iterator per loop is garbage to collect.
  let hits: RuleHit[] | undefined;
  const same = ctx.matches;
  if (c.status !== 'active') (hits ??= []).push({ rule: 'not-active', detail: `status is ${c.status}` });
  if ((c.termStart && c.termStart > ctx.today) || (c.termEnd && c.termEnd < ctx.today)) {
    (hits ??= []).push({ rule: 'out-of-term', detail: `term ${c.termStart ?? '…'} to ${c.termEnd ?? '…'} does not cover ${ctx.today}` });
  }
  if (c.level !== ctx.databaseLevel) (hits ??= []).push({ rule: 'wrong-level', detail: `belongs to the ${c.level} database, not ${ctx.databaseLevel}` });

  const current = same(c.employer);
  if (current) (hits ??= []).push({ rule: 'works-at-applicant', detail: `employer ${describe(c.employer)} matches the applicant by ${current}` });

  for (let i = 0; i < c.formerEmployers.length; i++) {
    const f = c.formerEmployers[i];
    const by = f.to >= ctx.formerSince ? same(f) : undefined;
    if (by) {
      (hits ??= []).push({
        rule: 'worked-at-applicant-recently',
        detail: `worked at ${describe(f)} until ${f.to} (within ${ctx.formerEmployerYears} years), matched by ${by}`,
      });
      break;
    }
  }
  for (let i = 0; i < c.declaredConflicts.length; i++) {
    const d = c.declaredConflicts[i];
    const current = (!d.from || d.from <= ctx.today) && (!d.to || d.to >= ctx.formerSince);
    const by = current ? same(d) : undefined;
    if (by) {
      (hits ??= []).push({ rule: 'declared-conflict', detail: `declared ${d.nature ?? 'an interest'} in ${describe(d)}, matched by ${by}` });
      break;
    }
  }
  for (let i = 0; i < c.relativesEmployers.length; i++) {
    const r = c.relativesEmployers[i];
    const by = same(r);
    if (by) {
      (hits ??= []).push({
        rule: 'relative-at-applicant',
        detail: `a relative${r.relation ? ` (${r.relation})` : ''} works at ${describe(r)}, matched by ${by}`,
      });
      break;
    }
  }
  for (let i = 0; i < c.serviceHistory.length; i++) {
    const s = c.serviceHistory[i];
    const by = s.servedOn >= ctx.serviceSince ? same({ name: s.applicantName, creditCode: s.applicantCreditCode }) : undefined;
    if (by) {
      (hits ??= []).push({
        rule: 'recently-served-applicant',
        detail: `served on case ${s.caseId} for this applicant on ${s.servedOn} (within ${ctx.recentServiceMonths} months)`,
      });
      break;
    }
  }
  return hits;
}

/** Avoidance first: splits the database into the eligible pool and the excluded experts, each with their rules. */
export function applyAvoidance<C extends AvoidanceCandidate>(candidates: readonly C[], ctx: AvoidanceContext): AvoidanceResult<C> {
  const eligible: C[] = [];
  const excluded: Exclusion[] = [];
  const prepared = prepare(ctx);
  for (const c of candidates) {
    const hits = hitsOf(c, prepared);
    if (hits === undefined) eligible.push(c);
    else excluded.push({ expertId: c.id, hits });
  }
  return { eligible, excluded };
}
