import { MigrationInterface, QueryRunner } from 'typeorm';

/** The case's expert group, from expert-pool's events: its members may read the case's materials. */
export class ExpertGroup1767000000000 implements MigrationInterface {
  name = 'ExpertGroup1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.expert_group (
      application_id uuid PRIMARY KEY REFERENCES intake.application(id),
      formation jsonb,
      replacements jsonb NOT NULL DEFAULT '[]',
      members jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.expert_group`);
  }
}
