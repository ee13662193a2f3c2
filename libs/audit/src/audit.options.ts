export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

export interface AuditOptions {
  /** The service's database schema holding `audit_log`. */
  schema: string;
}
