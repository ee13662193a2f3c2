import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Material files are stored in chunks (material_chunk) written as the upload is read from its temporary file, so no
 * request holds a whole file in memory; files stored before keep their bytes inline (material.content).
 */
export class MaterialChunks1766100000002 implements MigrationInterface {
  name = 'MaterialChunks1766100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake.material_chunk (
        material_id uuid NOT NULL REFERENCES intake.material (id) ON DELETE CASCADE,
        seq         int  NOT NULL,
        data        bytea NOT NULL,
        PRIMARY KEY (material_id, seq)
      )`);
    await q.query(`ALTER TABLE intake.material ALTER COLUMN content DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE intake.material m SET content = (SELECT string_agg(c.data, ''::bytea ORDER BY c.seq) FROM intake.material_chunk c WHERE c.material_id = m.id) WHERE m.content IS NULL`,
    );
    await q.query(`ALTER TABLE intake.material ALTER COLUMN content SET NOT NULL`);
    await q.query(`DROP TABLE intake.material_chunk`);
  }
}
