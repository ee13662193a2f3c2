import { MigrationInterface, QueryRunner } from 'typeorm';

/** The public notice (公示) of an approved case as publication reports it: window, objections, revealed draw seed. */
export class PublicNotice1764300000001 implements MigrationInterface {
  name = 'PublicNotice1764300000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`ALTER TABLE ${s}.review_case ADD COLUMN notice jsonb, ADD COLUMN draw_seed jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`ALTER TABLE ${s}.review_case DROP COLUMN notice, DROP COLUMN draw_seed`);
  }
}
