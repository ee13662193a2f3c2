import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (备案通知 and 公示 as PDF, with their sha-256), the register's life after filing (变更, 暂停, 恢复, 撤销,
 * 注销) and the national feed as one sequence over filings and status changes.
 */
export class DocumentsAndRegisterStatus1766200000001 implements MigrationInterface {
  name = 'DocumentsAndRegisterStatus1766200000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`
      CREATE TABLE ${s}.document (
        kind         text NOT NULL CHECK (kind IN ('filing-notice', 'public-notice')),
        subject_id   uuid NOT NULL,
        number       text,
        sha256       text NOT NULL,
        size         integer NOT NULL,
        bytes        bytea NOT NULL,
        generated_at timestamptz NOT NULL,
        PRIMARY KEY (kind, subject_id)
      )`);
    await q.query(`ALTER TABLE ${s}.register_entry DROP CONSTRAINT register_entry_status_check`);
    await q.query(
      `ALTER TABLE ${s}.register_entry ADD CONSTRAINT register_entry_status_check CHECK (status IN ('valid', 'suspended', 'withdrawn', 'cancelled'))`,
    );
    await q.query(`ALTER TABLE ${s}.register_entry ADD COLUMN status_reason text, ADD COLUMN suspended_from date, ADD COLUMN suspended_until date,
      ADD COLUMN address text, ADD COLUMN source text NOT NULL DEFAULT 'platform' CHECK (source IN ('platform', 'historical'))`);
    await q.query(`UPDATE ${s}.register_entry SET address = contact->>'address'`);
    await q.query(`
      CREATE TABLE ${s}.register_change (
        id             uuid PRIMARY KEY,
        credit_code    text NOT NULL REFERENCES ${s}.register_entry (credit_code),
        action         text NOT NULL CHECK (action IN ('change-details', 'suspend', 'reinstate', 'withdraw', 'cancel')),
        from_status    text NOT NULL,
        to_status      text NOT NULL,
        reason         text NOT NULL,
        decision_ref   text,
        period_from    date,
        period_until   date,
        changes        jsonb,
        decided_by     jsonb NOT NULL,
        decided_at     timestamptz NOT NULL,
        decided_date   date NOT NULL,
        feed_sequence  bigint NOT NULL UNIQUE,
        event_headers  jsonb NOT NULL,
        event_payload  jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX register_change_entry ON ${s}.register_change (credit_code, decided_at)`);
    // One sequence, two kinds of national event: what replay, reconciliation and the feed listing read.
    await q.query(`
      CREATE VIEW ${s}.national_feed AS
        SELECT id, feed_sequence AS sequence, 'publication.filing.issued.v1' AS topic, case_id::text AS key, notice_date AS feed_date, event_headers AS headers, event_payload AS payload
          FROM ${s}.filing
        UNION ALL
        SELECT id, feed_sequence, 'publication.filing.status-changed.v1', 'register-' || credit_code, decided_date, event_headers, event_payload
          FROM ${s}.register_change`);
    await q.query(`
      CREATE TABLE ${s}.register_import (
        id           uuid PRIMARY KEY,
        file_name    text NOT NULL,
        status       text NOT NULL CHECK (status IN ('imported', 'rejected')),
        rows         integer NOT NULL,
        imported     integer NOT NULL,
        errors       jsonb NOT NULL,
        imported_by  jsonb NOT NULL,
        imported_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`DROP TABLE ${s}.register_import`);
    await q.query(`DROP VIEW ${s}.national_feed`);
    await q.query(`DROP TABLE ${s}.register_change`);
    await q.query(
      `ALTER TABLE ${s}.register_entry DROP COLUMN status_reason, DROP COLUMN suspended_from, DROP COLUMN suspended_until, DROP COLUMN address, DROP COLUMN source`,
    );
    await q.query(`DROP TABLE ${s}.document`);
  }
}
