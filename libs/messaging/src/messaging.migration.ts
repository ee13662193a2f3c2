import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The backbone's tables in one service's schema: outbox, inbox and the deferred events. Each service lists these
 * first in its own migration list: `...messagingMigrations('review')`.
 */
export function messagingMigrations(schema: string): (new () => MigrationInterface)[] {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return [messagingTables(schema), parkedAndDeferred(schema)];
}

function messagingTables(schema: string): new () => MigrationInterface {
  return class MessagingTables implements MigrationInterface {
    name = 'MessagingTables1764100000000';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        CREATE TABLE ${schema}.outbox (
          seq         bigserial PRIMARY KEY,
          id          uuid NOT NULL UNIQUE,
          topic       text NOT NULL,
          key         text NOT NULL,
          headers     jsonb NOT NULL,
          payload     jsonb NOT NULL,
          created_at  timestamptz NOT NULL DEFAULT now(),
          sent_at     timestamptz,
          attempts    integer NOT NULL DEFAULT 0,
          last_error  text
        )`);
      await q.query(`CREATE INDEX outbox_unsent ON ${schema}.outbox (seq) WHERE sent_at IS NULL`);
      await q.query(`
        CREATE TABLE ${schema}.inbox (
          consumer_group text NOT NULL,
          event_id       text NOT NULL,
          topic          text NOT NULL,
          partition      integer NOT NULL,
          "offset"       text NOT NULL,
          received_at    timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer_group, event_id)
        )`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${schema}.inbox`);
      await q.query(`DROP TABLE ${schema}.outbox`);
    }
  };
}

/**
 * Outbox rows the broker refused for good are parked (they and the rows behind them for the same key wait for an
 * operator); consumed events that came before their predecessor wait in `deferred_event` (docs/adr/0008).
 */
function parkedAndDeferred(schema: string): new () => MigrationInterface {
  return class MessagingParkedAndDeferred implements MigrationInterface {
    name = 'MessagingParkedAndDeferred1765000000000';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE ${schema}.outbox ADD COLUMN parked_at timestamptz`);
      await q.query(`CREATE INDEX outbox_parked_key ON ${schema}.outbox (key) WHERE sent_at IS NULL AND parked_at IS NOT NULL`);
      await q.query(`
        CREATE TABLE ${schema}.deferred_event (
          seq             bigserial PRIMARY KEY,
          consumer_group  text NOT NULL,
          topic           text NOT NULL,
          partition       integer NOT NULL,
          "offset"        text NOT NULL,
          message_key     text NOT NULL,
          event_id        text NOT NULL,
          headers         jsonb NOT NULL,
          value           text,
          reason          text NOT NULL,
          deferred_at     timestamptz NOT NULL DEFAULT now(),
          attempts        integer NOT NULL DEFAULT 0,
          next_attempt_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (consumer_group, event_id)
        )`);
      await q.query(`CREATE INDEX deferred_event_key ON ${schema}.deferred_event (consumer_group, message_key, seq)`);
      await q.query(`CREATE INDEX deferred_event_due ON ${schema}.deferred_event (consumer_group, next_attempt_at)`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${schema}.deferred_event`);
      await q.query(`DROP INDEX ${schema}.outbox_parked_key`);
      await q.query(`ALTER TABLE ${schema}.outbox DROP COLUMN parked_at`);
    }
  };
}
