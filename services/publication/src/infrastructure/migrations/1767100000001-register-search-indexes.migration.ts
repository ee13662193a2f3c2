import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the public register search (docs/adr/0023): trigram GIN indexes (pg_trgm, a trusted extension) for
 * name fragments and occupation names, which `ILIKE '%…%'` can use once the fragment has three characters (in a
 * UTF-8 database Chinese characters make trigrams too); occupation codes use the jsonb_path_ops GIN index through a
 * containment test; a city's page comes from (jurisdiction, notice_date DESC, name) already in the page's order.
 */
export class RegisterSearchIndexes1767100000001 implements MigrationInterface {
  name = 'RegisterSearchIndexes1767100000001';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    const ext: { schema: string }[] = await q.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    );
    const trgm = `${ext[0].schema}.gin_trgm_ops`;
    // Every occupation's name and work type as one text, so one trigram index serves "occupation by name".
    await q.query(`
      CREATE FUNCTION ${s}.register_occupation_text(occupations jsonb) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(string_agg(coalesce(o->>'name', '') || ' ' || coalesce(o->>'workType', ''), ' | '), '') FROM jsonb_array_elements(occupations) o $$`);
    await q.query(`CREATE INDEX register_name_trgm ON ${s}.register_entry USING gin (name ${trgm})`);
    await q.query(`CREATE INDEX register_occupation_text_trgm ON ${s}.register_entry USING gin (${s}.register_occupation_text(occupations) ${trgm})`);
    await q.query(`CREATE INDEX register_city_page ON ${s}.register_entry (jurisdiction, notice_date DESC, name)`);
    await q.query(`DROP INDEX ${s}.register_jurisdiction`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`CREATE INDEX register_jurisdiction ON ${s}.register_entry (jurisdiction)`);
    await q.query(`DROP INDEX ${s}.register_city_page`);
    await q.query(`DROP INDEX ${s}.register_occupation_text_trgm`);
    await q.query(`DROP INDEX ${s}.register_name_trgm`);
    await q.query(`DROP FUNCTION ${s}.register_occupation_text(jsonb)`);
  }
}
