import { CURRENT_SNAPSHOT_VERSION, DrawRequirements, PoolEntry, SnapshotVersion } from './draw-snapshot';

/** The draw cannot meet a requirement; nothing is drawn. The message names the requirement. */
export class UnmetRequirementError extends Error {
  constructor(
    readonly requirement: 'group-size' | 'pool-size' | 'occupation-coverage' | 'employer-cap' | 'reserves',
    message: string,
  ) {
    super(message);
    this.name = 'UnmetRequirementError';
  }
}

export interface GroupRules {
  /** The smallest group the rules allow (3). */
  minGroupSize: number;
  /** The fewest reserves a draw may have (2 by default). */
  minReserves: number;
}

/** Requirements a draw can never meet, whatever the order: checked before anything is drawn. */
export function unmetRequirements(pool: readonly PoolEntry[], req: DrawRequirements, rules: GroupRules): UnmetRequirementError[] {
  const problems: UnmetRequirementError[] = [];
  if (!Number.isInteger(req.groupSize) || req.groupSize < rules.minGroupSize || req.groupSize % 2 === 0) {
    problems.push(new UnmetRequirementError('group-size', `group size must be an odd number of at least ${rules.minGroupSize}, got ${req.groupSize}`));
  }
  if (req.reserves < rules.minReserves) {
    problems.push(new UnmetRequirementError('reserves', `at least ${rules.minReserves} ranked reserves are required, got ${req.reserves}`));
  }
  const needed = req.groupSize + req.reserves;
  if (pool.length < needed) {
    problems.push(
      new UnmetRequirementError(
        'pool-size',
        `needs ${needed} eligible experts (group of ${req.groupSize} + ${req.reserves} reserves), only ${pool.length} remain after avoidance`,
      ),
    );
  }
  for (const code of req.occupationCodes) {
    if (!pool.some((p) => p.occupationCodes.includes(code))) {
      problems.push(new UnmetRequirementError('occupation-coverage', `occupation ${code}: no eligible expert covers it`));
    }
  }
  // Seatable experts: the sum over employers of min(count, maxPerEmployer), a whole cap (the contract's @IsInt, the
  // DRAW_MAX_PER_EMPLOYER setting). Counting stops once the group could be seated (over a pool of 100,000, after a few
  // dozen entries); when it cannot, the whole pool is counted, so the message gives the same number.
  let seatable = 0;
  const perEmployer = new Map<string, number>();
  for (let i = 0; i < pool.length && seatable < req.groupSize; i++) {
    const n = (perEmployer.get(pool[i].employer) ?? 0) + 1;
    perEmployer.set(pool[i].employer, n);
    if (n <= req.maxPerEmployer) seatable++;
  }
  if (seatable < req.groupSize) {
    problems.push(
      new UnmetRequirementError(
        'employer-cap',
        `at most ${req.maxPerEmployer} per employer: only ${seatable} eligible experts can be seated, the group needs ${req.groupSize}`,
      ),
    );
  }
  return problems;
}

export interface SelectedGroup {
  members: PoolEntry[];
  /** Ranked: the first replaces the first member to leave (if it keeps the requirements). */
  reserves: PoolEntry[];
}

/**
 * Walks the shuffled order and seats each expert while the group can still meet its requirements: the employer cap
 * holds, the seats left after this one are enough for the occupations not yet covered, and each of those occupations
 * still has a later expert in the order whose employer is under the cap. The ranked reserves come from the rest of
 * the order (see rankReserves).
 */
export function selectGroup(order: readonly PoolEntry[], req: DrawRequirements, version: SnapshotVersion = CURRENT_SNAPSHOT_VERSION): SelectedGroup {
  return selectGroupInOrder(order, null, req, version);
}

/**
 * selectGroup over the order `pool[positions[0]], pool[positions[1]], …` (positions: a permutation of the pool's
 * indices, as shuffledPositions gives; null: the pool's own order), without laying the order out as an array. Who
 * covers each required occupation is read in one pass over the pool in its own order, then placed by position: a
 * pass over 100,000 experts in shuffled order would jump around memory for every one of them.
 */
export function selectGroupInOrder(
  pool: readonly PoolEntry[],
  positions: Int32Array | null,
  req: DrawRequirements,
  version: SnapshotVersion = CURRENT_SNAPSHOT_VERSION,
): SelectedGroup {
  const n = positions ? positions.length : pool.length;
  const at = positions ? (i: number) => pool[positions[i]] : (i: number) => pool[i];
  const codes = [...new Set(req.occupationCodes)];
  const index = new Map(codes.map((o, r) => [o, r]));
  // Positions in the order of the experts covering each required occupation, ascending.
  const coverers: number[][] = codes.map(() => []);
  if (codes.length <= 31) {
    const mask = new Int32Array(pool.length);
    for (let p = 0; p < pool.length; p++) {
      const cs = pool[p].occupationCodes;
      let m = 0;
      for (let k = 0; k < cs.length; k++) {
        const r = index.get(cs[k]);
        if (r !== undefined) m |= 1 << r;
      }
      mask[p] = m;
    }
    // Counted first, so each list is allocated once at its size.
    const counts = codes.map(() => 0);
    for (let p = 0; p < pool.length; p++) for (let m = mask[p]; m !== 0; m &= m - 1) counts[31 - Math.clz32(m & -m)]++;
    const filled = codes.map(() => 0);
    for (let r = 0; r < codes.length; r++) coverers[r] = new Array<number>(counts[r]).fill(0);
    for (let i = 0; i < n; i++) {
      for (let m = mask[positions ? positions[i] : i]; m !== 0; m &= m - 1) {
        const r = 31 - Math.clz32(m & -m);
        coverers[r][filled[r]++] = i;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const cs = at(i).occupationCodes;
      for (let k = 0; k < cs.length; k++) {
        const r = index.get(cs[k]);
        if (r !== undefined && coverers[r][coverers[r].length - 1] !== i) coverers[r].push(i);
      }
    }
  }
  const uncovered = new Set(codes);
  const perEmployer = new Map<string, number>();
  const members: PoolEntry[] = [];
  const seated = new Set<number>();
  // Whether a later expert (after position i) covers occupation o with their employer under the cap, counting the
  // candidate's employer as seated.
  const coverableAfter = (o: string, i: number, employer: string): boolean => {
    const js = coverers[index.get(o)!];
    let lo = 0;
    let hi = js.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (js[mid] <= i) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < js.length; k++) {
      const e = at(js[k]).employer;
      if ((perEmployer.get(e) ?? 0) + (e === employer ? 1 : 0) < req.maxPerEmployer) return true;
    }
    return false;
  };

  for (let i = 0; i < n && members.length < req.groupSize; i++) {
    const c = at(i);
    if ((perEmployer.get(c.employer) ?? 0) >= req.maxPerEmployer) continue;
    const left = [...uncovered].filter((o) => !c.occupationCodes.includes(o));
    if (left.length > req.groupSize - members.length - 1) continue;
    if (!left.every((o) => coverableAfter(o, i, c.employer))) continue;
    members.push(c);
    seated.add(i);
    perEmployer.set(c.employer, (perEmployer.get(c.employer) ?? 0) + 1);
    for (const o of c.occupationCodes) uncovered.delete(o);
  }
  if (uncovered.size > 0) {
    throw new UnmetRequirementError(
      'occupation-coverage',
      `the drawn order could not cover occupation(s) ${[...uncovered].join(', ')} within ${req.groupSize} seats and ${req.maxPerEmployer} per employer`,
    );
  }
  if (members.length < req.groupSize) {
    throw new UnmetRequirementError(
      'employer-cap',
      `only ${members.length} of ${req.groupSize} seats could be filled within ${req.maxPerEmployer} per employer`,
    );
  }
  // Version 1 snapshots (drawn before employer-aware reserves) keep their rule, so their published draws still verify.
  const reserves = version === 1 ? nextUnseated(n, at, seated, req.reserves) : rankReserves(n, at, seated, perEmployer, req);
  if (reserves.length < req.reserves) throw new UnmetRequirementError('reserves', `only ${reserves.length} of ${req.reserves} reserves remain`);
  return { members, reserves };
}

/** Version 1 reserves: the first `count` unseated experts in the order. */
function nextUnseated(n: number, at: (i: number) => PoolEntry, seated: ReadonlySet<number>, count: number): PoolEntry[] {
  const reserves: PoolEntry[] = [];
  for (let i = 0; i < n && reserves.length < count; i++) if (!seated.has(i)) reserves.push(at(i));
  return reserves;
}

/**
 * Ranks the reserves (候补) in draw order, in two passes over the unseated experts:
 * 1. an expert is ranked when their employer is still under the cap counting the members AND the reserves ranked
 *    before them. The group plus these reserves never exceed the cap, so any of them can take any member's seat,
 *    after any earlier replacements: as many declines as there are such reserves never fail on the employer cap
 *    (only occupation coverage can still stop a given reserve);
 * 2. only when the pool has too few employers for that, the remaining unseated experts follow in draw order (each
 *    of these can take only the seat of a member from their own employer).
 * Plain "next unseated experts" could rank only colleagues of the members, useless under a cap of 1.
 */
function rankReserves(
  n: number,
  at: (i: number) => PoolEntry,
  seated: ReadonlySet<number>,
  perEmployer: ReadonlyMap<string, number>,
  req: DrawRequirements,
): PoolEntry[] {
  const reserves: PoolEntry[] = [];
  const ranked = new Set<number>();
  const withReserves = new Map(perEmployer);
  for (let i = 0; i < n && reserves.length < req.reserves; i++) {
    if (seated.has(i)) continue;
    const e = at(i).employer;
    const k = withReserves.get(e) ?? 0;
    if (k >= req.maxPerEmployer) continue;
    withReserves.set(e, k + 1);
    ranked.add(i);
    reserves.push(at(i));
  }
  for (let i = 0; i < n && reserves.length < req.reserves; i++) if (!seated.has(i) && !ranked.has(i)) reserves.push(at(i));
  return reserves;
}

/** Whether a group meets the coverage and employer requirements (used when a reserve replaces a member). */
export function groupMeets(members: readonly PoolEntry[], req: DrawRequirements): boolean {
  const covered = new Set(members.flatMap((m) => m.occupationCodes));
  if (!req.occupationCodes.every((o) => covered.has(o))) return false;
  const perEmployer = new Map<string, number>();
  for (const m of members) {
    const n = (perEmployer.get(m.employer) ?? 0) + 1;
    if (n > req.maxPerEmployer) return false;
    perEmployer.set(m.employer, n);
  }
  return true;
}

/**
 * The reserve that replaces a leaving member: the highest-ranked one with whom the group still meets its
 * requirements. Undefined when none does (a new draw is then needed).
 */
export function nextReserve<E extends PoolEntry>(members: readonly E[], leavingId: string, reserves: readonly E[], req: DrawRequirements): E | undefined {
  const staying = members.filter((m) => m.expertId !== leavingId);
  return reserves.find((r) => groupMeets([...staying, r], req));
}
