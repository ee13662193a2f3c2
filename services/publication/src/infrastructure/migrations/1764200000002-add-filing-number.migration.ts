import { MigrationInterface, QueryRunner } from 'typeorm';

/** 备案编号: the institution's filing number, kept on the register entry and on each filing. */
export class AddFilingNumber1764200000002 implements MigrationInterface {
  name = 'AddFilingNumber1764200000002';

  async up(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`ALTER TABLE ${s}.register_entry ADD COLUMN filing_number text UNIQUE`);
    await q.query(`ALTER TABLE ${s}.filing ADD COLUMN filing_number text`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = q.connection.driver.schema;
    await q.query(`ALTER TABLE ${s}.filing DROP COLUMN filing_number`);
    await q.query(`ALTER TABLE ${s}.register_entry DROP COLUMN filing_number`);
  }
}
