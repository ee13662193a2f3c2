import { MigrationInterface, QueryRunner } from 'typeorm';
import employer from '../../standards/data/attachment-1-employer.json';
import socialOrg from '../../standards/data/attachment-2-social-org.json';
import { StandardDocument } from '../../standards/domain/standard';
import { validateStandard } from '../../standards/domain/standard-validation';

/**
 * Loads the two default standards (docs/domain.md §1.2) shipped as data. They are marked provisional: they stand in for
 * the official Attachments 1 and 2 until an administrator loads those as new versions.
 */
export class SeedDefaultStandards1764200000002 implements MigrationInterface {
  name = 'SeedDefaultStandards1764200000002';

  async up(q: QueryRunner): Promise<void> {
    for (const doc of [employer, socialOrg] as StandardDocument[]) {
      const problems = validateStandard(doc);
      if (problems.length) throw new Error(`default standard ${doc.standardId} is invalid: ${problems.join('; ')}`);
      await q.query(
        `INSERT INTO assessment.standard_version (standard_id, version, institution_kind, effective_from, provisional, document, loaded_at, loaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, now(), 'seed')`,
        [doc.standardId, doc.version, doc.institutionKind, doc.effectiveFrom, doc.provisional, JSON.stringify(doc)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM assessment.standard_version WHERE loaded_by = 'seed'`);
  }
}
