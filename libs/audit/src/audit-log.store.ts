import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, chain, ChainedAuditEntry, ChainVerdict, GENESIS_HASH, verifyChain } from './audit-chain';
import { AUDIT_OPTIONS, AuditOptions } from './audit.options';

/** An entry as the caller gives it: the log assigns seq and id. `details` defaults to `{}`, `reason` to null. */
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'id' | 'reason' | 'details' | 'fromStage' | 'toStage' | 'caseId' | 'jurisdiction'> &
  Partial<Pick<AuditEntry, 'reason' | 'details' | 'fromStage' | 'toStage' | 'caseId' | 'jurisdiction'>>;

/** Something that runs SQL: a TypeORM manager or data source, or a pg client (for the verify command). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * Appends one entry inside the caller's transaction, so the entry exists exactly when the decision does. The table
 * lock serialises writers so every entry links to the one committed before it; readers are not blocked. Callers
 * lock their own rows first and the audit log last.
 */
export async function appendAuditEntry(manager: EntityManager, schema: string, entry: NewAuditEntry): Promise<ChainedAuditEntry> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('audit: entries must be appended inside a transaction');
  await manager.query(`LOCK TABLE ${schema}.audit_log IN EXCLUSIVE MODE`);
  const last: { seq: string; hash: string }[] = await manager.query(`SELECT seq, hash FROM ${schema}.audit_log ORDER BY seq DESC LIMIT 1`);
  const seq = last.length ? Number(last[0].seq) + 1 : 1;
  const prevHash = last.length ? last[0].hash : GENESIS_HASH;
  const row = chain(prevHash, {
    seq,
    id: randomUUID(),
    caseId: entry.caseId ?? null,
    jurisdiction: entry.jurisdiction ?? null,
    action: entry.action,
    fromStage: entry.fromStage ?? null,
    toStage: entry.toStage ?? null,
    actor: asStored(entry.actor),
    at: entry.at,
    reason: entry.reason ?? null,
    details: asStored(entry.details ?? {}),
  });
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

/** The value as the jsonb column will give it back (Dates as ISO text, undefined members dropped), hashed as such. */
function asStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

interface AuditRow {
  seq: string;
  id: string;
  case_id: string | null;
  jurisdiction: string | null;
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

function rows(res: any): AuditRow[] {
  return Array.isArray(res) ? res : res.rows;
}

/** The whole chain in seq order. */
export async function loadAuditChain(db: SqlRunner, schema: string): Promise<ChainedAuditEntry[]> {
  return rows(await db.query(`SELECT ${COLUMNS} FROM ${schema}.audit_log ORDER BY seq`)).map(fromRow);
}

/** One case's entries in seq order. */
export async function loadCaseAudit(db: SqlRunner, schema: string, caseId: string): Promise<ChainedAuditEntry[]> {
  return rows(await db.query(`SELECT ${COLUMNS} FROM ${schema}.audit_log WHERE case_id = $1 ORDER BY seq`, [caseId])).map(fromRow);
}

export type AuditVerdict = { schema: string } & ChainVerdict;

/** Loads the chain of a schema and checks it. */
export async function verifyAuditLog(db: SqlRunner, schema: string): Promise<AuditVerdict> {
  return { schema, ...verifyChain(await loadAuditChain(db, schema)) };
}

/** The audit log of this service's schema (provided by `AuditModule.forService`). */
@Injectable()
export class AuditLog {
  constructor(
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get schema(): string {
    return this.options.schema;
  }

  /** Appends inside the caller's transaction (`dataSource.transaction(manager => ...)` or an event's `ctx.manager`). */
  append(manager: EntityManager, entry: NewAuditEntry): Promise<ChainedAuditEntry> {
    return appendAuditEntry(manager, this.options.schema, entry);
  }

  forCase(caseId: string): Promise<ChainedAuditEntry[]> {
    return loadCaseAudit(this.dataSource, this.options.schema, caseId);
  }

  verify(): Promise<AuditVerdict> {
    return verifyAuditLog(this.dataSource, this.options.schema);
  }
}
