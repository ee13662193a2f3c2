import { Client } from 'pg';
import { verifyAuditLog } from './audit-log.store';

/**
 * The body of each service's `src/audit/verify-audit.cli.ts`: verifies one schema's audit log and exits
 * 0 when the chain holds, 1 naming the first broken entry, 2 when the check could not run.
 * DATABASE_URL picks the database; `--schema <name>` overrides the service's schema.
 */
export function runVerifyAuditCli(defaultSchema: string, allowedSchema: RegExp = /^[a-z_][a-z0-9_]*$/): void {
  verifyFromCli(defaultSchema, allowedSchema).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`audit:verify failed: ${(err as Error).message}\n`);
      process.exit(2);
    },
  );
}

async function verifyFromCli(defaultSchema: string, allowedSchema: RegExp): Promise<number> {
  const i = process.argv.indexOf('--schema');
  const schema = i > 0 ? process.argv[i + 1] : defaultSchema;
  if (!schema || !allowedSchema.test(schema)) {
    process.stderr.write(`audit:verify: not a schema of this service: ${schema}\n`);
    return 2;
  }
  const client = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    const verdict = await verifyAuditLog(client, schema);
    if (verdict.ok) {
      process.stdout.write(`audit log ${schema}: OK, ${verdict.entries} entries, last hash ${verdict.lastHash}\n`);
      return 0;
    }
    const b = verdict.firstBroken;
    process.stdout.write(`audit log ${schema}: BROKEN at entry seq=${b.seq} id=${b.id} case=${b.caseId ?? '-'}: ${b.problem}\n`);
    return 1;
  } finally {
    await client.end();
  }
}
