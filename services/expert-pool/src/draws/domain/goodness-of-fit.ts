// Statistics for the fairness test of the draw (issue 4): Pearson's chi-square goodness of fit, with the critical
// value computed from the chi-square distribution itself (regularized incomplete gamma), not from a table.

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; ~15 significant digits). */
export function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a): series below a + 1, continued fraction above. */
export function gammaQ(a: number, x: number): number {
  if (x < 0 || a <= 0) throw new Error('gammaQ: needs a > 0 and x >= 0');
  if (x === 0) return 1;
  const lnPrefix = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * Math.exp(lnPrefix);
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lnPrefix) * h;
}

/** P(X ≥ x) for X ~ χ²(df). */
export function chiSquareSurvival(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

/** The critical value c with P(χ²(df) ≥ c) = alpha, by bisection on the survival function. */
export function chiSquareCritical(df: number, alpha: number): number {
  let lo = 0;
  let hi = Math.max(10, df * 10);
  while (chiSquareSurvival(hi, df) > alpha) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquareSurvival(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Pearson's statistic Σ (O − E)² / E. */
export function pearsonStatistic(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((s, o, i) => s + (o - expected[i]) ** 2 / expected[i], 0);
}

/**
 * Goodness of fit of how often each of n experts sits in groups of k over N draws, when each draw seats k of n
 * without replacement. The indicator counts have variance p(1−p) and covariance −p(1−p)/(n−1) per draw (p = k/n),
 * i.e. N·p(1−p)·n/(n−1) times a rank-(n−1) projection, so
 *   T = Σ (O_i − N·p)² · (n−1) / (N · p(1−p) · n)
 * is asymptotically χ²(n−1). For k = 1 this is exactly Pearson's statistic.
 */
export function membershipStatistic(counts: readonly number[], draws: number, groupSize: number): number {
  const n = counts.length;
  const p = groupSize / n;
  const e = draws * p;
  return (counts.reduce((s, o) => s + (o - e) ** 2, 0) * (n - 1)) / (draws * p * (1 - p) * n);
}
