import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of filed institutions also keeps the 备案编号 (filingNumber), which `publication.filing.issued.v1`
 * carries as an optional field, so add-occupation accepts either number. Null for filings recorded without it.
 */
export class FiledInstitutionFilingNumber1764300000000 implements MigrationInterface {
  name = 'FiledInstitutionFilingNumber1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.filed_institution ADD COLUMN filing_number text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.filed_institution DROP COLUMN filing_number`);
  }
}
