// The real parts a benchmark runs on: a Kafka broker (KAFKA_BROKERS, or one started on BENCH_KAFKA_PORT and stopped
// again afterwards) with the contracts' topics, and a fresh PostgreSQL database per benchmark.
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const broker = require('@filing/kafka-local');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshDatabase } = require('../../tools/test/fresh-database');

export const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchEnvironment {
  brokers: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function benchEnvironment(name: string, opts: { catalogue?: boolean } = {}): Promise<BenchEnvironment> {
  const external = broker.brokersFromEnv();
  const port = Number(process.env.BENCH_KAFKA_PORT ?? 19300);
  const dataDir = path.resolve(__dirname, '..', '..', '.local', `kafka-bench-${port}`);
  const k = external ? { brokers: external, startedNow: false } : await broker.start({ port, dataDir });
  const databaseUrl = await freshDatabase(ADMIN_URL, `${process.env.BENCH_DATABASE_PREFIX ?? 'filing_bench'}_${name}`);
  if (opts.catalogue) await broker.createTopics(k.brokers, broker.catalogueTopics());
  Object.assign(process.env, { KAFKA_BROKERS: k.brokers.join(','), DATABASE_URL: databaseUrl, NODE_ENV: 'test', AUTH_DEV_MODE: 'true' });
  return {
    brokers: k.brokers,
    databaseUrl,
    stop: async () => {
      if (k.startedNow) await broker.stop({ port, dataDir });
    },
  };
}

export { broker };
