import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from '@filing/testing';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const broker = require('@filing/kafka-local');

const ROOT = path.resolve(__dirname, '..', '..');

export interface PrivateBroker {
  brokers: string[];
  stop(): Promise<void>;
}

/**
 * A Kafka broker of the spec's own on free ports, with the catalogue's topics; `stop` stops and removes it. For a
 * spec that counts everything its services hold (省级监管): on the run's shared broker, their consumer groups would
 * first take the events earlier specs left unconsumed.
 */
export async function startPrivateBroker(): Promise<PrivateBroker> {
  const port = await freePort();
  const settings = { port, controllerPort: await freePort(), dataDir: path.join(ROOT, '.local', `private-kafka-${port}`) };
  const started = await broker.start(settings);
  await broker.createTopics(started.brokers, broker.catalogueTopics());
  return {
    brokers: started.brokers,
    async stop() {
      await broker.stop(settings).catch(() => undefined);
      fs.rmSync(settings.dataDir, { recursive: true, force: true });
    },
  };
}
