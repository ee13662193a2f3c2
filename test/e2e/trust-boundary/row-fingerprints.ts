import { Client } from 'pg';

/** Schemas PostgreSQL keeps for itself; every other schema belongs to a service. */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast', 'public'];

/**
 * Per table of every service schema: its row count and an md5 over its rows (each row as text, sorted), so any
 * insert, update or delete shows. `public` is left out: no service keeps data there.
 */
/**
 * The Kafka consumer's own bookkeeping (libs/messaging): no HTTP route writes it, and it moves on its own while a
 * service retries an event an earlier spec file left waiting for its predecessor on the shared broker.
 */
export const CONSUMER_BOOKKEEPING = /\.(inbox|deferred_event)$/;

/**
 * Rows a refusal writes by design, left out: an expert import that imports nothing still keeps its job, status
 * `rejected`, so the centre can read the errors by row (`GET /experts/imports/:id`).
 */
const REFUSAL_RECORDS: Record<string, string> = { 'expert_pool.import_job': "r.status <> 'rejected'" };

export async function rowFingerprints(databaseUrl: string, exclude: RegExp = CONSUMER_BOOKKEEPING): Promise<Record<string, string>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const tables: { schema: string; name: string }[] = (
      await db.query(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema <> ALL($1) AND table_schema NOT LIKE 'pg_%'
          ORDER BY 1, 2`,
        [SYSTEM_SCHEMAS],
      )
    ).rows;
    const out: Record<string, string> = {};
    for (const t of tables.filter((x) => !exclude.test(`${x.schema}.${x.name}`))) {
      const q = `"${t.schema.replace(/"/g, '""')}"."${t.name.replace(/"/g, '""')}"`;
      const { rows } = await db.query(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(r::text, E'\\n' ORDER BY r::text)), '') AS h FROM ${q} r${REFUSAL_RECORDS[`${t.schema}.${t.name}`] ? ` WHERE ${REFUSAL_RECORDS[`${t.schema}.${t.name}`]}` : ''}`,
      );
      out[`${t.schema}.${t.name}`] = `${rows[0].n}:${rows[0].h}`;
    }
    return out;
  } finally {
    await db.end();
  }
}

/** The tables whose fingerprint differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}

/**
 * The fingerprints once they hold still: the broker is shared by every spec file of a run, so services that just
 * started may still be consuming events an earlier file produced (their consumer groups resume where the last ones
 * stopped). Waits until two snapshots `quietMs` apart agree.
 */
export async function settledFingerprints(databaseUrl: string, quietMs = 2000, timeoutMs = 180_000): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  let last = await rowFingerprints(databaseUrl);
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = await rowFingerprints(databaseUrl);
    if (changedTables(last, now).length === 0) return now;
    if (Date.now() > deadline) throw new Error(`rows still changing after ${timeoutMs} ms: ${changedTables(last, now).join(', ')}`);
    last = now;
  }
}
