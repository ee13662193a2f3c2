// Verifies the hash-chained audit log of one review instance and names the first broken entry.
//   npm run -w @filing/review audit:verify                      (REVIEW_JURISDICTION picks the instance, 220000 by default)
//   node -r @swc-node/register services/review/src/audit/verify-audit.cli.ts [--schema review_220100]
// Exit codes: 0 the chain holds, 1 it is broken, 2 the check could not run.
import { Client } from 'pg';
import { verifyChain } from './domain/audit-chain';
import { loadAuditChain } from './infrastructure/audit-log.store';

async function main(): Promise<number> {
  const i = process.argv.indexOf('--schema');
  const schema = i > 0 ? process.argv[i + 1] : `review_${process.env.REVIEW_JURISDICTION || '220000'}`;
  if (!schema || !/^review_\d{6}$/.test(schema)) {
    process.stderr.write(`audit:verify: not a review schema: ${schema}\n`);
    return 2;
  }
  const client = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    const verdict = verifyChain(await loadAuditChain(client, schema));
    if (verdict.ok) {
      process.stdout.write(`audit log ${schema}: OK, ${verdict.entries} entries, last hash ${verdict.lastHash}\n`);
      return 0;
    }
    const b = verdict.firstBroken;
    process.stdout.write(`audit log ${schema}: BROKEN at entry seq=${b.seq} id=${b.id} case=${b.caseId}: ${b.problem}\n`);
    return 1;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`audit:verify failed: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
