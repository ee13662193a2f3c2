import { auditLogMigration } from '@filing/audit';

/** The hash-chained audit log of every decision this service takes (architecture §7); columns are @filing/audit's. */
export const AuditLog1764900000001 = auditLogMigration('publication', 'AuditLog1764900000001');
