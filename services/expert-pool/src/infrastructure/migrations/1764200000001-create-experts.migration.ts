import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateExperts1764200000001 implements MigrationInterface {
  name = 'CreateExperts1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expert_pool.expert (
        id                  uuid PRIMARY KEY,
        level               text NOT NULL,
        name                text NOT NULL,
        gender              text,
        id_number           text NOT NULL,
        employer            jsonb NOT NULL,
        title               text,
        skill_level         integer,
        occupation_codes    jsonb NOT NULL,
        region              text NOT NULL,
        contact             jsonb NOT NULL,
        status              text NOT NULL CHECK (status IN ('active', 'suspended', 'removed')),
        status_reason       text,
        term_start          date NOT NULL,
        term_end            date,
        former_employers    jsonb NOT NULL DEFAULT '[]',
        declared_conflicts  jsonb NOT NULL DEFAULT '[]',
        relatives_employers jsonb NOT NULL DEFAULT '[]',
        service_history     jsonb NOT NULL DEFAULT '[]',
        created_at          timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        version             integer NOT NULL
      )`);
    // One person appears once per database.
    await q.query(`CREATE UNIQUE INDEX expert_level_id_number ON expert_pool.expert (level, id_number)`);
    await q.query(`CREATE INDEX expert_level_status ON expert_pool.expert (level, status)`);
    await q.query(`
      CREATE TABLE expert_pool.import_job (
        id          uuid PRIMARY KEY,
        level       text NOT NULL,
        format      text NOT NULL,
        mode        text NOT NULL,
        status      text NOT NULL,
        total       integer NOT NULL,
        validated   integer NOT NULL,
        imported    integer NOT NULL,
        errors      jsonb NOT NULL DEFAULT '[]',
        failure     text,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL,
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE expert_pool.import_job`);
    await q.query(`DROP TABLE expert_pool.expert`);
  }
}
