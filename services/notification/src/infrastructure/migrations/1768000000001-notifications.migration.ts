import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices (the inbox), their deliveries by e-mail and SMS (the delivery log), people's channel preferences and the
 * per-jurisdiction switch. One notice per dedupe key (event + recipient), one delivery per notice and channel.
 */
export class Notifications1768000000001 implements MigrationInterface {
  name = 'Notifications1768000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification.notice (
        id              uuid PRIMARY KEY,
        dedupe_key      text NOT NULL UNIQUE,
        event_id        text NOT NULL,
        case_id         text NOT NULL,
        jurisdiction    text NOT NULL,
        kind            text NOT NULL,
        recipient_id    text NOT NULL,
        recipient_role  text NOT NULL,
        recipient_name  text,
        title           text NOT NULL,
        body            text NOT NULL,
        link            text NOT NULL,
        params          jsonb NOT NULL,
        created_at      timestamptz NOT NULL,
        read_at         timestamptz
      )`);
    await q.query(`CREATE INDEX notice_recipient ON notification.notice (recipient_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE notification.delivery (
        id              uuid PRIMARY KEY,
        notice_id       uuid NOT NULL REFERENCES notification.notice (id),
        channel         text NOT NULL CHECK (channel IN ('email', 'sms')),
        -- The address only until the delivery is settled; the log keeps the masked one.
        address         text,
        address_masked  text NOT NULL,
        status          text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts        int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error      text,
        provider_id     text,
        created_at      timestamptz NOT NULL,
        settled_at      timestamptz,
        UNIQUE (notice_id, channel)
      )`);
    await q.query(`CREATE INDEX delivery_due ON notification.delivery (next_attempt_at) WHERE status = 'queued'`);
    await q.query(`
      CREATE TABLE notification.preference (
        recipient_id text PRIMARY KEY,
        channels     jsonb NOT NULL,
        updated_at   timestamptz NOT NULL,
        updated_by   text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE notification.jurisdiction_switch (
        jurisdiction text PRIMARY KEY,
        external_on  boolean NOT NULL,
        updated_at   timestamptz NOT NULL,
        updated_by   text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification.jurisdiction_switch, notification.preference, notification.delivery, notification.notice`);
  }
}
