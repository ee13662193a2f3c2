import { MigrationInterface, QueryRunner } from 'typeorm';

/** The lifecycle's working data on the case, the hash-chained audit log and the province's re-check queue. */
export class LifecycleAuditRecheck1764200000001 implements MigrationInterface {
  name = 'LifecycleAuditRecheck1764200000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`
      ALTER TABLE ${s}.review_case
        ADD COLUMN existing_filing_number text,
        ADD COLUMN return_count integer NOT NULL DEFAULT 0,
        ADD COLUMN resubmission_round integer NOT NULL DEFAULT 0,
        ADD COLUMN expert_request jsonb,
        ADD COLUMN expert_group jsonb,
        ADD COLUMN opinions jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN approval jsonb,
        ADD COLUMN last_reason text`);
    await q.query(`CREATE INDEX review_case_credit_code ON ${s}.review_case ((institution->>'creditCode'))`);
    // seq is assigned under a table lock (no sequence): a rolled-back transaction must not leave a gap in the chain.
    await q.query(`
      CREATE TABLE ${s}.audit_log (
        seq          bigint PRIMARY KEY,
        id           uuid NOT NULL UNIQUE,
        case_id      text NOT NULL,
        jurisdiction text NOT NULL,
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
    await q.query(`CREATE INDEX audit_log_case ON ${s}.audit_log (case_id, seq)`);
    await q.query(`
      CREATE TABLE ${s}.recheck_request (
        id              uuid PRIMARY KEY,
        case_id         text NOT NULL,
        jurisdiction    text NOT NULL,
        gate            text NOT NULL,
        snapshot        jsonb NOT NULL,
        requested_at    timestamptz NOT NULL,
        received_at     timestamptz NOT NULL,
        status          text NOT NULL,
        decision        text,
        reason          text,
        decided_by      jsonb,
        decided_at      timestamptz,
        version         integer NOT NULL
      )`);
    await q.query(`CREATE INDEX recheck_request_status ON ${s}.recheck_request (status, requested_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`DROP TABLE ${s}.recheck_request`);
    await q.query(`DROP TABLE ${s}.audit_log`);
    await q.query(`DROP INDEX ${s}.review_case_credit_code`);
    await q.query(`
      ALTER TABLE ${s}.review_case
        DROP COLUMN existing_filing_number, DROP COLUMN return_count, DROP COLUMN resubmission_round, DROP COLUMN expert_request,
        DROP COLUMN expert_group, DROP COLUMN opinions, DROP COLUMN approval, DROP COLUMN last_reason`);
  }
}
