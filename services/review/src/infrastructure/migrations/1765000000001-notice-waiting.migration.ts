import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why an approved case has no notice yet (publication waits for a year of the working-day calendar). */
export class NoticeWaiting1765000000001 implements MigrationInterface {
  name = 'NoticeWaiting1765000000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`ALTER TABLE ${s}.review_case ADD COLUMN notice_waiting jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`ALTER TABLE ${s}.review_case DROP COLUMN notice_waiting`);
  }
}
