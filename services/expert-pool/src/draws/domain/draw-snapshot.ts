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
  const raw = `${creditCode ?? ''}|${name}`;
  let key = employerKeys.get(raw);
  if (key === undefined) {
    key = sha256Hex(creditCode ? `code:${creditCode.toUpperCase()}` : `name:${normaliseOrganisationName(name)}`).slice(0, 32);
    if (employerKeys.size > 200_000) employerKeys.clear();
    employerKeys.set(raw, key);
  }
  return key;
}
const employerKeys = new Map<string, string>();

/** Names compared for avoidance: no spaces, half-width brackets, lower case (有限公司 names vary in such details). */
export function normaliseOrganisationName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/** canonicalJson of a pool entry, written directly for the usual three keys (the hot path of a 100k pool). */
function poolEntryJson(e: PoolEntry): string {
  if (Object.keys(e).length !== 3 || typeof e.employer !== 'string' || typeof e.expertId !== 'string' || !Array.isArray(e.occupationCodes))
    return canonicalJson(e);
  let occ = '';
  for (let i = 0; i < e.occupationCodes.length; i++) occ += (i ? ',' : '') + JSON.stringify(e.occupationCodes[i]);
  return `{"employer":${JSON.stringify(e.employer)},"expertId":${JSON.stringify(e.expertId)},"occupationCodes":[${occ}]}`;
}

export function buildSnapshot(args: Omit<DrawSnapshot, 'version' | 'pool'> & { pool: PoolEntry[] }): DrawSnapshot {
  const pool = args.pool
    .map((p) => ({
      expertId: p.expertId,
      employer: p.employer,
      occupationCodes: p.occupationCodes.length < 2 ? [...p.occupationCodes] : [...new Set(p.occupationCodes)].sort(),
    }))
    .sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
  const requirements = { ...args.requirements, occupationCodes: [...new Set(args.requirements.occupationCodes)].sort() };
  return { version: CURRENT_SNAPSHOT_VERSION, drawId: args.drawId, caseId: args.caseId, databaseLevel: args.databaseLevel, requirements, pool };
}

/**
 * sha-256 of canonicalJson(snapshot), streamed: the pool (the bulk of it) is fed entry by entry instead of being
 * built as one large string. The bytes hashed are exactly canonicalJson's (the snapshot spec checks it).
 */
export function snapshotHash(snapshot: DrawSnapshot): string {
  const { pool, ...head } = snapshot;
  const h = createHash('sha256');
  const headJson = canonicalJson(head); // keys sorted: "pool" falls between "databaseLevel"… and "requirements"
  const cut = headJson.indexOf(',"requirements":');
  h.update(`${headJson.slice(0, cut)},"pool":[`);
  let batch = '';
  for (let i = 0; i < pool.length; i++) {
    batch += (i ? ',' : '') + poolEntryJson(pool[i]);
    if (batch.length > 65536) {
      h.update(batch);
      batch = '';
    }
  }
  h.update(`${batch}]${headJson.slice(cut)}`);
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
