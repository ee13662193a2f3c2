import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications become drafts that collect materials before they are submitted; materials are versioned files kept in
 * the database; the case timeline and the register of filed institutions are read models of other services' events;
 * idempotency keys remember the first answer.
 */
export class DraftsMaterialsTimeline1764200000000 implements MigrationInterface {
  name = 'DraftsMaterialsTimeline1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intake.application
        ALTER COLUMN submitted_at DROP NOT NULL,
        ALTER COLUMN created_at DROP DEFAULT,
        ADD COLUMN existing_filing_number text,
        ADD COLUMN round integer NOT NULL DEFAULT 0,
        ADD COLUMN return_count integer NOT NULL DEFAULT 0,
        ADD COLUMN case_stage text,
        ADD COLUMN case_stage_at timestamptz,
        ADD COLUMN created_by text NOT NULL DEFAULT '',
        ADD COLUMN resubmitted_at timestamptz`);
    await q.query(`CREATE INDEX application_jurisdiction ON intake.application (jurisdiction, created_at)`);
    await q.query(`
      CREATE TABLE intake.material (
        id              uuid PRIMARY KEY,
        application_id  uuid NOT NULL REFERENCES intake.application (id),
        checklist_item  text NOT NULL,
        version         integer NOT NULL CHECK (version >= 1),
        round           integer NOT NULL CHECK (round >= 0),
        file_name       text NOT NULL,
        content_type    text NOT NULL,
        size            integer NOT NULL CHECK (size > 0),
        sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content         bytea NOT NULL,
        uploaded_by     text NOT NULL,
        uploaded_at     timestamptz NOT NULL,
        UNIQUE (application_id, checklist_item, version)
      )`);
    await q.query(`
      CREATE TABLE intake.case_event (
        event_id        text PRIMARY KEY,
        application_id  uuid NOT NULL REFERENCES intake.application (id),
        kind            text NOT NULL,
        stage_from      text,
        stage_to        text,
        action          text,
        reason          text,
        details         jsonb NOT NULL,
        occurred_at     timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_event_application ON intake.case_event (application_id, occurred_at)`);
    await q.query(`
      CREATE TABLE intake.filed_institution (
        filing_id      text PRIMARY KEY,
        credit_code    text NOT NULL,
        name           text NOT NULL,
        notice_number  text NOT NULL,
        notice_date    text NOT NULL,
        jurisdiction   text NOT NULL,
        case_id        text NOT NULL,
        occupations    jsonb NOT NULL,
        status         text NOT NULL,
        issued_at      timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX filed_institution_credit_code ON intake.filed_institution (credit_code)`);
    await q.query(`
      CREATE TABLE intake.idempotency_key (
        scope         text NOT NULL,
        key           text NOT NULL,
        request_hash  text NOT NULL,
        operation     text NOT NULL,
        response      jsonb,
        created_at    timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.idempotency_key`);
    await q.query(`DROP TABLE intake.filed_institution`);
    await q.query(`DROP TABLE intake.case_event`);
    await q.query(`DROP TABLE intake.material`);
    await q.query(`DROP INDEX intake.application_jurisdiction`);
    await q.query(`
      ALTER TABLE intake.application
        DROP COLUMN existing_filing_number, DROP COLUMN round, DROP COLUMN return_count, DROP COLUMN case_stage,
        DROP COLUMN case_stage_at, DROP COLUMN created_by, DROP COLUMN resubmitted_at,
        ALTER COLUMN created_at SET DEFAULT now()`);
  }
}
