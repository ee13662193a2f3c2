// Benchmark of the expert draw (not a test: it prints figures, it asserts nothing).
//
//   node -r @swc-node/register bench/draw.bench.ts [--quick | --experts 100000 --runs 30]      (or: npm run bench:draw)
//
// Over synthetic databases of 1,000, 10,000 and 100,000 experts (deterministic, in id order as the repository reads
// them), each run does what the service does for one draw (commit, then draw):
//   avoidance over the whole database (status, term, level, current/former employer, declared conflicts, relatives,
//   recent service) → eligible pool with hashed employer keys → canonical snapshot + sha-256 → commitment →
//   HMAC-DRBG Fisher–Yates shuffle of the pool → seating with occupation coverage (one rare occupation) and an
//   employer cap → ranked reserves.
// The baseline is a plain Fisher–Yates shuffle of the same 100,000 experts with the same generator, taking the first
// five: no avoidance, no snapshot, no coverage. Figures are p50/p99 over the runs (wall clock, and the process's CPU
// time, which other load on the machine disturbs less), and the ratio of the two. Every run's published draw (its
// snapshot through JSON, as the verify endpoint gets it) is re-run by verifyDraw and must give the same group.
import { createHash } from 'node:crypto';
import { applyAvoidance, AvoidanceCandidate } from '../services/expert-pool/src/draws/domain/avoidance';
import { buildSnapshot, commitmentOf, employerKey, poolEntryOf, snapshotHash } from '../services/expert-pool/src/draws/domain/draw-snapshot';
import { runDraw } from '../services/expert-pool/src/draws/domain/draw';
import { HmacDrbg, shuffle } from '../services/expert-pool/src/draws/domain/hmac-drbg';
import { unmetRequirements } from '../services/expert-pool/src/draws/domain/group-selection';
import { verifyDraw } from '../services/expert-pool/src/draws/domain/draw-verification';
import { arg, Figure, percentile, quick, report } from './lib/report';

const SIZES = quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, arg('experts', 100_000)];
const RUNS = arg('runs', 30, 10);
const WARMUP = 3;

const APPLICANT = { name: '长春一汽模具制造有限公司', creditCode: '91220101MA0Y3B9X1K' };
const RARE = '4-07-05-02';
const COMMON = ['6-18-01-01', '6-18-02-04'];
const TODAY = '2026-11-26';

/** A deterministic database: mostly clean experts, with every avoidance rule represented at realistic rates. */
function database(n: number): AvoidanceCandidate[] {
  const rng = new HmacDrbg(createHash('sha256').update('bench-database').digest(), Buffer.alloc(0));
  const occupations = Array.from(
    { length: 200 },
    (_, i) => `6-${String(10 + (i % 80)).padStart(2, '0')}-${String(1 + Math.floor(i / 80)).padStart(2, '0')}-01`,
  );
  const out: (AvoidanceCandidate & { occupationCodes: string[] })[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.uniformInt(10_000);
    const occ = new Set<string>([occupations[rng.uniformInt(occupations.length)]]);
    if (rng.uniformInt(3) === 0) occ.add(COMMON[rng.uniformInt(2)]);
    if (rng.uniformInt(2000) === 0) occ.add(RARE); // ~50 experts cover the rare occupation
    const employerNo = rng.uniformInt(5000);
    out.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      level: '220000',
      status: r < 200 ? 'suspended' : r < 300 ? 'removed' : 'active',
      termStart: '2024-01-01',
      termEnd: r >= 300 && r < 400 ? '2026-06-30' : '2028-12-31',
      employer:
        r >= 400 && r < 450
          ? { name: '一汽模具', creditCode: APPLICANT.creditCode }
          : { name: `企业${employerNo}`, creditCode: employerNo % 2 ? null : `9122010${String(employerNo).padStart(4, '0')}MA0Y3B9X` },
      formerEmployers: r >= 450 && r < 500 ? [{ name: APPLICANT.name, to: '2025-01-31' }] : [{ name: `企业${(employerNo + 1) % 5000}`, to: '2020-01-31' }],
      declaredConflicts: r >= 500 && r < 530 ? [{ name: 'x', creditCode: APPLICANT.creditCode, nature: 'shares' }] : [],
      relativesEmployers: r >= 530 && r < 560 ? [{ name: APPLICANT.name, relation: 'spouse' }] : [],
      serviceHistory:
        r >= 560 && r < 580 ? [{ caseId: `c${i}`, applicantName: APPLICANT.name, applicantCreditCode: APPLICANT.creditCode, servedOn: '2026-02-01' }] : [],
      occupationCodes: [...occ],
    });
  }
  return out;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const requirements = { groupSize: 5, reserves: 2, maxPerEmployer: 1, occupationCodes: [...COMMON, RARE].sort() };
const rules = { minGroupSize: 3, minReserves: 2 };

function cpuMs(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

function measure(experts: number) {
  const db = database(experts) as (AvoidanceCandidate & { occupationCodes: string[] })[];
  const phases = { avoidance: [] as number[], snapshot: [] as number[], draw: [] as number[], total: [] as number[], cpu: [] as number[] };
  const baseline: number[] = [];
  let last: { eligible: number; excluded: number; members: string[]; byRule: Record<string, number> } | undefined;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const seed = createHash('sha256').update(`seed-${run}`).digest('hex');
    const entropy = `officer-${run}`;

    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const { eligible, excluded } = applyAvoidance(db, {
      applicant: APPLICANT,
      databaseLevel: '220000',
      today: TODAY,
      formerEmployerYears: 3,
      recentServiceMonths: 24,
    });
    const tAvoid = ms(t0);
    const t1 = process.hrtime.bigint();
    // As the commit handler does: entries in canonical form, which the snapshot keeps.
    const pool = eligible.map((e) => poolEntryOf(e.id, employerKey(e.employer.name, e.employer.creditCode), e.occupationCodes));
    if (unmetRequirements(pool, requirements, rules).length) throw new Error('bench database cannot meet the requirements');
    const snapshot = buildSnapshot({ drawId: `bench-${run}`, caseId: 'bench-case', databaseLevel: '220000', requirements, pool });
    const hash = snapshotHash(snapshot);
    const commitment = commitmentOf(hash, seed);
    const tSnap = ms(t1);
    const t2 = process.hrtime.bigint();
    // As the draw handler does: the hash committed with the snapshot (the verifier below recomputes it).
    const outcome = runDraw(snapshot, seed, entropy, hash);
    const tDraw = ms(t2);
    const total = ms(t0);
    const cpu = cpuMs(c0);

    const b0 = process.hrtime.bigint();
    const order = shuffle(db, new HmacDrbg(Buffer.from(seed, 'hex'), Buffer.from(entropy)));
    order.slice(0, 5);
    const tBase = ms(b0);

    // The same verifiable result: the published snapshot, as the verify endpoint receives it, re-runs to this group.
    const members = outcome.members.map((m) => m.expertId);
    const reserves = outcome.reserves.map((m) => m.expertId);
    if (run < WARMUP || run === WARMUP + RUNS - 1) {
      const report = verifyDraw({ snapshot: JSON.parse(JSON.stringify(snapshot)), commitment, seed, officerEntropy: entropy, result: { members, reserves } });
      if (!report.match) throw new Error(`draw ${run} over ${experts} experts does not verify: ${report.mismatches.join('; ')}`);
    }
    if (run >= WARMUP) {
      phases.avoidance.push(tAvoid);
      phases.snapshot.push(tSnap);
      phases.draw.push(tDraw);
      phases.total.push(total);
      phases.cpu.push(cpu);
      baseline.push(tBase);
    }
    const byRule: Record<string, number> = {};
    for (const x of excluded) byRule[x.hits[0].rule] = (byRule[x.hits[0].rule] ?? 0) + 1;
    last = { eligible: eligible.length, excluded: excluded.length, members: members.map((m) => m.slice(-6)), byRule };
  }
  return { experts, phases, baseline, last: last! };
}

const fmt = (x: number) => x.toFixed(1).padStart(8);
const row = (name: string, xs: number[]) => `  ${name.padEnd(46)}${fmt(percentile(xs, 50))} ms${fmt(percentile(xs, 99))} ms`;
const results = SIZES.map(measure);
for (const r of results) {
  process.stdout.write(
    [
      `expert draw over ${r.experts.toLocaleString('en')} experts, ${RUNS} runs after ${WARMUP} warm-up (node ${process.version}); every published draw verified`,
      `  last run: ${r.last.eligible} eligible, ${r.last.excluded} excluded ${JSON.stringify(r.last.byRule)}; members …${r.last.members.join(', …')}`,
      `  ${''.padEnd(46)}${'p50'.padStart(11)}${'p99'.padStart(11)}`,
      row('avoidance (8 rules, every expert)', r.phases.avoidance),
      row('pool + canonical snapshot + sha-256 + commit', r.phases.snapshot),
      row('draw (DRBG Fisher–Yates, seats, reserves)', r.phases.draw),
      row('full draw', r.phases.total),
      row('full draw, CPU time of the process', r.phases.cpu),
      row('baseline: plain DRBG Fisher–Yates, first 5', r.baseline),
      `  ratio full / baseline:  p50 ${(percentile(r.phases.total, 50) / percentile(r.baseline, 50)).toFixed(1)}×   p99 ${(percentile(r.phases.total, 99) / percentile(r.baseline, 99)).toFixed(1)}×`,
      '',
    ].join('\n'),
  );
}
process.stdout.write(
  `scaling (full draw p50 / p99):  ${results.map((r) => `${r.experts.toLocaleString('en')}: ${percentile(r.phases.total, 50).toFixed(1)} / ${percentile(r.phases.total, 99).toFixed(1)} ms`).join('   ')}\n`,
);
const figures: Figure[] = results.map((r) => {
  const p99 = percentile(r.phases.total, 99);
  const base = percentile(r.baseline, 99);
  return {
    bench: 'draw',
    figure: `draw over ${r.experts.toLocaleString('en')} experts, p99 (CPU p99 ${percentile(r.phases.cpu, 99).toFixed(0)} ms)`,
    value: p99,
    unit: 'ms',
    baseline: { name: 'plain DRBG shuffle, p99', value: base, unit: 'ms' },
    ratio: base / p99,
    goal: r.experts >= 100_000 ? '≤ 100 ms' : '(scaling)',
    met: r.experts >= 100_000 ? p99 <= 100 : null,
  };
});
report(figures);
