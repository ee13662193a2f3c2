import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 公示批次: one 公示 (its own number and date) listing several open notices of one jurisdiction, in order. A notice is
 * in one batch at most (unique), and keeps its own window, objections and outcome. The batch's PDF is a document too.
 */
export class NoticeBatches1767300000001 implements MigrationInterface {
  name = 'NoticeBatches1767300000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`
      CREATE TABLE ${s}.notice_batch (
        id            uuid PRIMARY KEY,
        number        text NOT NULL,
        jurisdiction  text NOT NULL,
        issue_date    date NOT NULL,
        created_by    jsonb NOT NULL,
        created_at    timestamptz NOT NULL,
        -- The 公示编号 counts per jurisdiction and year (the template need not name the jurisdiction).
        UNIQUE (jurisdiction, number)
      )`);
    await q.query(`
      CREATE TABLE ${s}.notice_batch_item (
        batch_id   uuid NOT NULL REFERENCES ${s}.notice_batch (id),
        position   integer NOT NULL CHECK (position > 0),
        notice_id  uuid NOT NULL UNIQUE REFERENCES ${s}.notice (id),
        PRIMARY KEY (batch_id, position)
      )`);
    await q.query(`ALTER TABLE ${s}.document DROP CONSTRAINT document_kind_check`);
    await q.query(`ALTER TABLE ${s}.document ADD CONSTRAINT document_kind_check CHECK (kind IN ('filing-notice', 'public-notice', 'public-notice-batch'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`DELETE FROM ${s}.document WHERE kind = 'public-notice-batch'`);
    await q.query(`ALTER TABLE ${s}.document DROP CONSTRAINT document_kind_check`);
    await q.query(`ALTER TABLE ${s}.document ADD CONSTRAINT document_kind_check CHECK (kind IN ('filing-notice', 'public-notice'))`);
    await q.query(`DROP TABLE ${s}.notice_batch_item`);
    await q.query(`DROP TABLE ${s}.notice_batch`);
  }
}
