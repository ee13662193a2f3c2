import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders, Kafka, KafkaMessage, logLevel, Partitioners } from 'kafkajs';
import { instanceToPlain } from 'class-transformer';
import { EventDefinition, EventMetadata, sourceOf, toKafkaHeaders } from '@filing/contracts';

export function testKafka(): Kafka {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  return new Kafka({ clientId: `test-${process.pid}`, brokers, logLevel: logLevel.NOTHING });
}

/** Creates test-only topics (3 partitions) and waits until every partition has a leader. */
export async function ensureTopics(kafka: Kafka, topics: string[]): Promise<void> {
  // The same routine the platform's topic initialisation uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createTopics } = require('@filing/kafka-local');
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  await createTopics(
    brokers,
    topics.map((topic) => ({ topic, partitions: 3 })),
  );
}

/**
 * Produces a contract event onto its real topic as another service would (used where that service is not the one
 * under test): by default with that producer's `ce_source` (the province's review instance for review's events),
 * which consumers check against the catalogue. Returns its metadata.
 */
export async function produceEvent<P extends object>(
  kafka: Kafka,
  def: EventDefinition<P>,
  payload: P,
  meta: Partial<EventMetadata> = {},
): Promise<EventMetadata> {
  const key = def.keyOf(payload);
  const full: EventMetadata = {
    id: meta.id ?? randomUUID(),
    type: meta.type ?? def.type,
    source: meta.source ?? sourceOf(def.producer),
    time: meta.time ?? new Date().toISOString(),
    subject: meta.subject ?? key,
    correlationId: meta.correlationId ?? randomUUID(),
    causationId: meta.causationId,
  };
  await produceRaw(kafka, def.topic, key, JSON.stringify(instanceToPlain(payload)), toKafkaHeaders(full));
  return full;
}

export async function produceRaw(kafka: Kafka, topic: string, key: string, value: string, headers: IHeaders): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
  } finally {
    await producer.disconnect();
  }
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

function decode(topic: string, partition: number, m: KafkaMessage): ReceivedMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) if (v !== undefined) headers[k] = (Array.isArray(v) ? v[0] : v).toString();
  return { topic, partition, key: m.key?.toString() ?? '', value: m.value?.toString() ?? '', headers };
}

/** Reads a topic from the beginning with a throw-away consumer group and collects every message. */
export class TopicRecorder {
  readonly messages: ReceivedMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `test-recorder-${randomUUID()}`, allowAutoTopicCreation: false });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({ eachMessage: async ({ topic, partition, message }) => void this.messages.push(decode(topic, partition, message)) });
    return this;
  }

  find(pred: (m: ReceivedMessage) => boolean): ReceivedMessage[] {
    return this.messages.filter(pred);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
