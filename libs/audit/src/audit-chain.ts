import { createHash } from 'node:crypto';

/**
 * The hash-chained audit log (docs/architecture.md §7): each entry stores sha-256(previous hash + canonical JSON of the
 * entry), so editing, deleting or reordering any entry after the fact breaks every hash from there on.
 */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Who took a decision: the caller's token subject, the role it acted in and its jurisdiction; for a step taken on an
 * event, role `event`, the event's id as subject and the event itself (topic, id, source) in `event`.
 */
export interface AuditActor {
  subject: string;
  role: string;
  jurisdiction: string | null;
  name?: string;
  event?: { topic: string; id: string; source: string };
}

/**
 * What an audit entry records: who did what (action) to which case, when (the service clock, ISO text) and why.
 * `caseId`/`jurisdiction` are null for decisions that concern no single case (a standard loaded, calendar overrides).
 * `fromStage`/`toStage` carry a state change where there is one.
 */
export interface AuditEntry {
  seq: number;
  id: string;
  caseId: string | null;
  jurisdiction: string | null;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  actor: AuditActor;
  at: string;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every level and no whitespace: one text per value. Like JSON.stringify, a value
 * with `toJSON` (a Date) is written as what that returns, so the hash covers exactly what the jsonb column stores.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  }
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

export function chain(prevHash: string, entry: AuditEntry): ChainedAuditEntry {
  return { ...entry, prevHash, hash: entryHash(prevHash, entry) };
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; firstBroken: { seq: number; id: string; caseId: string | null; problem: string } };

/** Walks the entries in `seq` order and names the first one whose link or content does not check out. */
export function verifyChain(entries: readonly ChainedAuditEntry[]): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    const { prevHash, hash, ...content } = e;
    let problem: string | undefined;
    if (e.seq !== expectedSeq) problem = `sequence gap: expected entry ${expectedSeq}, found ${e.seq} (an entry was deleted)`;
    else if (prevHash !== prev) problem = `previous-hash link does not match the entry before it`;
    else if (entryHash(prevHash, content) !== hash) problem = `content does not match its hash (the entry was edited)`;
    if (problem) return { ok: false, entries: entries.length, firstBroken: { seq: e.seq, id: e.id, caseId: e.caseId, problem } };
    prev = hash;
    expectedSeq = e.seq + 1;
  }
  return { ok: true, entries: entries.length, lastHash: prev };
}
