import { MigrationInterface, QueryRunner } from 'typeorm';

/** Draw attempts that could not meet the requirements are kept on record (nothing was drawn, but it was tried). */
export class DrawFailedAttempts1764200000003 implements MigrationInterface {
  name = 'DrawFailedAttempts1764200000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE expert_pool.draw ADD COLUMN failed_attempts jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE expert_pool.draw DROP COLUMN failed_attempts`);
  }
}
