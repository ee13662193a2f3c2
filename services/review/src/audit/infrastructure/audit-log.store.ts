import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditEntry, chain, ChainedAuditEntry, GENESIS_HASH } from '../domain/audit-chain';

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'id'>;

/** Something that runs SQL: a TypeORM manager or data source, or a pg client (for the verify command). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * Appends one entry inside the caller's transaction. The table lock serialises writers so every entry links to the
 * one committed before it; readers are not blocked. Callers lock their case row first and the audit log last.
 */
export async function appendAudit(manager: EntityManager, schema: string, entry: NewAuditEntry): Promise<ChainedAuditEntry> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('audit: entries must be appended inside a transaction');
  await manager.query(`LOCK TABLE ${schema}.audit_log IN EXCLUSIVE MODE`);
  const last: { seq: string; hash: string }[] = await manager.query(`SELECT seq, hash FROM ${schema}.audit_log ORDER BY seq DESC LIMIT 1`);
  const seq = last.length ? Number(last[0].seq) + 1 : 1;
  const prevHash = last.length ? last[0].hash : GENESIS_HASH;
  const row = chain(prevHash, { ...entry, seq, id: randomUUID() });
  await manager.query(
    `INSERT INTO ${schema}.audit_log (seq, id, case_id, jurisdiction, action, from_stage, to_stage, actor, at, reason, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      row.seq,
      row.id,
      row.caseId,
      row.jurisdiction,
      row.action,
      row.fromStage,
      row.toStage,
      JSON.stringify(row.actor),
      row.at,
      row.reason,
      JSON.stringify(row.details),
      row.prevHash,
      row.hash,
    ],
  );
  return row;
}

interface AuditRow {
  seq: string;
  id: string;
  case_id: string;
  jurisdiction: string;
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  actor: AuditEntry['actor'];
  at: string;
  reason: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

function fromRow(r: AuditRow): ChainedAuditEntry {
  return {
    seq: Number(r.seq),
    id: r.id,
    caseId: r.case_id,
    jurisdiction: r.jurisdiction,
    action: r.action,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    actor: r.actor,
    at: r.at,
    reason: r.reason,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const COLUMNS = 'seq, id, case_id, jurisdiction, action, from_stage, to_stage, actor, at, reason, details, prev_hash, hash';

export async function loadAuditChain(db: SqlRunner, schema: string): Promise<ChainedAuditEntry[]> {
  const res = await db.query(`SELECT ${COLUMNS} FROM ${schema}.audit_log ORDER BY seq`);
  return (Array.isArray(res) ? res : res.rows).map(fromRow);
}

export async function loadCaseAudit(db: SqlRunner, schema: string, caseId: string): Promise<ChainedAuditEntry[]> {
  const res = await db.query(`SELECT ${COLUMNS} FROM ${schema}.audit_log WHERE case_id = $1 ORDER BY seq`, [caseId]);
  return (Array.isArray(res) ? res : res.rows).map(fromRow);
}
