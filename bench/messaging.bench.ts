// Benchmark of the messaging backbone (not a test: it prints figures, it asserts nothing).
//
//   npm run bench:messaging [-- --quick | --events 2000 --concurrency 16 --seconds 10]
//
// On one broker and one database, in one run, it measures:
//   (a) the platform path at capacity (closed loop, `concurrency` commands in flight): HTTP command → state row +
//       outbox row in one transaction → relay → Kafka (acks=-1) → consumer → inbox row + handler's PostgreSQL write in
//       one transaction; events/s; with how fast the commands alone committed (the HTTP side) and how far behind
//       the last command the last event was handled;
//   (a') the backbone alone: many outbox rows committed at once, then relay → Kafka → consumer → inbox + handler;
//   (b) raw kafkajs produce → consume WITH batching (batches of 100, `concurrency` sends in flight, acks=-1, the same
//       message size): what this broker carries;
//   (c) raw PostgreSQL single-row commits/s at the same concurrency;
//   and the ratio of (a) to min(b, c): how much of the slower raw part the full path keeps;
//   (d) latency at realistic load: open loop (commands fired on a fixed schedule, whatever the answers) at 10 % and
//       50 % of (a), end to end from the command's commit to the handler's commit (both PostgreSQL's clock), split at
//       the relay pass that picked the row up (its wake-up) — woken after each commit (in memory, or LISTEN/NOTIFY from
//       another process), then at 50 % with polling only (OUTBOX_WAKE=poll), the wake-up's contribution.
// Commands are sent by autocannon: the load generator shares the two cores with what it measures.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { Pool } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon');
import { ServiceProcess, startServiceProcess, waitFor } from '@filing/testing';
import { sourceOf, toKafkaHeaders } from '@filing/contracts';
import { noteCreated } from '../libs/messaging/test/fixture/fixture.events';
import { benchEnvironment, broker } from './lib/environment';
import { arg, percentile, report } from './lib/report';

const EVENTS = arg('events', 2000, 1000);
const RAW_EVENTS = arg('raw-events', 20000, 10000);
const CONCURRENCY = arg('concurrency', 16);
const SECONDS = arg('seconds', 10, 4);
const SCHEMA = 'messaging_fixture';
const TEXT = 'x'.repeat(200);

async function inParallel(n: number, concurrency: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

/**
 * POST /notes through autocannon (the load generator shares the two cores with what it measures: fetch cost about
 * 1.6 ms of CPU per request here, autocannon a fraction of it), each note of its own case `<run>-<n>`: `amount`
 * commands with `CONCURRENCY` in flight (closed loop).
 */
async function commands(url: string, run: string, amount: number): Promise<void> {
  let n = 0;
  const r = await autocannon({
    url,
    connections: CONCURRENCY,
    amount,
    requests: [
      {
        method: 'POST',
        path: '/notes',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ caseId: `${run}-${n++}`, text: TEXT }) }),
      },
    ],
  });
  if (r.non2xx || r.errors) throw new Error(`POST /notes: ${r.non2xx} answers other than 2xx, ${r.errors} errors`);
}

async function seenCount(db: Pool): Promise<number> {
  return (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.note_seen`)).rows[0].n;
}

async function platformPath(url: string, db: Pool) {
  const before = await seenCount(db);
  const started = Date.now();
  const run = randomUUID();
  await commands(url, run, EVENTS);
  await waitFor('every event handled', async () => (await seenCount(db)) >= before + EVENTS, 600000, 20);
  const rate = EVENTS / ((Date.now() - started) / 1000);
  // Where the time went: how fast the commands committed, and how far behind the last one the last event was handled.
  const [t] = (
    await db.query(
      `SELECT extract(epoch from max(n.at) - min(n.at)) AS commits, extract(epoch from max(s.at) - max(n.at)) * 1000 AS tail
         FROM ${SCHEMA}.note n JOIN ${SCHEMA}.note_seen s USING (event_id) WHERE n.case_id LIKE $1`,
      [`${run}-%`],
    )
  ).rows;
  return { rate, commandRate: EVENTS / Number(t.commits), tailMs: Number(t.tail) };
}

/**
 * The backbone alone: `n` outbox rows committed at once (as if by `n` commands, one statement), then relay → Kafka →
 * consumer → inbox + handler until every one is handled. What the full path could carry if commands were free.
 */
async function backboneAlone(db: Pool, n: number) {
  const before = await seenCount(db);
  const rows = Array.from({ length: n }, () => {
    const id = randomUUID();
    const caseId = randomUUID();
    const headers = toKafkaHeaders({
      id,
      type: noteCreated.type,
      source: sourceOf(noteCreated.producer),
      time: new Date().toISOString(),
      subject: caseId,
      correlationId: randomUUID(),
    });
    return { id, caseId, headers: JSON.stringify(headers), payload: JSON.stringify({ caseId, text: TEXT }) };
  });
  await db.query(
    `INSERT INTO ${SCHEMA}.outbox (id, topic, key, headers, payload) SELECT id, $1, key, h, p FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) AS u(id, key, h, p)`,
    [noteCreated.topic, rows.map((r) => r.id), rows.map((r) => r.caseId), rows.map((r) => r.headers), rows.map((r) => r.payload)],
  );
  const started = Date.now();
  await db.query(`SELECT pg_notify($1, '')`, [`outbox_${SCHEMA}`]);
  await waitFor('every outbox row handled', async () => (await seenCount(db)) >= before + n, 600000, 20);
  return { rate: n / ((Date.now() - started) / 1000) };
}

/** One POST /notes over a kept-alive connection (node:http: far cheaper in CPU than fetch). */
function postNote(agent: http.Agent, url: string, caseId: string): Promise<void> {
  const body = JSON.stringify({ caseId, text: TEXT });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/notes`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`POST /notes answered ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Commands on a fixed schedule (open loop): command i is sent at t0 + i/rate whatever the earlier answers. (autocannon's
 * own rate limit is no open loop: each connection sends its share of a second at once, then waits.)
 */
async function openLoop(url: string, db: Pool, rate: number) {
  const run = randomUUID();
  const n = Math.max(20, Math.round(rate * SECONDS));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const t0 = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    sent.push(postNote(agent, url, `${run}-${i}`));
  }
  await Promise.all(sent);
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const latency = async () =>
    (
      await db.query(
        `SELECT extract(epoch from s.at - n.at) * 1000 AS e2e, extract(epoch from o.sent_at - n.at) * 1000 AS wake
           FROM ${SCHEMA}.note n JOIN ${SCHEMA}.note_seen s USING (event_id) JOIN ${SCHEMA}.outbox o ON o.id::text = n.event_id
          WHERE n.case_id LIKE $1`,
        [`${run}-%`],
      )
    ).rows;
  await waitFor('the open-loop events handled', async () => (await latency()).length >= n, 120000, 100);
  const rows = await latency();
  const e2e = rows.map((r) => Number(r.e2e));
  // The relay pass's transaction began (sent_at = now()) at or after the command's commit.
  const wake = rows.map((r) => Math.max(0, Number(r.wake)));
  return { offered: n / seconds, p50: percentile(e2e, 50), p99: percentile(e2e, 99), wake50: percentile(wake, 50), wake99: percentile(wake, 99) };
}

async function rawKafka(brokers: string[]) {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench.raw.${Date.now()}`;
  await broker.createTopics(brokers, [{ topic, partitions: 3 }]);
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let received = 0;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      received += batch.messages.length;
      if (received >= RAW_EVENTS + 1) done();
    },
  });
  const producer = kafka.producer();
  await producer.connect();
  const value = JSON.stringify({ caseId: randomUUID(), text: TEXT });
  // One message through first: the clock starts once the consumer has joined its group and fetches.
  await producer.send({ topic, acks: -1, messages: [{ key: 'warm-up', value }] });
  await waitFor('the raw consumer fetching', async () => received >= 1, 120000, 20);
  const BATCH = 100;
  const started = Date.now();
  await inParallel(Math.ceil(RAW_EVENTS / BATCH), CONCURRENCY, async () => {
    await producer.send({ topic, acks: -1, messages: Array.from({ length: BATCH }, () => ({ key: randomUUID(), value })) });
  });
  await all;
  const elapsed = (Date.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return { rate: (Math.ceil(RAW_EVENTS / BATCH) * BATCH) / elapsed };
}

async function rawPostgres(db: Pool) {
  await db.query(`CREATE TABLE IF NOT EXISTS public.bench_row (id uuid PRIMARY KEY, body text NOT NULL)`);
  const started = Date.now();
  await inParallel(EVENTS, CONCURRENCY, async () => {
    await db.query(`INSERT INTO public.bench_row (id, body) VALUES ($1, $2)`, [randomUUID(), TEXT]);
  });
  return { rate: EVENTS / ((Date.now() - started) / 1000) };
}

const fixture = (wake: 'notify' | 'poll') =>
  startServiceProcess({
    entry: 'libs/messaging/test/fixture/fixture.main.ts',
    name: `bench-fixture-${wake}`,
    env: { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20', OUTBOX_WAKE: wake },
  });

async function main() {
  const env = await benchEnvironment('messaging');
  await broker.createTopics(
    env.brokers,
    // Every topic the fixture consumes or publishes, with their dead-letter topics.
    ['recorded', 'amended', 'created', 'attached', 'bulky', 'no-dlt', 'hanging']
      .flatMap((t) => [`fixture.note.${t}.v1`, `fixture.note.${t}.v1.dlt`])
      .map((topic) => ({ topic, partitions: 3 })),
  );
  let svc: ServiceProcess | undefined = await fixture('notify');
  const db = new Pool({ connectionString: env.databaseUrl, max: CONCURRENCY });
  try {
    console.log(
      `messaging bench: ${EVENTS} events (raw Kafka ${RAW_EVENTS}), concurrency ${CONCURRENCY}, Kafka ${env.brokers.join(',')}, 3 partitions, acks=-1`,
    );
    const b = await rawKafka(env.brokers);
    const c = await rawPostgres(db);
    // A warm-up, so the capacity is not that of a cold process or of a broker whose JIT compiler still takes a core.
    await commands(svc.url, randomUUID(), EVENTS / 2);
    const alone = await backboneAlone(db, RAW_EVENTS / 2);
    const a = await platformPath(svc.url, db);
    const floor = Math.min(b.rate, c.rate);
    const floorName = b.rate <= c.rate ? 'raw kafkajs, batched' : 'raw PostgreSQL commits';
    console.log(`(a) outbox → Kafka → inbox → handler   ${a.rate.toFixed(0).padStart(7)} events/s`);
    console.log(
      `    of which the commands alone (HTTP → state + outbox row) ${a.commandRate.toFixed(0)}/s; last event handled ${a.tailMs.toFixed(0)} ms after the last command`,
    );
    console.log(`(a') the backbone alone: outbox → handler ${alone.rate.toFixed(0).padStart(7)} events/s (${RAW_EVENTS / 2} rows committed at once)`);
    console.log(`(b) raw kafkajs produce → consume      ${b.rate.toFixed(0).padStart(7)} events/s (batches of 100, ${CONCURRENCY} in flight)`);
    console.log(`(c) raw PostgreSQL single-row commits  ${c.rate.toFixed(0).padStart(7)} commits/s (${CONCURRENCY} connections)`);
    console.log(`ratio (a) / min(b, c) = ${(a.rate / floor).toFixed(2)}   (baseline: ${floorName})`);

    const loads: { wake: string; share: number; r: Awaited<ReturnType<typeof openLoop>> }[] = [];
    for (const share of [0.1, 0.5]) loads.push({ wake: 'woken', share, r: await openLoop(svc.url, db, a.rate * share) });
    await svc.stop();
    svc = undefined;
    svc = await fixture('poll');
    loads.push({ wake: 'polling (1 s)', share: 0.5, r: await openLoop(svc.url, db, a.rate * 0.5) });
    console.log(`\n(d) open loop, ${SECONDS} s per rate: command commit → handler commit (relay wake-up = commit → relay pass)`);
    console.log(
      `    ${'relay wake-up'.padEnd(15)}${'offered'.padStart(14)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'wake p50'.padStart(11)}${'wake p99'.padStart(11)}`,
    );
    for (const { wake, share, r } of loads) {
      console.log(
        `    ${wake.padEnd(15)}${`${r.offered.toFixed(0)}/s (${share * 100} %)`.padStart(14)}${r.p50.toFixed(1).padStart(8)} ms${r.p99.toFixed(1).padStart(8)} ms${r.wake50
          .toFixed(1)
          .padStart(9)} ms${r.wake99.toFixed(1).padStart(9)} ms`,
      );
    }
    const [at10, at50, polled] = loads.map((l) => l.r);
    report([
      {
        bench: 'messaging',
        figure: 'backbone: full path at capacity',
        value: a.rate,
        unit: 'events/s',
        baseline: { name: floorName, value: floor, unit: '/s' },
        ratio: a.rate / floor,
        goal: '≥ 1,000/s and ≥ 0.50×',
        met: a.rate >= 1000 && a.rate / floor >= 0.5,
      },
      {
        bench: 'messaging',
        figure: 'of which the commands: HTTP → state + outbox row',
        value: a.commandRate,
        unit: 'commands/s',
        baseline: { name: floorName, value: floor, unit: '/s' },
        ratio: a.commandRate / floor,
        goal: '(shown)',
        met: null,
      },
      {
        bench: 'messaging',
        figure: 'backbone alone: outbox rows → relay → Kafka → inbox + handler',
        value: alone.rate,
        unit: 'events/s',
        baseline: { name: floorName, value: floor, unit: '/s' },
        ratio: alone.rate / floor,
        goal: '(shown)',
        met: null,
      },
      {
        bench: 'messaging',
        figure: `latency p99 at 10 % (${at10.offered.toFixed(0)}/s)`,
        value: at10.p99,
        unit: 'ms',
        baseline: { name: 'same rate, p50', value: at10.p50, unit: 'ms' },
        goal: '(shown)',
        met: null,
      },
      {
        bench: 'messaging',
        figure: `latency p99 at 50 % (${at50.offered.toFixed(0)}/s), relay woken`,
        value: at50.p99,
        unit: 'ms',
        baseline: { name: 'relay polling only, p99', value: polled.p99, unit: 'ms' },
        ratio: polled.p99 / at50.p99,
        goal: '≤ 50 ms',
        met: at50.p99 <= 50,
      },
      {
        bench: 'messaging',
        figure: 'relay wake-up p99 at 50 %, woken',
        value: at50.wake99,
        unit: 'ms',
        baseline: { name: 'polling only', value: polled.wake99, unit: 'ms' },
        ratio: polled.wake99 / Math.max(at50.wake99, 0.1),
        goal: '(shown)',
        met: null,
      },
    ]);
  } finally {
    await db.end();
    await svc?.stop();
    await env.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
