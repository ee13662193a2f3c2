// `npm run bench [-- --quick]`: every benchmark, one after the other (the machine has two cores: never in parallel),
// then one summary table (figure, value, baseline, ratio, goal, met?) and the same as JSON in
// .local/bench/<timestamp>.json, so runs can be compared. Each benchmark also runs alone (npm run bench:<name>).
// `--only draw,register` runs a subset. A benchmark that fails is reported as failed; the others still run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Figure, machine, quick, table } from './lib/report';

const ROOT = path.resolve(__dirname, '..');
const BENCHES = ['messaging', 'draw', 'register', 'replay', 'startup'];
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const selected = onlyAt >= 0 ? args[onlyAt + 1].split(',') : BENCHES;
const unknown = selected.filter((b) => !BENCHES.includes(b));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s) ${unknown.join(', ')}; known: ${BENCHES.join(', ')}\n`);
  process.exit(2);
}

const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const dir = path.join(ROOT, '.local', 'bench');
fs.mkdirSync(dir, { recursive: true });
const figures: Figure[] = [];
const runs: { bench: string; ok: boolean; seconds: number }[] = [];
for (const bench of selected) {
  const resultFile = path.join(dir, `${stamp}.${bench}.jsonl`);
  process.stdout.write(`\n=== bench:${bench}${quick ? ' --quick' : ''}\n`);
  const t0 = Date.now();
  const res = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join('bench', `${bench}.bench.ts`), ...(quick ? ['--quick'] : [])], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULT_FILE: resultFile },
  });
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  runs.push({ bench, ok: res.status === 0, seconds });
  process.stdout.write(`=== bench:${bench}: ${res.status === 0 ? 'done' : `FAILED (exit ${res.status ?? res.signal})`} in ${seconds} s\n`);
  if (fs.existsSync(resultFile)) {
    for (const line of fs.readFileSync(resultFile, 'utf8').split('\n').filter(Boolean)) figures.push(JSON.parse(line));
    fs.rmSync(resultFile);
  }
  if (res.status !== 0) figures.push({ bench, figure: `${bench}: benchmark failed (see its output above)`, value: NaN, unit: '', goal: '—', met: false });
}

const out = path.join(dir, `${stamp}.json`);
fs.writeFileSync(out, JSON.stringify({ startedAt: startedAt.toISOString(), quick, machine: machine(), runs, figures }, null, 2) + '\n');
process.stdout.write(`\n=== summary${quick ? ' (--quick sizes)' : ''}\n${table(figures)}\n\nwritten to ${path.relative(ROOT, out)}\n`);
process.exit(runs.every((r) => r.ok) ? 0 : 1);
