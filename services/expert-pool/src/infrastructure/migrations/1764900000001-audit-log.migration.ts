import { auditLogMigration } from '@filing/audit';

/** The hash-chained audit log of every decision this service takes (docs/architecture.md §7); columns are @filing/audit's. */
export const AuditLog1764900000001 = auditLogMigration('expert_pool', 'AuditLog1764900000001');
