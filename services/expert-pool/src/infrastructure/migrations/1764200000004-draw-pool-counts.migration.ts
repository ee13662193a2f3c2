import { MigrationInterface, QueryRunner } from 'typeorm';

/** Pool counts as columns, so views never need to load a draw's (possibly multi-megabyte) snapshot. */
export class DrawPoolCounts1764200000004 implements MigrationInterface {
  name = 'DrawPoolCounts1764200000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE expert_pool.draw ADD COLUMN eligible_count integer, ADD COLUMN excluded_count integer`);
    await q.query(
      `UPDATE expert_pool.draw SET eligible_count = jsonb_array_length(snapshot->'pool'), excluded_count = jsonb_array_length(exclusions) WHERE snapshot IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE expert_pool.draw DROP COLUMN eligible_count, DROP COLUMN excluded_count`);
  }
}
