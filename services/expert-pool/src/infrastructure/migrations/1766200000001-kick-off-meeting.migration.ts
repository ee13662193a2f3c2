import { MigrationInterface, QueryRunner } from 'typeorm';

/** Conflict declarations, the kick-off meeting record, the election stage and result, and the meeting's minutes. */
export class KickOffMeeting1766200000001 implements MigrationInterface {
  name = 'KickOffMeeting1766200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE expert_pool.draw
        ADD COLUMN declarations     jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN kick_off_meeting jsonb,
        ADD COLUMN election         jsonb,
        ADD COLUMN leader_election  jsonb`);
    await q.query(`
      CREATE TABLE expert_pool.kick_off_minutes (
        id           uuid PRIMARY KEY,
        draw_id      uuid NOT NULL REFERENCES expert_pool.draw (id),
        file_name    text NOT NULL,
        content_type text NOT NULL,
        size_bytes   int NOT NULL,
        sha256       text NOT NULL,
        content      bytea NOT NULL,
        uploaded_by  jsonb NOT NULL,
        uploaded_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX kick_off_minutes_draw ON expert_pool.kick_off_minutes (draw_id, uploaded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE expert_pool.kick_off_minutes`);
    await q.query(`ALTER TABLE expert_pool.draw DROP COLUMN declarations, DROP COLUMN kick_off_meeting, DROP COLUMN election, DROP COLUMN leader_election`);
  }
}
