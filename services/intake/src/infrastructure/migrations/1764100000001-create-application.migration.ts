import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApplication1764100000001 implements MigrationInterface {
  name = 'CreateApplication1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake.application (
        id               uuid PRIMARY KEY,
        application_kind text NOT NULL,
        jurisdiction     text NOT NULL,
        credit_code      text NOT NULL,
        institution      jsonb NOT NULL,
        occupations      jsonb NOT NULL,
        status           text NOT NULL,
        submitted_at     timestamptz NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX application_credit_code ON intake.application (credit_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.application`);
  }
}
