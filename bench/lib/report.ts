// What every benchmark reports: figures with the baseline measured in the same run, the ratio and the goal. A bench
// run alone prints its own table; under `npm run bench` (BENCH_RESULT_FILE set) it also writes its figures there so
// bench/run.ts can print one summary table and keep the run as JSON.
import * as fs from 'node:fs';
import * as os from 'node:os';

export interface Figure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  /** What the value is compared with, measured in the same run. */
  baseline?: { name: string; value: number; unit: string };
  /** value / baseline (or baseline / value where smaller is better, so > 1 is always "faster than the baseline"). */
  ratio?: number;
  goal: string;
  /** Whether the goal is met; null when the goal is not a number this run can check. */
  met: boolean | null;
}

export const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export function arg(name: string, fallback: number, quickFallback = fallback): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : quick ? quickFallback : fallback;
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const num = (x: number | undefined, unit = '') =>
  x === undefined || Number.isNaN(x)
    ? '—'
    : `${x >= 100 ? Math.round(x).toLocaleString('en') : x >= 10 ? x.toFixed(1) : x.toFixed(2)}${unit ? ` ${unit}` : ''}`;

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.figure,
    num(f.value, f.unit),
    f.baseline ? `${num(f.baseline.value, f.baseline.unit)} (${f.baseline.name})` : '—',
    f.ratio === undefined ? '—' : `${f.ratio.toFixed(2)}×`,
    f.goal,
    f.met === null ? 'n/a' : f.met ? 'yes' : 'NO',
  ]);
  const head = ['figure', 'value', 'baseline (same run)', 'ratio', 'goal', 'met?'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(width[i])).join('  ');
  return [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The machine the figures were taken on: they only compare within one run, and with runs on the same machine. */
export function machine() {
  return { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))) };
}

/** Prints the bench's table; under `npm run bench` also hands the figures to the summary. */
export function report(figures: Figure[]): void {
  process.stdout.write(
    `\n${table(figures)}\n(load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores)\n`,
  );
  const file = process.env.BENCH_RESULT_FILE;
  if (file) fs.appendFileSync(file, figures.map((f) => JSON.stringify(f)).join('\n') + '\n');
}
