import { MigrationInterface, QueryRunner } from 'typeorm';
import { reviewInstance } from '../review.config';

/**
 * Review created its audit table before `@filing/audit` existed, with `case_id` and `jurisdiction` NOT NULL; the
 * library's table (every other service's) has them nullable, for decisions that concern no case. One table shape for
 * all: review's columns become the library's. Review still writes both on every entry (`ReviewAuditEntry`).
 */
export class AuditLogColumns1766150000001 implements MigrationInterface {
  name = 'AuditLogColumns1766150000001';

  async up(q: QueryRunner): Promise<void> {
    const s = reviewInstance.schema;
    await q.query(`ALTER TABLE ${s}.audit_log ALTER COLUMN case_id DROP NOT NULL, ALTER COLUMN jurisdiction DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = reviewInstance.schema;
    await q.query(`ALTER TABLE ${s}.audit_log ALTER COLUMN case_id SET NOT NULL, ALTER COLUMN jurisdiction SET NOT NULL`);
  }
}
