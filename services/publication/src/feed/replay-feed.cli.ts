// Operator command: re-publish the national feed with the original event ids.
//   node -r @swc-node/register services/publication/src/feed/replay-feed.cli.ts --from-sequence 120
//   node -r @swc-node/register services/publication/src/feed/replay-feed.cli.ts --from-date 2026-01-01
// Reads DATABASE_URL and KAFKA_BROKERS like the service.
import 'reflect-metadata';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { userInfo } from 'node:os';
import { createKafka } from '@filing/messaging';
import { databaseUrl } from '@filing/runtime';
import { replayFeed, ReplayFrom } from './commands/replay-feed/replay-feed.handler';
import { FeedRepository } from './infrastructure/feed.repository';

export function parseReplayArgs(argv: string[]): ReplayFrom {
  const usage = 'usage: replay-feed --from-sequence N | --from-date YYYY-MM-DD';
  const [flag, value, ...rest] = argv;
  if (rest.length || !value) throw new Error(usage);
  if (flag === '--from-sequence') {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--from-sequence must be a whole number ≥ 1, got "${value}"\n${usage}`);
    return { fromSequence: n };
  }
  if (flag === '--from-date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`--from-date must be YYYY-MM-DD, got "${value}"\n${usage}`);
    return { fromDate: value };
  }
  throw new Error(usage);
}

async function main(): Promise<void> {
  const from = parseReplayArgs(process.argv.slice(2));
  // One plain connection, as before: no migrations, and not the service's 30 s statement limit (a national replay
  // reads every event at once).
  const db = new DataSource({ type: 'postgres', url: databaseUrl(), extra: { max: 1 } });
  const producer = createKafka('publication-replay').producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await db.initialize();
  await producer.connect();
  try {
    // The operator's wall clock only stamps the replay record; no procedure time is involved.
    // Progress on stderr (stdout keeps the one JSON result line), at most once a second and at the end.
    const started = Date.now();
    let shown = 0;
    const progress = (sent: number, total: number) => {
      if (sent < total && Date.now() - shown < 1000) return;
      shown = Date.now();
      const s = (Date.now() - started) / 1000;
      process.stderr.write(
        `replayed ${sent} of ${total} events (${Math.floor((100 * sent) / total)} %) in ${s.toFixed(1)} s, ${Math.round(sent / Math.max(s, 0.001))}/s\n`,
      );
    };
    const result = await replayFeed(new FeedRepository(db), producer, from, `cli:${userInfo().username}`, new Date(), progress);
    process.stdout.write(`${JSON.stringify({ ...result, ids: undefined, idsReplayed: result.ids.length })}\n`);
  } finally {
    await producer.disconnect().catch(() => undefined);
    await db.destroy().catch(() => undefined);
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`replay-feed: ${err.message}\n`);
    process.exit(1);
  });
}
