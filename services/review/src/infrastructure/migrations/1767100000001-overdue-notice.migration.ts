import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue notices (督办) already requested: one per case, stage and the time it entered that stage, so the next
 * pass of the check, a restart or a second replica does not tell the queue again. A case that re-enters a stage
 * (returned to the group, re-checked) starts a new stay and may go overdue again.
 */
export class OverdueNotice1767100000001 implements MigrationInterface {
  name = 'OverdueNotice1767100000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`CREATE TABLE ${s}.overdue_notice (
      case_id text NOT NULL,
      stage text NOT NULL,
      stage_entered_at timestamptz NOT NULL,
      due_date date NOT NULL,
      noticed_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, stage, stage_entered_at)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${q.connection.driver.schema}.overdue_notice`);
  }
}
