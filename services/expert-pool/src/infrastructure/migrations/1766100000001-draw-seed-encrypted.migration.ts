import { MigrationInterface, QueryRunner } from 'typeorm';
import { DrawSeedCipher, drawSeedCipher } from '../../draws/infrastructure/draw-seed.cipher';

/**
 * Seeds were kept in plain text until the reveal: seal every plain one (and the superseded commitments' seeds) with
 * DRAW_SEED_KEY. The immutability trigger guards drawn seeds against change; sealing changes their form, not their
 * value, so it is suspended for this one statement set, inside the migration's transaction.
 */
export class DrawSeedEncrypted1766100000001 implements MigrationInterface {
  name = 'DrawSeedEncrypted1766100000001';

  async up(q: QueryRunner): Promise<void> {
    const rows: { id: string; seed: string | null; superseded: { seed: string }[] }[] = await q.query(
      `SELECT id, seed, superseded_commitments AS superseded FROM expert_pool.draw WHERE seed IS NOT NULL OR jsonb_array_length(superseded_commitments) > 0`,
    );
    await q.query(`ALTER TABLE expert_pool.draw DISABLE TRIGGER draw_keep_drawn_facts`);
    for (const r of rows) {
      const seed = r.seed && !DrawSeedCipher.isSealed(r.seed) ? drawSeedCipher.seal(r.id, r.seed) : r.seed;
      const superseded = r.superseded.map((s) => (s.seed && !DrawSeedCipher.isSealed(s.seed) ? { ...s, seed: drawSeedCipher.seal(r.id, s.seed) } : s));
      await q.query(`UPDATE expert_pool.draw SET seed = $2, superseded_commitments = $3::jsonb WHERE id = $1`, [r.id, seed, JSON.stringify(superseded)]);
    }
    await q.query(`ALTER TABLE expert_pool.draw ENABLE TRIGGER draw_keep_drawn_facts`);
  }

  async down(q: QueryRunner): Promise<void> {
    const rows: { id: string; seed: string | null; superseded: { seed: string }[] }[] = await q.query(
      `SELECT id, seed, superseded_commitments AS superseded FROM expert_pool.draw WHERE seed IS NOT NULL OR jsonb_array_length(superseded_commitments) > 0`,
    );
    await q.query(`ALTER TABLE expert_pool.draw DISABLE TRIGGER draw_keep_drawn_facts`);
    for (const r of rows) {
      const seed = r.seed && DrawSeedCipher.isSealed(r.seed) ? drawSeedCipher.open(r.id, r.seed) : r.seed;
      const superseded = r.superseded.map((s) => (s.seed && DrawSeedCipher.isSealed(s.seed) ? { ...s, seed: drawSeedCipher.open(r.id, s.seed) } : s));
      await q.query(`UPDATE expert_pool.draw SET seed = $2, superseded_commitments = $3::jsonb WHERE id = $1`, [r.id, seed, JSON.stringify(superseded)]);
    }
    await q.query(`ALTER TABLE expert_pool.draw ENABLE TRIGGER draw_keep_drawn_facts`);
  }
}
