// The province's oversight figures (省级监管) as plain rules: which instance answers for a jurisdiction, when an
// instance counts as stale, and the summary of working days spent per stage.

/** Which review instance holds a jurisdiction's cases: its own city instance if it runs one, else the province's. */
export function servingInstance(jurisdiction: string, province: string, cityInstances: readonly string[]): string {
  return cityInstances.includes(jurisdiction) ? jurisdiction : province;
}

export type InstanceState = 'live' | 'stale' | 'never-heard';

/**
 * An instance is stale once nothing was heard from it for longer than `staleAfterMs` (heartbeats stopped: down, or
 * cut off from the broker). Its figures then describe the past, and the view says so instead of showing them as now.
 */
export function instanceState(heardAt: Date | null, now: Date, staleAfterMs: number): InstanceState {
  if (!heardAt) return 'never-heard';
  return now.getTime() - heardAt.getTime() > staleAfterMs ? 'stale' : 'live';
}

export interface Spread {
  /** How many stays were counted. */
  count: number;
  median: number | null;
  /** Nearest-rank 90th percentile: 90 % of the stays took at most this many working days. */
  p90: number | null;
  max: number | null;
}

/** Median (mean of the two middle values for an even count) and nearest-rank 90th percentile of working days. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { count: 0, median: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1];
  return { count: n, median, p90, max: sorted[n - 1] };
}

/** `2026-03` of a calendar date `2026-03-17`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Every month from `first` to `last` (YYYY-MM), so a month without filings shows as 0, not as a gap. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
