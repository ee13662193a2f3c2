// `npm run dlt -- list|show|redrive`: the operator's view of the dead-letter topics (KAFKA_BROKERS).
//   list    [--topic <original topic>] [--group <consumer group>] [--json]
//   show    <dlt topic> <partition> <offset>
//   redrive <dlt topic> <partition> <offset>
//   redrive --topic <original topic> --all [--group <consumer group>]
// A re-sent message keeps its ce_id, so a consumer that handled it meanwhile changes nothing.
import 'reflect-metadata';
import { Partitioners, Producer } from 'kafkajs';
import { ALL_EVENTS, dltOf } from '@filing/contracts';
import { createKafka } from '../kafka.client';
import { DeadLetter, DeadLetterStore } from './dead-letter.store';

const USAGE = `usage:
  npm run dlt -- list [--topic <original topic>] [--group <consumer group>] [--json]
  npm run dlt -- show <dlt topic> <partition> <offset>
  npm run dlt -- redrive <dlt topic> <partition> <offset>
  npm run dlt -- redrive --topic <original topic> --all [--group <consumer group>]`;

class UsageError extends Error {}

function parse(argv: string[]): { cmd: string; positional: string[]; flags: Record<string, string | true> } {
  const [cmd = '', ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--all' || a === '--json') flags[a.slice(2)] = true;
    else if (a === '--topic' || a === '--group') {
      const v = rest[++i];
      if (!v) throw new UsageError(`${a} needs a value`);
      flags[a.slice(2)] = v;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  return { cmd, positional, flags };
}

/** One original topic, or every topic of the catalogue. */
function originalTopics(topic?: string): string[] {
  if (topic?.endsWith('.dlt')) throw new UsageError(`--topic takes the original topic, not ${topic}`);
  return topic === undefined ? ALL_EVENTS.map((e) => e.topic) : [topic];
}

function position(positional: string[]): [string, number, string] {
  const [topic, partition, offset] = positional;
  if (!topic?.endsWith('.dlt') || !/^\d+$/.test(partition ?? '') || !/^\d+$/.test(offset ?? ''))
    throw new UsageError('expected <dlt topic> <partition> <offset>');
  return [topic, Number(partition), offset];
}

function line(e: DeadLetter): string {
  const error = (e.error ?? '').replace(/\s+/g, ' ');
  return [
    `${e.dltTopic}[${e.partition}]@${e.offset}`,
    e.parkedAt,
    e.consumerGroup ?? '-',
    e.errorKind ?? '-',
    `ce_id=${e.eventId ?? '-'}`,
    `key=${e.key}`,
    e.byReference ? '(by reference)' : '',
    error.length > 160 ? `${error.slice(0, 157)}...` : error,
  ]
    .filter(Boolean)
    .join('  ');
}

async function main(): Promise<void> {
  const { cmd, positional, flags } = parse(process.argv.slice(2));
  const kafka = createKafka('dlt-cli');
  let producer: Producer | undefined;
  const store = new DeadLetterStore(kafka, async () => {
    if (!producer) throw new Error('producer not connected');
    return producer;
  });
  const group = typeof flags.group === 'string' ? flags.group : undefined;
  switch (cmd) {
    case 'list': {
      const entries = await store.list(originalTopics(flags.topic as string | undefined).map(dltOf), { consumerGroup: group });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      for (const e of entries) process.stdout.write(`${line(e)}\n`);
      const perTopic = new Map<string, number>();
      for (const e of entries) perTopic.set(e.dltTopic, (perTopic.get(e.dltTopic) ?? 0) + 1);
      for (const [topic, n] of perTopic) process.stdout.write(`  ${topic}: ${n}\n`);
      process.stdout.write(`${entries.length} dead-lettered message(s)\n`);
      return;
    }
    case 'show': {
      const entry = await store.show(...position(positional));
      if (!entry) throw new UsageError(`no message at ${positional.join(' ')}`);
      process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
      return;
    }
    case 'redrive': {
      let entries: DeadLetter[];
      if (flags.all) {
        if (typeof flags.topic !== 'string' || positional.length) throw new UsageError('redrive --all needs --topic <original topic> and no position');
        entries = await store.list([dltOf(originalTopics(flags.topic)[0])], { consumerGroup: group });
      } else {
        const entry = await store.show(...position(positional));
        if (!entry) throw new UsageError(`no message at ${positional.join(' ')}`);
        entries = [entry];
      }
      producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      try {
        const { redriven } = await store.redrive(entries);
        for (const r of redriven) process.stdout.write(`re-sent ${r.from} → ${r.to} (ce_id ${r.eventId ?? '-'})\n`);
        process.stdout.write(`${redriven.length} message(s) re-sent\n`);
      } finally {
        await producer.disconnect();
      }
      return;
    }
    default:
      throw new UsageError(cmd ? `unknown command ${cmd}` : 'no command');
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(err instanceof UsageError ? `${err.message}\n${USAGE}\n` : `dlt: ${(err as Error).message}\n`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
