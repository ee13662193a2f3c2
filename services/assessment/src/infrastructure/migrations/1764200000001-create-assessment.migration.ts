import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssessment1764200000001 implements MigrationInterface {
  name = 'CreateAssessment1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment.standard_version (
        seq              serial PRIMARY KEY,
        standard_id      text NOT NULL,
        version          text NOT NULL,
        institution_kind text NOT NULL,
        effective_from   date NOT NULL,
        provisional      boolean NOT NULL,
        document         jsonb NOT NULL,
        loaded_at        timestamptz NOT NULL,
        loaded_by        text NOT NULL,
        UNIQUE (standard_id, version)
      )`);
    await q.query(`CREATE INDEX standard_version_in_force ON assessment.standard_version (institution_kind, effective_from)`);
    await q.query(`
      CREATE TABLE assessment.evaluation (
        case_id             text PRIMARY KEY,
        jurisdiction        text,
        institution_kind    text,
        application_kind    text,
        applicant           jsonb,
        occupations         jsonb,
        group_id            text,
        members             jsonb NOT NULL DEFAULT '[]',
        leader_expert_id    text,
        formed_at           timestamptz,
        standard_seq        integer REFERENCES assessment.standard_version (seq),
        standard_pinned_for date,
        stage               text,
        preliminary_round   integer NOT NULL DEFAULT 1,
        updated_at          timestamptz NOT NULL DEFAULT now(),
        version             integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE assessment.finding (
        id           uuid PRIMARY KEY,
        case_id      text NOT NULL REFERENCES assessment.evaluation (case_id),
        round        integer NOT NULL,
        expert_id    text NOT NULL,
        sub_item_id  text,
        material_ref text,
        text         text NOT NULL,
        recorded_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX finding_case ON assessment.finding (case_id, round)`);
    await q.query(`
      CREATE TABLE assessment.score_sheet (
        id            uuid PRIMARY KEY,
        case_id       text NOT NULL REFERENCES assessment.evaluation (case_id),
        expert_id     text NOT NULL,
        status        text NOT NULL CHECK (status IN ('draft', 'submitted')),
        scores        jsonb NOT NULL,
        vetoes        jsonb NOT NULL,
        methods       jsonb NOT NULL,
        evidence_note text NOT NULL,
        saved_at      timestamptz NOT NULL,
        submitted_at  timestamptz,
        UNIQUE (case_id, expert_id)
      )`);
    await q.query(`
      CREATE TABLE assessment.opinion (
        id               uuid PRIMARY KEY,
        case_id          text NOT NULL REFERENCES assessment.evaluation (case_id),
        kind             text NOT NULL CHECK (kind IN ('preliminary', 'technical', 'comprehensive')),
        round            integer NOT NULL,
        result           text NOT NULL CHECK (result IN ('pass', 'fail')),
        document         jsonb NOT NULL,
        leader_expert_id text NOT NULL,
        submitted_at     timestamptz NOT NULL,
        UNIQUE (case_id, kind, round)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['opinion', 'score_sheet', 'finding', 'evaluation', 'standard_version']) await q.query(`DROP TABLE assessment.${t}`);
  }
}
