// Benchmark of the national feed replay (not a test: it prints figures, it asserts nothing).
//
//   npm run bench:replay [-- --quick | --events 100000]
//
// `events` filing notices (publication.filing.issued.v1 with a full payload: institution, contact, occupations and
// levels, ~1 KB) are seeded into publication's tables after its migrations, then the operator's replay CLI
// (services/publication/src/feed/replay-feed.cli.ts --from-sequence 1) runs as its own process, printing its
// progress; the time is from its start to its exit (reading the feed, producing with acks=-1, recording the replay).
// The baseline, in the same run: raw kafkajs producing the same messages in the same chunks (500) with the same
// idempotent producer — what the broker takes from one producer that way.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { benchEnvironment, broker } from './lib/environment';
import { arg, report } from './lib/report';

const EVENTS = arg('events', 100_000, 20_000);
const ROOT = path.resolve(__dirname, '..');

function node(args: string[], env: Record<string, string>, onStderr?: (line: string) => void): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let err = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => {
      err += b;
      const lines = err.split('\n');
      err = lines.pop()!;
      for (const l of lines) onStderr?.(l);
    });
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

/** Filing notices as the issue handler stores them: notice row, filing row with the stored headers and payload. */
async function seed(db: Client) {
  await db.query(
    `
    WITH n AS (
      INSERT INTO publication.notice (id, case_id, jurisdiction, application_kind, institution, occupations, approved_at, start_date, end_date, working_days,
             publication_day_counts, closes_at, status, outcome, filing_status, opened_at, closed_at)
      SELECT md5('notice' || g)::uuid, md5('case' || g)::uuid, '220100', 'initial', '{}'::jsonb, '[]'::jsonb, now(), '2026-01-05', '2026-01-12', 5, false, now(),
             'closed', 'no-objection', 'issued', now(), now()
        FROM generate_series(1, $1::int) g
      RETURNING id, case_id)
    INSERT INTO publication.filing (id, case_id, notice_id, notice_year, notice_seq, notice_number, notice_date, feed_sequence, issued_by, issued_at,
           event_headers, event_payload, filing_number)
    SELECT md5('filing' || g)::uuid, md5('case' || g)::uuid, md5('notice' || g)::uuid, 2026, g, '吉人社备〔2026〕' || g || '号', DATE '2026-01-13' + (g % 300), g,
           '{"subject":"approver-province","role":"approver","jurisdiction":"220000"}'::jsonb, now(),
           jsonb_build_object('ce_id', md5('filing' || g)::uuid::text, 'ce_type', 'publication.filing.issued.v1', 'ce_source', 'publication',
             'ce_specversion', '1.0', 'ce_time', '2026-01-13T02:00:00.000Z', 'ce_subject', md5('case' || g)::uuid::text, 'content-type', 'application/json'),
           jsonb_build_object('filingId', md5('filing' || g)::uuid::text, 'sequence', g, 'caseId', md5('case' || g)::uuid::text, 'applicationKind', 'initial',
             'noticeNumber', '吉人社备〔2026〕' || g || '号', 'noticeDate', '2026-01-13', 'filingNumber', '220000-2026-' || lpad(g::text, 6, '0'),
             'issuingAuthority', '吉林省人力资源和社会保障厅',
             'institution', jsonb_build_object('name', '长春第' || g || '汽车职业技能培训学校', 'creditCode', '9122' || lpad(g::text, 14, '0'), 'kind', 'school',
               'province', '220000', 'jurisdiction', '220100', 'jurisdictionName', '长春市', 'scope', 'public',
               'contact', jsonb_build_object('person', '王明', 'phone', '0431-88888888', 'address', '长春市人民大街' || g || '号')),
             'occupations', jsonb_build_array(
               jsonb_build_object('code', '6-18-02-04', 'name', '焊工', 'levels', jsonb_build_array(5, 4, 3)),
               jsonb_build_object('code', '4-10-01-05', 'name', '养老护理员', 'levels', jsonb_build_array(5, 4))),
             'status', 'valid', 'issuedAt', '2026-01-13T02:00:00.000Z'),
           '220000-2026-' || lpad(g::text, 6, '0')
      FROM generate_series(1, $1::int) g`,
    [EVENTS],
  );
}

async function rawProduce(brokers: string[], db: Client, topic: string) {
  const { rows } = await db.query(`SELECT key, headers, payload FROM publication.national_feed ORDER BY sequence`);
  const kafka = new Kafka({ clientId: 'bench-replay-raw', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const started = Date.now();
  for (let i = 0; i < rows.length; i += 500) {
    const messages = rows.slice(i, i + 500).map((r) => ({ key: r.key, value: JSON.stringify(r.payload), headers: r.headers }));
    await producer.send({ topic, acks: -1, messages });
  }
  const seconds = (Date.now() - started) / 1000;
  await producer.disconnect();
  return { seconds };
}

async function main() {
  const env = await benchEnvironment('replay', { catalogue: true });
  const db = new Client({ connectionString: env.databaseUrl });
  try {
    const migrated = await node(['-r', '@swc-node/register', 'services/publication/src/migrate.ts'], {});
    if (migrated.code !== 0) throw new Error('publication migrations failed');
    await db.connect();
    const t0 = Date.now();
    await seed(db);
    console.log(
      `replay bench: ${EVENTS.toLocaleString('en')} filing notices seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s; Kafka ${env.brokers.join(',')}`,
    );
    const rawTopic = `bench.replay.raw.${randomUUID().slice(0, 8)}`;
    await broker.createTopics(env.brokers, [{ topic: rawTopic, partitions: 3 }]);
    const raw = await rawProduce(env.brokers, db, rawTopic);
    console.log(`  baseline: raw kafkajs, same messages and chunks: ${raw.seconds.toFixed(1)} s (${Math.round(EVENTS / raw.seconds)}/s)`);
    const started = Date.now();
    const replay = await node(['-r', '@swc-node/register', 'services/publication/src/feed/replay-feed.cli.ts', '--from-sequence', '1'], {}, (line) =>
      console.log(`  ${line}`),
    );
    const seconds = (Date.now() - started) / 1000;
    if (replay.code !== 0) throw new Error(`the replay CLI exited ${replay.code}`);
    const result = JSON.parse(replay.stdout.trim().split('\n').pop()!);
    if (result.events !== EVENTS) throw new Error(`the replay sent ${result.events} events, ${EVENTS} were seeded`);
    console.log(`  replay CLI (process start to exit): ${seconds.toFixed(1)} s for ${result.events} events (${Math.round(EVENTS / seconds)}/s)`);
    report([
      {
        bench: 'replay',
        figure: `national replay of ${EVENTS.toLocaleString('en')} filing events`,
        value: seconds,
        unit: 's',
        baseline: { name: 'raw kafkajs, same messages', value: raw.seconds, unit: 's' },
        ratio: raw.seconds / seconds,
        goal: EVENTS >= 100_000 ? '≤ 60 s' : `≤ ${Math.round((60 * EVENTS) / 100_000)} s (60 s per 100,000)`,
        met: seconds <= (60 * EVENTS) / 100_000,
      },
    ]);
  } finally {
    await db.end().catch(() => undefined);
    await env.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
