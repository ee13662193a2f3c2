import { buildSnapshot, canonicalJson, commitmentOf, DrawRequirements, DrawSnapshot, PoolEntry, sha256Hex, snapshotHash } from './draw-snapshot';
import { drawGenerator, runDraw } from './draw';
import { shuffle } from './hmac-drbg';
import { verifyDraw } from './draw-verification';
import { groupMeets, nextReserve, UnmetRequirementError, unmetRequirements } from './group-selection';
import { chiSquareCritical, membershipStatistic, pearsonStatistic } from './goodness-of-fit';

const LATHE = '6-18-01-01';
const WELDER = '6-18-02-04';

function pool(n: number, occupations: (i: number) => string[] = () => [LATHE], employer: (i: number) => string = (i) => `emp-${i}`): PoolEntry[] {
  return Array.from({ length: n }, (_, i) => ({ expertId: `e${String(i).padStart(3, '0')}`, employer: employer(i), occupationCodes: occupations(i) }));
}

function snapshot(entries: PoolEntry[], req: Partial<DrawRequirements> = {}): DrawSnapshot {
  return buildSnapshot({
    drawId: 'd1',
    caseId: 'case-1',
    databaseLevel: '220000',
    requirements: { groupSize: 3, reserves: 2, maxPerEmployer: 1, occupationCodes: [LATHE], ...req },
    pool: entries,
  });
}

const seedOf = (label: string) => sha256Hex(`seed:${label}`);
const ids = (xs: PoolEntry[]) => xs.map((x) => x.expertId);

describe('the draw', () => {
  const snap = snapshot(
    pool(40, (i) => (i % 4 === 0 ? [WELDER] : [LATHE])),
    { groupSize: 5, occupationCodes: [LATHE, WELDER] },
  );

  it('gives the same group and reserves for the same snapshot, seed and officer entropy', () => {
    const a = runDraw(snap, seedOf('x'), 'officer says 7391');
    const b = runDraw(snapshot([...snap.pool].reverse(), snap.requirements), seedOf('x'), 'officer says 7391');
    expect(ids(b.members)).toEqual(ids(a.members));
    expect(ids(b.reserves)).toEqual(ids(a.reserves));
    expect(a.members).toHaveLength(5);
    expect(a.reserves).toHaveLength(2);
  });

  it('gives a different group when the officer adds different entropy', () => {
    const a = runDraw(snap, seedOf('x'), 'officer says 7391');
    const b = runDraw(snap, seedOf('x'), 'officer says 7392');
    expect(ids(b.members)).not.toEqual(ids(a.members));
  });

  it('meets the requirements: occupations covered, employer cap held, members and reserves disjoint', () => {
    const tight = snapshot(
      pool(
        30,
        (i) => (i === 29 ? [WELDER] : [LATHE]),
        (i) => `emp-${i % 10}`,
      ),
      { groupSize: 5, maxPerEmployer: 1, occupationCodes: [LATHE, WELDER] },
    );
    for (let i = 0; i < 50; i++) {
      const out = runDraw(tight, seedOf(`t${i}`), 'e');
      expect(groupMeets(out.members, tight.requirements)).toBe(true);
      expect(ids(out.members)).toContain('e029');
      expect(ids(out.reserves).filter((r) => ids(out.members).includes(r))).toEqual([]);
    }
  });

  it('commits to sha-256(snapshot hash ‖ seed)', () => {
    const out = runDraw(snap, seedOf('x'), 'e');
    expect(out.snapshotHash).toBe(snapshotHash(snap));
    expect(out.commitment).toBe(commitmentOf(snapshotHash(snap), seedOf('x')));
  });

  it('names every unmet requirement before drawing', () => {
    const problems = unmetRequirements(
      pool(
        4,
        () => [LATHE],
        () => 'same',
      ),
      { groupSize: 4, reserves: 1, maxPerEmployer: 2, occupationCodes: [LATHE, WELDER] },
      { minGroupSize: 3, minReserves: 2 },
    );
    expect(problems.map((p) => p.requirement)).toEqual(['group-size', 'reserves', 'pool-size', 'occupation-coverage', 'employer-cap']);
    expect(problems.find((p) => p.requirement === 'occupation-coverage')!.message).toContain(WELDER);
  });

  it('refuses to draw when the order cannot meet the requirements, with a named requirement', () => {
    const s = snapshot(
      pool(
        6,
        () => [LATHE],
        () => 'same',
      ),
      { maxPerEmployer: 1 },
    );
    expect(() => runDraw(s, seedOf('x'), 'e')).toThrow(UnmetRequirementError);
  });
});

describe('fairness: every eligible expert is drawn with the expected frequency', () => {
  // Pool of n = 10 experts, groups of k = 3, one occupation all of them cover, distinct employers: each expert should
  // sit in a group with probability 3/10, and each of the C(10,3) = 120 possible groups should be equally likely.
  // Seeds are fixed (sha-256 of a counter), so the test is repeatable. Significance level α = 0.01.
  const n = 10;
  const k = 3;
  const draws = 6000;
  const alpha = 0.01;
  const snap = snapshot(pool(n), { groupSize: k });
  const counts = new Array<number>(n).fill(0);
  const groups = new Map<string, number>();
  beforeAll(() => {
    for (let i = 0; i < draws; i++) {
      const out = runDraw(snap, seedOf(`fair-${i}`), `officer-${i}`);
      const members = ids(out.members).sort();
      for (const m of members) counts[Number(m.slice(1))]++;
      groups.set(members.join(), (groups.get(members.join()) ?? 0) + 1);
    }
  });

  it(`per-expert membership frequency fits 3/10 (χ², df = 9, α = ${alpha})`, () => {
    const t = membershipStatistic(counts, draws, k);
    const critical = chiSquareCritical(n - 1, alpha); // 21.666
    expect(critical).toBeCloseTo(21.666, 2);
    expect(t).toBeLessThan(critical);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(draws * k);
  });

  it(`each of the 120 possible groups is equally likely (Pearson χ², df = 119, α = ${alpha})`, () => {
    expect(groups.size).toBe(120);
    const observed = [...groups.values()];
    const stat = pearsonStatistic(
      observed,
      observed.map(() => draws / 120),
    );
    expect(stat).toBeLessThan(chiSquareCritical(119, alpha));
  });

  it('the test has power: a biased draw (first expert of the sorted pool always seated) fails it', () => {
    const biased = counts.map((_, i) => (i === 0 ? draws : Math.round((draws * (k - 1)) / (n - 1))));
    expect(membershipStatistic(biased, draws, k)).toBeGreaterThan(chiSquareCritical(n - 1, alpha));
  });
});

describe('verification', () => {
  const snap = snapshot(
    pool(25, (i) => (i % 5 === 0 ? [WELDER] : [LATHE])),
    { groupSize: 5, occupationCodes: [LATHE, WELDER] },
  );
  const seed = seedOf('verify');
  const entropy = 'dice: 3 5 1 6';
  const out = runDraw(snap, seed, entropy);
  const published = {
    snapshot: snap,
    commitment: out.commitment,
    seed,
    officerEntropy: entropy,
    result: { members: ids(out.members), reserves: ids(out.reserves) },
  };

  it('matches an honest draw', () => {
    expect(verifyDraw(published)).toMatchObject({ match: true, mismatches: [] });
  });

  it('reports a mismatch for an altered snapshot', () => {
    const altered = { ...published, snapshot: { ...snap, pool: snap.pool.filter((p) => p.expertId !== snap.pool[3].expertId) } };
    const report = verifyDraw(altered);
    expect(report.match).toBe(false);
    expect(report.mismatches[0]).toContain('commitment mismatch');
  });

  it('reports a mismatch for an altered seed', () => {
    const report = verifyDraw({ ...published, seed: seedOf('other') });
    expect(report.match).toBe(false);
    expect(report.mismatches[0]).toContain('commitment mismatch');
  });

  it('reports a mismatch for altered officer entropy (commitment still fine, group differs)', () => {
    const report = verifyDraw({ ...published, officerEntropy: 'dice: 3 5 1 5' });
    expect(report.match).toBe(false);
    expect(report.mismatches.some((m) => m.startsWith('commitment'))).toBe(false);
    expect(report.mismatches.some((m) => m.startsWith('members mismatch') || m.startsWith('reserves mismatch'))).toBe(true);
  });

  it('reports a mismatch for an altered result', () => {
    const report = verifyDraw({ ...published, result: { ...published.result, members: [...published.result.members].reverse() } });
    expect(report.mismatches).toEqual([expect.stringContaining('members mismatch')]);
  });
});

describe('reserves under the employer cap', () => {
  // The reported case: 12 employers with 3 experts each, a group of 3 at most 1 per employer, 2 reserves.
  const shared = snapshot(
    pool(
      36,
      () => [LATHE],
      (i) => `emp-${i % 12}`,
    ),
    { groupSize: 3, reserves: 2, maxPerEmployer: 1 },
  );
  const employers = (xs: PoolEntry[]) => xs.map((x) => x.employer);

  it('ranks reserves whose employers are under the cap with the members and each other, in draw order', () => {
    expect(shared.version).toBe(2);
    for (let i = 0; i < 100; i++) {
      const out = runDraw(shared, seedOf(`shared-${i}`), 'officer');
      expect(out.reserves).toHaveLength(2);
      expect(new Set(employers([...out.members, ...out.reserves])).size).toBe(5);
      expect(ids(runDraw(shared, seedOf(`shared-${i}`), 'officer').reserves)).toEqual(ids(out.reserves)); // deterministic
    }
  });

  it('a declining member is replaced by a reserve, and so is a second one, whichever members decline', () => {
    for (let i = 0; i < 100; i++) {
      const out = runDraw(shared, seedOf(`shared-${i}`), 'officer');
      for (const first of out.members) {
        const r1 = nextReserve(out.members, first.expertId, out.reserves, shared.requirements);
        expect(r1).toBeDefined();
        const afterOne = out.members.map((m) => (m.expertId === first.expertId ? r1! : m));
        const left = out.reserves.filter((r) => r.expertId !== r1!.expertId);
        for (const second of afterOne) {
          const r2 = nextReserve(afterOne, second.expertId, left, shared.requirements);
          expect(r2).toBeDefined();
          expect(groupMeets([...afterOne.filter((m) => m.expertId !== second.expertId), r2!], shared.requirements)).toBe(true);
        }
      }
    }
  });

  it('takes the reserves in draw order, skipping only colleagues of members and of higher reserves', () => {
    // Re-derive the rule by hand from the shuffled order for one seed.
    const seed = seedOf('order');
    const out = runDraw(shared, seed, 'officer');
    const order = shuffle(shared.pool, drawGenerator(seed, 'officer', snapshotHash(shared)));
    const taken = new Set(employers(out.members));
    const expected: string[] = [];
    for (const e of order) {
      if (expected.length === 2) break;
      if (ids(out.members).includes(e.expertId) || taken.has(e.employer)) continue;
      taken.add(e.employer);
      expected.push(e.expertId);
    }
    expect(ids(out.reserves)).toEqual(expected);
  });

  it('when too few employers remain, the other unseated experts follow in draw order', () => {
    // 4 employers for a group of 3 + 2 reserves at 1 per employer: one reserve from the 4th employer, then the next
    // unseated expert in the order, whoever's colleague.
    const tight = snapshot(
      pool(
        8,
        () => [LATHE],
        (i) => `emp-${i % 4}`,
      ),
      { groupSize: 3, reserves: 2, maxPerEmployer: 1 },
    );
    for (let i = 0; i < 20; i++) {
      const out = runDraw(tight, seedOf(`tight-${i}`), 'officer');
      const memberEmployers = new Set(employers(out.members));
      expect(memberEmployers.has(out.reserves[0].employer)).toBe(false);
      // The second is the first expert in the order neither seated nor ranked: a colleague of a member or of the first.
      const order = shuffle(tight.pool, drawGenerator(seedOf(`tight-${i}`), 'officer', snapshotHash(tight)));
      const rest = order.filter((e) => !ids(out.members).includes(e.expertId) && e.expertId !== out.reserves[0].expertId);
      expect(out.reserves[1].expertId).toBe(rest[0].expertId);
      expect([...memberEmployers, out.reserves[0].employer]).toContain(out.reserves[1].employer);
    }
  });

  it('a version 1 snapshot (committed before this rule) keeps its reserves: the next unseated experts in the order', () => {
    const v1: DrawSnapshot = { ...shared, version: 1 };
    const seed = seedOf('v1');
    const out = runDraw(v1, seed, 'officer');
    const order = shuffle(v1.pool, drawGenerator(seed, 'officer', snapshotHash(v1)));
    expect(ids(out.reserves)).toEqual(ids(order.filter((e) => !ids(out.members).includes(e.expertId)).slice(0, 2)));
    const published = {
      snapshot: v1,
      commitment: out.commitment,
      seed,
      officerEntropy: 'officer',
      result: { members: ids(out.members), reserves: ids(out.reserves) },
    };
    expect(verifyDraw(published).match).toBe(true);
    expect(verifyDraw({ ...published, snapshot: { ...v1, version: 3 as never } }).mismatches).toEqual([
      expect.stringContaining('snapshot version 3 is unknown'),
    ]);
  });

  it('the verification recomputes the same reserves', () => {
    const seed = seedOf('shared-verify');
    const out = runDraw(shared, seed, 'dice');
    const published = {
      snapshot: shared,
      commitment: out.commitment,
      seed,
      officerEntropy: 'dice',
      result: { members: ids(out.members), reserves: ids(out.reserves) },
    };
    expect(verifyDraw(published)).toMatchObject({ match: true, recomputed: { reserves: ids(out.reserves) } });
  });
});

describe('replacement and leader election', () => {
  const req: DrawRequirements = { groupSize: 3, reserves: 2, maxPerEmployer: 1, occupationCodes: [LATHE, WELDER] };
  const members: PoolEntry[] = [
    { expertId: 'a', employer: 'x', occupationCodes: [WELDER] },
    { expertId: 'b', employer: 'y', occupationCodes: [LATHE] },
    { expertId: 'c', employer: 'z', occupationCodes: [LATHE] },
  ];
  const reserves: PoolEntry[] = [
    { expertId: 'r1', employer: 'y', occupationCodes: [WELDER] },
    { expertId: 'r2', employer: 'w', occupationCodes: [LATHE] },
    { expertId: 'r3', employer: 'v', occupationCodes: [WELDER] },
  ];

  it('takes the highest-ranked reserve that keeps the requirements', () => {
    expect(nextReserve(members, 'c', reserves, req)?.expertId).toBe('r2'); // r1 would make two from employer y
    expect(nextReserve(members, 'a', reserves, req)?.expertId).toBe('r3'); // only a welder keeps coverage
    expect(nextReserve(members, 'a', reserves.slice(0, 2), req)).toBeUndefined();
  });
});

describe('snapshot hash', () => {
  it('is sha-256 of the canonical JSON, byte for byte, and independent of input order', () => {
    const s = snapshot(
      pool(300, (i) => (i % 3 ? [LATHE] : [WELDER, LATHE])),
      { occupationCodes: [WELDER, LATHE] },
    );
    expect(snapshotHash(s)).toBe(sha256Hex(canonicalJson(s)));
    expect(snapshotHash(snapshot([...s.pool].reverse(), s.requirements))).toBe(snapshotHash(s));
    expect(snapshotHash(snapshot(pool(0)))).toBe(sha256Hex(canonicalJson(snapshot(pool(0)))));
  });
});

describe('snapshot hash of an altered entry shape', () => {
  it('still hashes canonical JSON when an entry carries an extra key', () => {
    const s = snapshot(pool(5));
    const odd = { ...s, pool: s.pool.map((p, i) => (i === 2 ? { ...p, note: 'x' } : p)) } as DrawSnapshot;
    expect(snapshotHash(odd)).toBe(sha256Hex(canonicalJson(odd)));
    expect(snapshotHash(odd)).not.toBe(snapshotHash(s));
  });
});
