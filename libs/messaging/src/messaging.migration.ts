import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables of one service's schema. Each service lists this migration first in its own
 * migration list: `messagingTablesMigration('review')`.
 */
export function messagingTablesMigration(schema: string): new () => MigrationInterface {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
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
