import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDraws1764200000002 implements MigrationInterface {
  name = 'CreateDraws1764200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expert_pool.draw (
        id                     uuid PRIMARY KEY,
        case_id                text NOT NULL,
        case_jurisdiction      text NOT NULL,
        database_level         text NOT NULL,
        request_event_id       text NOT NULL UNIQUE,
        application_kind       text NOT NULL,
        applicant              jsonb NOT NULL,
        occupations            jsonb NOT NULL,
        requirements           jsonb NOT NULL,
        work_plan              text NOT NULL,
        planned_onsite_date    text,
        requested_by           jsonb NOT NULL,
        requested_at           timestamptz NOT NULL,
        status                 text NOT NULL,
        snapshot               jsonb,
        snapshot_hash          text,
        seed                   text,
        commitment             text,
        committed_at           timestamptz,
        committed_by           text,
        exclusions             jsonb,
        superseded_commitments jsonb NOT NULL DEFAULT '[]',
        officer_entropy        text,
        drawn_at               timestamptz,
        drawn_by               text,
        group_id               uuid UNIQUE,
        drawn_members          jsonb,
        drawn_reserves         jsonb,
        members                jsonb NOT NULL DEFAULT '[]',
        reserves               jsonb NOT NULL DEFAULT '[]',
        replacements           jsonb NOT NULL DEFAULT '[]',
        formed_at              timestamptz,
        votes                  jsonb NOT NULL DEFAULT '[]',
        election_round         integer NOT NULL DEFAULT 1,
        leader_expert_id       text,
        leader_elected_at      timestamptz,
        seed_revealed_at       timestamptz,
        version                integer NOT NULL
      )`);
    await q.query(`CREATE INDEX draw_queue ON expert_pool.draw (database_level, status)`);
    await q.query(`CREATE INDEX draw_case ON expert_pool.draw (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE expert_pool.draw`);
  }
}
