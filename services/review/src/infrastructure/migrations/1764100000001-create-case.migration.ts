import { MigrationInterface, QueryRunner } from 'typeorm';

/** The schema differs per federated instance, so the migration reads it from the data source. */
export class CreateCase1764100000001 implements MigrationInterface {
  name = 'CreateCase1764100000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`
      CREATE TABLE ${s}.review_case (
        id               uuid PRIMARY KEY,
        jurisdiction     text NOT NULL,
        application_kind text NOT NULL,
        stage            text NOT NULL,
        institution      jsonb NOT NULL,
        occupations      jsonb NOT NULL,
        submitted_at     timestamptz NOT NULL,
        stage_entered_at timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        version          integer NOT NULL
      )`);
    await q.query(`CREATE INDEX review_case_stage ON ${s}.review_case (jurisdiction, stage)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${q.connection.driver.schema}.review_case`);
  }
}
