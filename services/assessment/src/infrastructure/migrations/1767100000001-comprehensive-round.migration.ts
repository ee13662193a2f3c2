import { MigrationInterface, QueryRunner } from 'typeorm';

/** A comprehensive opinion the provincial re-check sends back to the group is formed again in a new round. */
export class ComprehensiveRound1767100000001 implements MigrationInterface {
  name = 'ComprehensiveRound1767100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessment.evaluation ADD COLUMN comprehensive_round integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessment.evaluation DROP COLUMN comprehensive_round`);
  }
}
