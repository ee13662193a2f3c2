import { randomUUID } from 'node:crypto';
import { Admin, Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DLT_SUFFIX, Headers } from '@filing/contracts';
import { headersAsStrings } from '../inbound-message';

/** One message parked in a dead-letter topic, as an operator reads it. */
export interface DeadLetter {
  dltTopic: string;
  partition: number;
  offset: string;
  key: string;
  /** When it was parked. */
  parkedAt: string;
  eventId?: string;
  type?: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  consumerGroup?: string;
  errorKind?: string;
  error?: string;
  attempts?: number;
  /** Too large to copy: the value must be read back from the original topic at originalPartition/originalOffset. */
  byReference: boolean;
  headers: Record<string, string>;
  value: string | null;
}

export interface RedriveResult {
  redriven: { from: string; to: string; eventId?: string }[];
}

const DLT_HEADER_PREFIX = 'dlt-';

/**
 * Reads dead-letter topics and re-sends their messages (the CLI `npm run dlt` and the admin endpoints share it).
 * A re-sent message goes to its original topic with its original key, value and CloudEvents headers — the same
 * `ce_id`, so a consumer that did handle it meanwhile changes nothing — plus a `dlt-redriven-from` header.
 */
export class DeadLetterStore {
  constructor(
    private readonly kafka: Kafka,
    private readonly producer: () => Promise<Producer>,
  ) {}

  /** Every message of the given DLTs (oldest first per partition), optionally of one consumer group. */
  async list(dltTopics: string[], filter: { consumerGroup?: string } = {}): Promise<DeadLetter[]> {
    const existing = new Set(await this.withAdmin((admin) => admin.listTopics()));
    const messages = await this.readAll(dltTopics.filter((t) => existing.has(t)));
    return messages
      .map(({ topic, partition, message }) => toDeadLetter(topic, partition, message))
      .filter((e) => !filter.consumerGroup || e.consumerGroup === filter.consumerGroup);
  }

  async show(dltTopic: string, partition: number, offset: string): Promise<DeadLetter | undefined> {
    const message = await this.readOne(dltTopic, partition, offset);
    return message ? toDeadLetter(dltTopic, partition, message) : undefined;
  }

  /** Re-sends the given entries to their original topics, in order. */
  async redrive(entries: DeadLetter[]): Promise<RedriveResult> {
    const redriven: RedriveResult['redriven'] = [];
    for (const e of entries) {
      let value = e.value;
      let headers = originalHeaders(e.headers);
      if (e.byReference) {
        const original = await this.readOne(e.originalTopic, e.originalPartition, e.originalOffset);
        if (!original)
          throw new Error(
            `${e.dltTopic}[${e.partition}]@${e.offset} is parked by reference, and ${e.originalTopic}[${e.originalPartition}]@${e.originalOffset} is no longer retained`,
          );
        value = original.value?.toString() ?? null;
        headers = headersAsStrings(original.headers as never);
      }
      const from = `${e.dltTopic}/${e.partition}/${e.offset}`;
      await (
        await this.producer()
      ).send({
        topic: e.originalTopic,
        acks: -1,
        messages: [{ key: e.key, value, headers: { ...headers, [Headers.redrivenFrom]: from } }],
      });
      redriven.push({ from, to: e.originalTopic, eventId: headers[Headers.id] });
    }
    return { redriven };
  }

  private async withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await fn(admin);
    } finally {
      await admin.disconnect();
    }
  }

  /** Reads topics from their start to the end they have now, with one throw-away consumer group; empty ones are skipped. */
  private async readAll(topics: string[]): Promise<{ topic: string; partition: number; message: KafkaMessage }[]> {
    const remaining = new Map<string, number>();
    await this.withAdmin(async (admin) => {
      for (const topic of topics) {
        for (const p of await admin.fetchTopicOffsets(topic)) if (Number(p.high) > Number(p.low)) remaining.set(`${topic}:${p.partition}`, Number(p.high) - 1);
      }
    });
    if (remaining.size === 0) return [];
    const nonEmpty = [...new Set([...remaining.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))))];
    const out: { topic: string; partition: number; message: KafkaMessage }[] = [];
    await this.consume(nonEmpty, (topic, partition, message, done) => {
      const key = `${topic}:${partition}`;
      const last = remaining.get(key);
      if (last === undefined || Number(message.offset) > last) return;
      out.push({ topic, partition, message });
      if (Number(message.offset) >= last) remaining.delete(key);
      if (remaining.size === 0) done();
    });
    return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || Number(a.message.offset) - Number(b.message.offset));
  }

  private async readOne(topic: string, partition: number, offset: string): Promise<KafkaMessage | undefined> {
    const end = (await this.withAdmin((admin) => admin.fetchTopicOffsets(topic))).find((p) => p.partition === partition);
    if (!end || Number(offset) < Number(end.low) || Number(offset) >= Number(end.high)) return undefined;
    let found: KafkaMessage | undefined;
    await this.consume(
      [topic],
      (_, p, message, done) => {
        if (p === partition && message.offset === offset) {
          found = message;
          done();
        }
      },
      (consumer) => consumer.seek({ topic, partition, offset }),
    );
    return found;
  }

  private async consume(
    topics: string[],
    onMessage: (topic: string, partition: number, message: KafkaMessage, done: () => void) => void,
    afterRun?: (consumer: Consumer) => void,
  ): Promise<void> {
    const groupId = `dlt-reader-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const timeout = setTimeout(finish, 60000);
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => onMessage(topic, partition, message, finish) });
      afterRun?.(consumer);
      await finished;
    } finally {
      clearTimeout(timeout);
      await consumer.disconnect().catch(() => undefined);
      await this.withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => undefined);
    }
  }
}

function toDeadLetter(dltTopic: string, partition: number, m: KafkaMessage): DeadLetter {
  const h = headersAsStrings(m.headers as never);
  return {
    dltTopic,
    partition,
    offset: m.offset,
    key: m.key?.toString() ?? '',
    parkedAt: new Date(Number(m.timestamp)).toISOString(),
    eventId: h[Headers.id],
    type: h[Headers.type],
    originalTopic: h[Headers.dltOriginalTopic] ?? dltTopic.slice(0, -DLT_SUFFIX.length),
    originalPartition: Number(h[Headers.dltOriginalPartition] ?? -1),
    originalOffset: h[Headers.dltOriginalOffset] ?? '',
    consumerGroup: h[Headers.dltConsumerGroup],
    errorKind: h[Headers.dltErrorKind],
    error: h[Headers.dltError],
    attempts: h[Headers.dltAttempts] !== undefined ? Number(h[Headers.dltAttempts]) : undefined,
    byReference: h[Headers.dltByReference] === 'true',
    headers: h,
    value: m.value?.toString() ?? null,
  };
}

/** The original's headers: the DLT's own (dlt-*) removed. */
function originalHeaders(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).filter(([k]) => !k.startsWith(DLT_HEADER_PREFIX)));
}
