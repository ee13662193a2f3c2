import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Once drawn, what verification recomputes (snapshot, seed, commitment, officer entropy, result as drawn) can never
 * change: the database refuses such an update, whatever the code does.
 */
export class DrawImmutableAfterDraw1764200000005 implements MigrationInterface {
  name = 'DrawImmutableAfterDraw1764200000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION expert_pool.draw_keep_drawn_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.drawn_at IS NOT NULL AND (
             NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.snapshot_hash IS DISTINCT FROM OLD.snapshot_hash
          OR NEW.seed IS DISTINCT FROM OLD.seed OR NEW.commitment IS DISTINCT FROM OLD.commitment
          OR NEW.officer_entropy IS DISTINCT FROM OLD.officer_entropy OR NEW.drawn_at IS DISTINCT FROM OLD.drawn_at
          OR NEW.drawn_members IS DISTINCT FROM OLD.drawn_members OR NEW.drawn_reserves IS DISTINCT FROM OLD.drawn_reserves) THEN
          RAISE EXCEPTION 'draw %: the committed snapshot, seed, entropy and drawn result are immutable', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER draw_keep_drawn_facts BEFORE UPDATE ON expert_pool.draw FOR EACH ROW EXECUTE FUNCTION expert_pool.draw_keep_drawn_facts()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER draw_keep_drawn_facts ON expert_pool.draw`);
    await q.query(`DROP FUNCTION expert_pool.draw_keep_drawn_facts()`);
  }
}
