// Benchmark of the messaging backbone (not a test: it prints figures, it asserts nothing).
//
//   npm run bench:messaging [-- --events 2000 --concurrency 16]
//
// On one broker and one database, in one run, it measures:
//   (a) the platform path: HTTP command → state row + outbox row in one transaction → relay → Kafka (acks=-1) →
//       consumer → inbox row + handler's PostgreSQL write in one transaction; events/s and end-to-end latency p50/p99
//       (from the command's commit to the handler's commit, both read from PostgreSQL's clock);
//   (b) raw kafkajs produce → consume, events/s (same acks, same message size);
//   (c) raw PostgreSQL single-row commits/s at the same concurrency;
// and prints the ratio of (a) to min(b, c): how much of the slower raw part the full path keeps.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Pool } from 'pg';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { startServiceProcess, waitFor } from '@filing/testing';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const broker = require('@filing/kafka-local');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshDatabase } = require('../tools/test/fresh-database');

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EVENTS = arg('events', 2000);
const CONCURRENCY = arg('concurrency', 16);
const SCHEMA = 'messaging_fixture';
const TOPIC = 'fixture.note.created.v1';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function inParallel(n: number, concurrency: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

async function platformPath(url: string, db: Pool) {
  const caseIds = Array.from({ length: EVENTS }, () => randomUUID());
  const started = Date.now();
  await inParallel(EVENTS, CONCURRENCY, async (i) => {
    const res = await fetch(`${url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: caseIds[i], text: 'x'.repeat(200) }),
    });
    if (res.status !== 201) throw new Error(`POST /notes answered ${res.status}`);
  });
  await waitFor('every event handled', async () => (await db.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.note_seen`)).rows[0].n >= EVENTS, 600000, 100);
  const elapsed = (Date.now() - started) / 1000;
  const { rows } = await db.query(
    `SELECT extract(epoch from s.at - n.at) * 1000 AS ms FROM ${SCHEMA}.note n JOIN ${SCHEMA}.note_seen s USING (event_id) ORDER BY 1`,
  );
  const lat = rows.map((r) => Number(r.ms));
  return { rate: EVENTS / elapsed, p50: pct(lat, 50), p99: pct(lat, 99) };
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
  await consumer.run({ eachMessage: async () => void (++received >= EVENTS && done()) });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const value = JSON.stringify({ caseId: randomUUID(), text: 'x'.repeat(200) });
  const started = Date.now();
  // The same concurrency as the platform path, one message per send, acks=-1.
  await inParallel(EVENTS, CONCURRENCY, async () => {
    await producer.send({ topic, acks: -1, messages: [{ key: randomUUID(), value }] });
  });
  await all;
  const elapsed = (Date.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return { rate: EVENTS / elapsed };
}

async function rawPostgres(db: Pool) {
  await db.query(`CREATE TABLE IF NOT EXISTS public.bench_row (id uuid PRIMARY KEY, body text NOT NULL)`);
  const started = Date.now();
  await inParallel(EVENTS, CONCURRENCY, async () => {
    await db.query(`INSERT INTO public.bench_row (id, body) VALUES ($1, $2)`, [randomUUID(), 'x'.repeat(200)]);
  });
  return { rate: EVENTS / ((Date.now() - started) / 1000) };
}

async function main() {
  const external = broker.brokersFromEnv();
  const port = Number(process.env.BENCH_KAFKA_PORT ?? 19300);
  const dataDir = path.resolve(__dirname, '..', '.local', `kafka-bench-${port}`);
  const k = external ? { brokers: external, startedNow: false } : await broker.start({ port, dataDir });
  const databaseUrl = await freshDatabase(process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'filing_bench');
  process.env.KAFKA_BROKERS = k.brokers.join(',');
  process.env.DATABASE_URL = databaseUrl;
  process.env.NODE_ENV = 'test';
  await broker.createTopics(
    k.brokers,
    [TOPIC, `${TOPIC}.dlt`, 'fixture.note.recorded.v1', 'fixture.note.recorded.v1.dlt', 'fixture.note.no-dlt.v1'].map((topic) => ({ topic, partitions: 3 })),
  );
  const fixture = await startServiceProcess({
    entry: 'libs/messaging/test/fixture/fixture.main.ts',
    name: 'bench-fixture',
    env: { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' },
  });
  const db = new Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  try {
    console.log(`messaging bench: ${EVENTS} events, concurrency ${CONCURRENCY}, Kafka ${k.brokers.join(',')}, 3 partitions, acks=-1`);
    const b = await rawKafka(k.brokers);
    const c = await rawPostgres(db);
    const a = await platformPath(fixture.url, db);
    const floor = Math.min(b.rate, c.rate);
    console.log('');
    console.log(
      `(a) outbox → Kafka → inbox → handler   ${a.rate.toFixed(0).padStart(7)} events/s   latency p50 ${a.p50.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms`,
    );
    console.log(`(b) raw kafkajs produce → consume     ${b.rate.toFixed(0).padStart(7)} events/s`);
    console.log(`(c) raw PostgreSQL single-row commits ${c.rate.toFixed(0).padStart(7)} commits/s`);
    console.log(`ratio (a) / min(b, c) = ${(a.rate / floor).toFixed(2)}   (baseline: ${b.rate <= c.rate ? '(b) Kafka' : '(c) PostgreSQL'})`);
  } finally {
    await db.end();
    await fixture.stop();
    if (k.startedNow) await broker.stop({ port, dataDir });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
