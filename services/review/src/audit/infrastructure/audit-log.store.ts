import { EntityManager } from 'typeorm';
import { AuditActor, appendAuditEntry, ChainedAuditEntry, loadCaseAudit as loadCaseEntries, NewAuditEntry, SqlRunner } from '@filing/audit';

/** Review's entries always name their case and jurisdiction; the chain and table are @filing/audit's. */
export type ReviewAuditEntry = NewAuditEntry & { caseId: string; jurisdiction: string; actor: AuditActor };

export function appendAudit(manager: EntityManager, schema: string, entry: ReviewAuditEntry): Promise<ChainedAuditEntry> {
  return appendAuditEntry(manager, schema, entry);
}

export function loadCaseAudit(db: SqlRunner, schema: string, caseId: string): Promise<ChainedAuditEntry[]> {
  return loadCaseEntries(db, schema, caseId);
}
