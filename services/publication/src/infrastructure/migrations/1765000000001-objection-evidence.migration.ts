import { MigrationInterface, QueryRunner } from 'typeorm';

/** An objection's evidence and leads (证据及线索), as the objector describes them. */
export class ObjectionEvidence1765000000001 implements MigrationInterface {
  name = 'ObjectionEvidence1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${q.connection.driver.schema}.objection ADD COLUMN evidence text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${q.connection.driver.schema}.objection DROP COLUMN evidence`);
  }
}
