import { AuditModule as SharedAuditModule } from '@filing/audit';
import { reviewInstance } from '../infrastructure/review.config';

/** This instance's hash-chained audit log (its own schema) and the admin-only GET /audit/verify. */
export const AuditModule = SharedAuditModule.forService({ schema: reviewInstance.schema });
