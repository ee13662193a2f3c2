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
    // The first 16 bytes in hex (= the first 32 hex characters): a flat string, not a slice of the full digest's, so
    // the snapshot hash reads it without an indirection 100,000 times.
    const data = creditCode ? `code:${creditCode.toUpperCase()}` : `name:${normaliseOrganisationName(name)}`;
    key = createHash('sha256').update(data).digest().subarray(0, 16).toString('hex');
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

/**
 * [...new Set(xs)].sort() for a few strings (an expert's occupations) by insertion, without the Set; the same order:
 * both compare strings by UTF-16 code units.
 */
function sortedUniqueCopy(xs: readonly string[]): string[] {
  if (xs.length > 16) return [...new Set(xs)].sort();
  const out: string[] = [];
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    if (typeof x !== 'string') return [...new Set(xs)].sort();
    let i = out.length;
    while (i > 0 && out[i - 1] > x) i--;
    if (i > 0 && out[i - 1] === x) continue;
    out.push(x);
    for (let j = out.length - 1; j > i; j--) out[j] = out[j - 1];
    out[i] = x;
  }
  return out;
}

/**
 * A pool entry in canonical form (keys in canonicalJson's order, as jsonb returns them; the occupations sorted
 * without repeats): buildSnapshot keeps such entries as they are.
 */
export function poolEntryOf(expertId: string, employer: string, occupationCodes: string[]): PoolEntry {
  // Already sorted (the usual case): the array itself, not a copy, so nothing may write to it afterwards.
  return { employer, expertId, occupationCodes: sortedUnique(occupationCodes) ? occupationCodes : sortedUniqueCopy(occupationCodes) };
}

/** The three keys (in any order) with string values and sorted unique string codes: nothing to normalise. */
function isCanonicalEntry(p: PoolEntry): boolean {
  return (
    typeof p.expertId === 'string' && typeof p.employer === 'string' && Array.isArray(p.occupationCodes) && hasThreeKeys(p) && sortedUnique(p.occupationCodes)
  );
}

export function buildSnapshot(args: Omit<DrawSnapshot, 'version' | 'pool'> & { pool: PoolEntry[] }): DrawSnapshot {
  // An entry already in canonical form (poolEntryOf's, as the commit handler builds them) is kept as it is: copying
  // 100,000 entries per commitment is mostly garbage collection. Nothing writes to a snapshot's entries afterwards.
  const pool = args.pool.map((p) =>
    isCanonicalEntry(p)
      ? p
      : {
          employer: p.employer,
          expertId: p.expertId,
          occupationCodes: sortedUnique(p.occupationCodes) ? p.occupationCodes.slice() : sortedUniqueCopy(p.occupationCodes),
        },
  );
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
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const EMPLOYER = ascii('{"employer":');
const EXPERT_ID = ascii(',"expertId":');
const OCCUPATIONS = ascii(',"occupationCodes":[');

function put(buf: Buffer, at: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i];
  return at;
}

/**
 * Writes JSON.stringify(s) at `at` when s is printable ASCII without quote or backslash (ids, hex keys, codes) and
 * fits before `limit`; -1 otherwise.
 */
function putString(buf: Buffer, at: number, s: string, limit: number): number {
  if (at + s.length + 2 > limit) return -1;
  buf[at++] = 0x22;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return -1;
    buf[at++] = c;
  }
  buf[at++] = 0x22;
  return at;
}

/** Room kept for an entry's punctuation and keys beside its strings. */
const ENTRY_FRAME = 64;

/**
 * An entry's canonical JSON written byte by byte into buf at `at` (the usual three keys, ASCII strings, all of it
 * before buf.length): the end, or -1 when the entry needs the general path (poolEntryJson).
 */
function putPoolEntry(buf: Buffer, at: number, e: PoolEntry): number {
  const codes = e.occupationCodes;
  if (typeof e.employer !== 'string' || typeof e.expertId !== 'string' || !Array.isArray(codes) || !hasThreeKeys(e)) return -1;
  // Keys, quotes, brackets and commas: at most ENTRY_FRAME + 3 per code, beside the strings that putString checks.
  const limit = buf.length - ENTRY_FRAME - 3 * codes.length;
  at = put(buf, at, EMPLOYER);
  if ((at = putString(buf, at, e.employer, limit)) < 0) return -1;
  at = put(buf, at, EXPERT_ID);
  if ((at = putString(buf, at, e.expertId, limit)) < 0) return -1;
  at = put(buf, at, OCCUPATIONS);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (typeof code !== 'string') return -1;
    if (i) buf[at++] = 0x2c;
    if ((at = putString(buf, at, code, limit)) < 0) return -1;
  }
  buf[at++] = 0x5d;
  buf[at++] = 0x7d;
  return at;
}

export function snapshotHash(snapshot: DrawSnapshot): string {
  const { pool, ...head } = snapshot;
  const h = createHash('sha256');
  const headJson = canonicalJson(head); // keys sorted: "pool" falls between "databaseLevel"… and "requirements"
  const cut = headJson.indexOf(',"requirements":');
  h.update(`${headJson.slice(0, cut)},"pool":[`);
  // Entries are written into one reused buffer and hashed 64 KiB at a time: no large strings to build. The usual
  // entry (ASCII ids, keys and codes) is written byte by byte, without a string per entry; any other (or one that
  // would not fit in what is left of the buffer) goes through poolEntryJson and UTF-8.
  const buf = hashBuffer;
  let at = 0;
  for (let i = 0; i < pool.length; i++) {
    const e = pool[i];
    if (at > buf.length >>> 1) {
      h.update(buf.subarray(0, at));
      at = 0;
    }
    const start = at;
    if (i) buf[at++] = 0x2c;
    const end = putPoolEntry(buf, at, e);
    if (end >= 0) {
      at = end;
      continue;
    }
    at = start;
    const json = i ? `,${poolEntryJson(e)}` : poolEntryJson(e);
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
