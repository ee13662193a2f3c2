import { MigrationInterface, QueryRunner } from 'typeorm';

/** Approvals whose notice waits for a year's working-day calendar (one row per case until the notice opens). */
export class NoticeAwaitingCalendar1765000000002 implements MigrationInterface {
  name = 'NoticeAwaitingCalendar1765000000002';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`
      CREATE TABLE ${s}.notice_awaiting_calendar (
        case_id            uuid PRIMARY KEY,
        jurisdiction       text NOT NULL,
        approval           jsonb NOT NULL,
        approval_event_id  text NOT NULL,
        year               integer NOT NULL,
        waiting_since      timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`DROP TABLE ${s}.notice_awaiting_calendar`);
  }
}
