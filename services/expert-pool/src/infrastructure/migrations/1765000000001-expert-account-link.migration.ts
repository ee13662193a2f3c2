import { MigrationInterface, QueryRunner } from 'typeorm';

/** The identity-provider account an expert record is linked to (one account, one record). */
export class ExpertAccountLink1765000000001 implements MigrationInterface {
  name = 'ExpertAccountLink1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE expert_pool.expert
        ADD COLUMN account_subject   text,
        ADD COLUMN account_username  text,
        ADD COLUMN account_linked_at timestamptz,
        ADD COLUMN account_linked_by text`);
    await q.query(`CREATE UNIQUE INDEX expert_account_subject ON expert_pool.expert (account_subject) WHERE account_subject IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX expert_pool.expert_account_subject`);
    await q.query(
      `ALTER TABLE expert_pool.expert DROP COLUMN account_subject, DROP COLUMN account_username, DROP COLUMN account_linked_at, DROP COLUMN account_linked_by`,
    );
  }
}
