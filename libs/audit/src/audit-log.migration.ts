import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hash-chained audit log table of one service's schema (review, whose table is older, is brought to the same
 * columns by its AuditLogColumns migration). Each service lists it in its migration list under a name of its own, so
 * TypeORM runs it once after the service's earlier migrations:
 * `export const AuditLog1764900000001 = auditLogMigration(SCHEMA, 'AuditLog1764900000001');`
 */
export function auditLogMigration(schema: string, name = 'AuditLog1764100000009'): new () => MigrationInterface {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (!/^[A-Za-z]+\d{13}$/.test(name)) throw new Error(`migration name ${name} must end in a 13-digit timestamp`);
  return class AuditLogTable implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      // seq is assigned under a table lock (no sequence): a rolled-back transaction must not leave a gap in the chain.
      await q.query(`
        CREATE TABLE ${schema}.audit_log (
          seq          bigint PRIMARY KEY,
          id           uuid NOT NULL UNIQUE,
          case_id      text,
          jurisdiction text,
          action       text NOT NULL,
          from_stage   text,
          to_stage     text,
          actor        jsonb NOT NULL,
          at           text NOT NULL,
          reason       text,
          details      jsonb NOT NULL,
          prev_hash    text NOT NULL,
          hash         text NOT NULL
        )`);
      await q.query(`CREATE INDEX audit_log_case ON ${schema}.audit_log (case_id, seq)`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${schema}.audit_log`);
    }
  };
}
