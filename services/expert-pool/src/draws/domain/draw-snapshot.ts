import { createHash } from 'node:crypto';

/** What the group must satisfy (专家需求). */
export interface DrawRequirements {
  /** Odd, at least the configured minimum (3). */
  groupSize: number;
  /** Ranked reserves (备选) drawn beside the members. */
  reserves: number;
  /** At most this many members from one employer. */
  maxPerEmployer: number;
  /** Each applied occupation must be covered by at least one member. */
  occupationCodes: string[];
}

/**
 * One eligible expert as the published snapshot shows them: the id, an opaque employer key (a hash, so the snapshot
 * can be published without employer names yet still lets anyone check the per-employer cap) and the occupations.
 */
export interface PoolEntry {
  expertId: string;
  employer: string;
  occupationCodes: string[];
}

export type SnapshotVersion = 1 | 2;
/** The version new snapshots are committed under. */
export const CURRENT_SNAPSHOT_VERSION: SnapshotVersion = 2;

/** The eligible pool after avoidance, frozen before the draw. Its hash is half of the commitment. */
export interface DrawSnapshot {
  /**
   * The draw rules the snapshot was committed under: 1 = reserves are the next unseated experts in the order (draws
   * before the employer-aware reserves), 2 = reserves ranked under the employer cap (group-selection rankReserves).
   */
  version: SnapshotVersion;
  drawId: string;
  caseId: string;
  databaseLevel: string;
  requirements: DrawRequirements;
  /** Sorted by expertId: the order the shuffle starts from. */
  pool: PoolEntry[];
}

/** JSON with object keys sorted at every depth: the same snapshot always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An employer as one opaque key: the credit code when known, otherwise the normalised name. */
export function employerKey(name: string, creditCode?: string | null): string {
  // Memoised by what the key depends on (the code when there is one, else the name), without building a lookup string.
  const cache = creditCode ? byCreditCode : byName;
  const raw = creditCode || name;
  let key = cache.get(raw);
  if (key === undefined) {
    key = sha256Hex(creditCode ? `code:${creditCode.toUpperCase()}` : `name:${normaliseOrganisationName(name)}`).slice(0, 32);
    if (cache.size > 200_000) cache.clear();
    cache.set(raw, key);
  }
  return key;
}
const byCreditCode = new Map<string, string>();
const byName = new Map<string, string>();

/** Names compared for avoidance: no spaces, half-width brackets, lower case (有限公司 names vary in such details). */
export function normaliseOrganisationName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/** JSON.stringify of a string, without the call when no character needs escaping (ids, hex keys, codes). */
function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** Exactly the keys employer, expertId and occupationCodes (counted without allocating, for a 100k pool). */
function hasThreeKeys(e: object): boolean {
  let n = 0;
  for (const k in e) {
    if (!Object.prototype.hasOwnProperty.call(e, k)) continue;
    if (++n > 3 || (k !== 'employer' && k !== 'expertId' && k !== 'occupationCodes')) return false;
  }
  return n === 3;
}

/** canonicalJson of a pool entry, written directly for the usual three keys (the hot path of a 100k pool). */
function poolEntryJson(e: PoolEntry): string {
  if (typeof e.employer !== 'string' || typeof e.expertId !== 'string' || !Array.isArray(e.occupationCodes) || !hasThreeKeys(e)) return canonicalJson(e);
  const codes = e.occupationCodes;
  let occ = '';
  for (let i = 0; i < codes.length; i++) {
    if (typeof codes[i] !== 'string') return canonicalJson(e);
    occ += (i ? ',' : '') + jsonString(codes[i]);
  }
  return `{"employer":${jsonString(e.employer)},"expertId":${jsonString(e.expertId)},"occupationCodes":[${occ}]}`;
}

/** Sorted and without repeats already (the usual case): then a copy is enough. */
function sortedUnique(xs: readonly string[]): boolean {
  for (let i = 1; i < xs.length; i++) if (!(xs[i - 1] < xs[i])) return false;
  return true;
}

export function buildSnapshot(args: Omit<DrawSnapshot, 'version' | 'pool'> & { pool: PoolEntry[] }): DrawSnapshot {
  const pool = args.pool.map((p) => ({
    expertId: p.expertId,
    employer: p.employer,
    occupationCodes: sortedUnique(p.occupationCodes) ? p.occupationCodes.slice() : [...new Set(p.occupationCodes)].sort(),
  }));
  // The repository reads the database in id order; sorting is then only a check.
  let sorted = true;
  for (let i = 1; i < pool.length && sorted; i++) sorted = pool[i - 1].expertId < pool[i].expertId;
  if (!sorted) pool.sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
  const requirements = { ...args.requirements, occupationCodes: [...new Set(args.requirements.occupationCodes)].sort() };
  return { version: CURRENT_SNAPSHOT_VERSION, drawId: args.drawId, caseId: args.caseId, databaseLevel: args.databaseLevel, requirements, pool };
}

/**
 * sha-256 of canonicalJson(snapshot), streamed: the pool (the bulk of it) is fed entry by entry instead of being
 * built as one large string. The bytes hashed are exactly canonicalJson's (the snapshot spec checks it).
 */
const hashBuffer = Buffer.alloc(1 << 16);

export function snapshotHash(snapshot: DrawSnapshot): string {
  const { pool, ...head } = snapshot;
  const h = createHash('sha256');
  const headJson = canonicalJson(head); // keys sorted: "pool" falls between "databaseLevel"… and "requirements"
  const cut = headJson.indexOf(',"requirements":');
  h.update(`${headJson.slice(0, cut)},"pool":[`);
  // Entries are written as UTF-8 into one reused buffer and hashed 64 KiB at a time: no large strings to build.
  const buf = hashBuffer;
  let at = 0;
  for (let i = 0; i < pool.length; i++) {
    const json = i ? `,${poolEntryJson(pool[i])}` : poolEntryJson(pool[i]);
    if (at + 3 * json.length > buf.length) {
      h.update(buf.subarray(0, at));
      at = 0;
    }
    if (3 * json.length > buf.length) h.update(json);
    else at += buf.write(json, at, 'utf8');
  }
  h.update(buf.subarray(0, at));
  h.update(`]${headJson.slice(cut)}`);
  return h.digest('hex');
}

/**
 * The commitment published before the draw: sha-256 over the snapshot hash (32 bytes) followed by the secret seed
 * (32 bytes). Revealing the seed later lets anyone check that neither was changed after the fact.
 */
export function commitmentOf(snapshotHashHex: string, seedHex: string): string {
  if (!/^[0-9a-f]{64}$/.test(snapshotHashHex)) throw new Error('snapshot hash must be 64 hex characters');
  if (!/^[0-9a-f]{64}$/.test(seedHex)) throw new Error('seed must be 64 hex characters (32 bytes)');
  return sha256Hex(Buffer.concat([Buffer.from(snapshotHashHex, 'hex'), Buffer.from(seedHex, 'hex')]));
}
