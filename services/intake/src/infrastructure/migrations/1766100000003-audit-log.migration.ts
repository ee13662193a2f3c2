import { auditLogMigration } from '@filing/audit';

/** The hash-chained audit log of intake's decisions (an application opened, a material taken, a submission). */
export const AuditLog1766100000003 = auditLogMigration('intake', 'AuditLog1766100000003');
