import { MigrationInterface, QueryRunner } from 'typeorm';

/** The on-site visit record (schedule, sign-in, entries by method, evidence) and material pointers on findings. */
export class OnsiteVisit1765316000001 implements MigrationInterface {
  name = 'OnsiteVisit1765316000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment.onsite_visit (
        case_id      text PRIMARY KEY REFERENCES assessment.evaluation (case_id),
        visit_date   date NOT NULL,
        place        text NOT NULL,
        member_ids   jsonb NOT NULL,
        attendance   jsonb NOT NULL DEFAULT '[]',
        scheduled_by text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        version      integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE assessment.visit_record (
        id          uuid PRIMARY KEY,
        case_id     text NOT NULL REFERENCES assessment.onsite_visit (case_id),
        method      text NOT NULL CHECK (method IN ('听取汇报', '现场查看', '访谈咨询', '质询答疑', '技术抽查')),
        expert_id   text NOT NULL,
        notes       text NOT NULL,
        item_ids    jsonb NOT NULL,
        details     jsonb NOT NULL,
        materials   jsonb NOT NULL DEFAULT '[]',
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX visit_record_case ON assessment.visit_record (case_id, recorded_at)`);
    await q.query(`
      CREATE TABLE assessment.visit_evidence (
        id           uuid PRIMARY KEY,
        case_id      text NOT NULL,
        record_id    uuid NOT NULL REFERENCES assessment.visit_record (id),
        file_name    text NOT NULL,
        content_type text NOT NULL,
        size         integer NOT NULL,
        sha256       text NOT NULL,
        content      bytea NOT NULL,
        uploaded_by  text NOT NULL,
        uploaded_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX visit_evidence_record ON assessment.visit_evidence (record_id)`);
    await q.query(`ALTER TABLE assessment.finding ADD COLUMN material jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessment.finding DROP COLUMN material`);
    await q.query(`DROP TABLE assessment.visit_evidence`);
    await q.query(`DROP TABLE assessment.visit_record`);
    await q.query(`DROP TABLE assessment.onsite_visit`);
  }
}
