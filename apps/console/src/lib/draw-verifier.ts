// The expert draw (专家抽取) re-run in the browser from what expert-pool publishes once the seed is revealed, so a
// citizen need not trust the server: HMAC_DRBG (SHA-256, NIST SP 800-90A §10.1.2) over WebCrypto drives a
// Fisher–Yates shuffle of the committed pool, then members are seated and reserves ranked by the draw's rules.
// It is written apart from the service's code on purpose (an independent check of the same published algorithm,
// docs/adr/0007-web-console.md); the tests run it against draws the real service made.

export interface PoolEntry {
  expertId: string;
  employer: string;
  occupationCodes: string[];
}

export interface DrawRequirements {
  groupSize: number;
  reserves: number;
  maxPerEmployer: number;
  occupationCodes: string[];
}

export interface DrawSnapshot {
  version: 1 | 2;
  drawId: string;
  caseId: string;
  databaseLevel: string;
  requirements: DrawRequirements;
  pool: PoolEntry[];
}

export interface PublishedDraw {
  snapshot: DrawSnapshot;
  commitment: string;
  seed: string;
  officerEntropy: string;
  result: { members: string[]; reserves: string[] };
}

export interface LocalVerification {
  match: boolean;
  /** What did not match, in Chinese; empty on a match. */
  mismatches: string[];
  recomputed?: { snapshotHash: string; commitment: string; members: string[]; reserves: string[] };
}

const PERSONALIZATION = 'jl-filing/expert-draw/v1';
const BYTES_PER_REQUEST = 1024;
const encoder = new TextEncoder();

/** JSON with object keys sorted at every depth (undefined members left out): the bytes the snapshot hash covers. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/.test(hex)) throw new Error(`not hex: ${hex.slice(0, 16)}…`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export async function sha256(data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

async function hmac(key: Uint8Array, ...parts: Uint8Array[]): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, concat(...parts) as BufferSource));
}

/** HMAC_DRBG with SHA-256 without reseeding, as the service instantiates it. */
export class HmacDrbg {
  private k: Uint8Array = new Uint8Array(32);
  private v: Uint8Array = new Uint8Array(32).fill(1);
  private buffer: Uint8Array = new Uint8Array(0);
  private offset = 0;

  static async create(entropy: Uint8Array, nonce: Uint8Array, personalization: Uint8Array): Promise<HmacDrbg> {
    if (entropy.length < 32) throw new Error('HMAC-DRBG needs at least 256 bits of entropy input');
    const d = new HmacDrbg();
    await d.update(concat(entropy, nonce, personalization));
    return d;
  }

  private async update(data: Uint8Array = new Uint8Array(0)): Promise<void> {
    this.k = await hmac(this.k, this.v, Uint8Array.of(0), data);
    this.v = await hmac(this.k, this.v);
    if (data.length === 0) return;
    this.k = await hmac(this.k, this.v, Uint8Array.of(1), data);
    this.v = await hmac(this.k, this.v);
  }

  async generate(length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      this.v = await hmac(this.k, this.v);
      const take = Math.min(32, length - filled);
      out.set(this.v.subarray(0, take), filled);
      filled += take;
    }
    await this.update();
    return out;
  }

  async nextUint32(): Promise<number> {
    if (this.offset + 4 > this.buffer.length) {
      this.buffer = await this.generate(BYTES_PER_REQUEST);
      this.offset = 0;
    }
    const b = this.buffer;
    const o = this.offset;
    this.offset += 4;
    return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
  }

  /** Uniform in [0, n) by rejection sampling (no modulo bias). */
  async uniformInt(n: number): Promise<number> {
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const u = await this.nextUint32();
      if (u < limit) return u % n;
    }
  }
}

export async function shuffle<T>(items: readonly T[], rng: HmacDrbg): Promise<T[]> {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = await rng.uniformInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Seats members in the shuffled order while the requirements can still be met; ranks reserves (snapshot rules). */
export function selectGroup(order: readonly PoolEntry[], req: DrawRequirements, version: 1 | 2): { members: PoolEntry[]; reserves: PoolEntry[] } {
  const uncovered = new Set(req.occupationCodes);
  const coverers = new Map<string, number[]>(req.occupationCodes.map((o) => [o, []]));
  order.forEach((e, i) => e.occupationCodes.forEach((c) => coverers.get(c)?.push(i)));
  const perEmployer = new Map<string, number>();
  const count = (emp: string) => perEmployer.get(emp) ?? 0;
  const members: PoolEntry[] = [];
  const seated = new Set<number>();
  const coverableAfter = (o: string, i: number, employer: string) =>
    (coverers.get(o) ?? []).some((j) => j > i && count(order[j].employer) + (order[j].employer === employer ? 1 : 0) < req.maxPerEmployer);
  for (let i = 0; i < order.length && members.length < req.groupSize; i++) {
    const c = order[i];
    if (count(c.employer) >= req.maxPerEmployer) continue;
    const left = [...uncovered].filter((o) => !c.occupationCodes.includes(o));
    if (left.length > req.groupSize - members.length - 1) continue;
    if (!left.every((o) => coverableAfter(o, i, c.employer))) continue;
    members.push(c);
    seated.add(i);
    perEmployer.set(c.employer, count(c.employer) + 1);
    c.occupationCodes.forEach((o) => uncovered.delete(o));
  }
  if (uncovered.size > 0) throw new Error(`抽取结果无法覆盖职业 ${[...uncovered].join('、')}`);
  if (members.length < req.groupSize) throw new Error(`只能选出 ${members.length} 名成员，少于 ${req.groupSize} 名`);
  let reserves: PoolEntry[];
  if (version === 1) reserves = order.filter((_, i) => !seated.has(i)).slice(0, req.reserves);
  else {
    reserves = [];
    const ranked = new Set<number>();
    const withReserves = new Map(perEmployer);
    for (let i = 0; i < order.length && reserves.length < req.reserves; i++) {
      if (seated.has(i)) continue;
      const n = withReserves.get(order[i].employer) ?? 0;
      if (n >= req.maxPerEmployer) continue;
      withReserves.set(order[i].employer, n + 1);
      ranked.add(i);
      reserves.push(order[i]);
    }
    for (let i = 0; i < order.length && reserves.length < req.reserves; i++) if (!seated.has(i) && !ranked.has(i)) reserves.push(order[i]);
  }
  if (reserves.length < req.reserves) throw new Error(`只剩 ${reserves.length} 名备选专家，少于 ${req.reserves} 名`);
  return { members, reserves };
}

/** Re-runs a published draw locally and compares commitment, members and reserves (in order). */
export async function verifyDrawLocally(published: PublishedDraw): Promise<LocalVerification> {
  const s = published?.snapshot;
  if (!/^[0-9a-f]{64}$/.test(published?.seed ?? '')) return { match: false, mismatches: ['种子（seed）应为 64 位十六进制字符'] };
  if (!s || (s.version !== 1 && s.version !== 2)) return { match: false, mismatches: [`快照版本 ${String(s?.version)} 无法识别（支持 1 和 2）`] };
  try {
    const snapshotHash = bytesToHex(await sha256(canonicalJson(s)));
    const commitment = bytesToHex(await sha256(concat(hexToBytes(snapshotHash), hexToBytes(published.seed))));
    const rng = await HmacDrbg.create(
      hexToBytes(published.seed),
      await sha256(published.officerEntropy ?? ''),
      concat(encoder.encode(PERSONALIZATION), hexToBytes(snapshotHash)),
    );
    const order = await shuffle(s.pool, rng);
    const group = selectGroup(order, s.requirements, s.version);
    const members = group.members.map((m) => m.expertId);
    const reserves = group.reserves.map((r) => r.expertId);
    const mismatches: string[] = [];
    if (commitment !== published.commitment)
      mismatches.push(`承诺值不符：本地计算为 ${commitment}，公布的承诺值为 ${published.commitment}（快照或种子与抽取前公布的不一致）`);
    if (members.join() !== published.result.members.join())
      mismatches.push(`抽取成员不符：本地计算为 ${members.join('、')}，公布的为 ${published.result.members.join('、')}`);
    if (reserves.join() !== published.result.reserves.join())
      mismatches.push(`备选专家不符：本地计算为 ${reserves.join('、')}，公布的为 ${published.result.reserves.join('、')}`);
    return { match: mismatches.length === 0, mismatches, recomputed: { snapshotHash, commitment, members, reserves } };
  } catch (err) {
    return { match: false, mismatches: [`无法按此快照重新抽取：${(err as Error).message}`] };
  }
}
