import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachMessagePayload, IHeaders, Kafka, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { dltOf, EventMetadata, fromKafkaHeaders, Headers, parsePayload, PayloadInvalidError } from '@filing/contracts';
import { HealthRegistry, intEnv, runWithCorrelation } from '@filing/runtime';
import { EventContext, UnprocessableEventError } from './event.context';
import { deadLetters, eventsConsumed, handlerRetries, handlerSeconds } from './messaging.metrics';
import { MessagingOptions } from './messaging.options';
import { consumedDefinition } from './on-event.decorator';

type DeadLetterReason = 'invalid-envelope' | 'invalid-payload' | 'unprocessable' | 'handler-failed';

/** Errors that mean "our infrastructure is down", not "this message is bad": never dead-letter on these. */
export function isInfrastructureError(err: unknown): boolean {
  const e = err as { code?: string; message?: string; name?: string };
  if (typeof e?.code === 'string' && (e.code.startsWith('08') || ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(e.code))) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e?.message ?? '');
}

export interface EventConsumerDeps {
  kafka: Kafka;
  producer: Producer;
  dataSource: DataSource;
  health: HealthRegistry;
  options: MessagingOptions;
  /** Called when the consumer has crashed for good; the default ends the process. */
  onFatal?: (err: Error) => void;
}

/**
 * The Kafka side of a hybrid service: a NestJS custom transport built on kafkajs. Per message: CloudEvents headers
 * and the payload are validated before any handler; the inbox row (consumer group + ce_id) and the handler's effect
 * share one transaction, so a redelivery changes nothing; a failing handler is retried with backoff a bounded number
 * of times, then the message goes to `<topic>.dlt` with the error in its headers and the partition moves on.
 */
export class EventConsumerServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('EventConsumer');
  private consumer?: Consumer;
  private running = false;
  private crashError?: string;
  private restarts = 0;

  constructor(private readonly deps: EventConsumerDeps) {
    super();
    deps.health.register('kafka-consumer', () => {
      if (this.crashError) return { ok: false, detail: `crashed: ${this.crashError}` };
      if (this.topics().length === 0) return { ok: true, detail: 'no subscriptions' };
      return { ok: this.running, detail: this.running ? undefined : 'not running' };
    });
  }

  private topics(): string[] {
    return [...this.messageHandlers.keys()];
  }

  async listen(callback: (...args: unknown[]) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (err) {
      callback(err);
    }
  }

  private async start(): Promise<void> {
    const topics = this.topics();
    if (topics.length === 0) return;
    const { kafka, options } = this.deps;
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      retry: {
        retries: intEnv('KAFKA_CONSUMER_RETRIES', 8),
        // A few restarts ride out a broker blip; past that the process ends so the orchestrator restarts it.
        restartOnFailure: async () => ++this.restarts <= intEnv('KAFKA_CONSUMER_RESTARTS', 3),
      },
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.running = true;
      this.restarts = 0;
    });
    this.consumer.on(this.consumer.events.STOP, () => (this.running = false));
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.running = false;
      if (payload.restart) {
        this.log.warn(`consumer crashed, restarting: ${payload.error.message}`);
        return;
      }
      this.crashError = payload.error.message;
      this.log.error(`consumer crashed for good: ${payload.error.message}`);
      (this.deps.onFatal ?? defaultFatal)(payload.error);
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    // Partitions are handled side by side; within a partition (one case's events) strictly in order.
    await this.consumer.run({ autoCommit: true, partitionsConsumedConcurrently: intEnv('KAFKA_PARTITIONS_CONCURRENTLY', 3), eachMessage: (p) => this.handle(p) });
    this.log.log(`consuming ${topics.join(', ')} as group ${options.groupId}`);
  }

  async close(): Promise<void> {
    this.running = false;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  on(): void {
    // kafkajs events are wired in start().
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const def = consumedDefinition(topic);
    const handler = this.getHandlerByPattern(topic);
    if (!def || !handler) throw new Error(`no handler for ${topic}`);
    const offset = message.offset;

    let meta: EventMetadata;
    try {
      meta = fromKafkaHeaders(message.headers as IHeaders as Record<string, Buffer>);
      if (meta.type !== def.type) throw new Error(`ce_type ${meta.type} does not belong on ${topic} (expected ${def.type})`);
    } catch (err) {
      return this.deadLetter(topic, partition, message, 'invalid-envelope', err as Error, 0);
    }

    let payload: object;
    try {
      payload = parsePayload(def.payload, JSON.parse(message.value?.toString() ?? 'null'));
    } catch (err) {
      const e = err instanceof PayloadInvalidError ? err : new Error(`payload is not valid JSON: ${(err as Error).message}`);
      return this.deadLetter(topic, partition, message, 'invalid-payload', e, 0);
    }

    const { maxAttempts, retryBackoffMs, groupId } = this.deps.options;
    for (let attempt = 1; ; attempt++) {
      const timer = handlerSeconds.startTimer({ topic });
      try {
        const outcome = await runWithCorrelation({ correlationId: meta.correlationId, causationId: meta.id }, () =>
          this.deps.dataSource.transaction(async (manager) => {
            const inserted = await manager.query(
              `INSERT INTO ${this.deps.options.schema}.inbox (consumer_group, event_id, topic, partition, "offset")
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING event_id`,
              [groupId, meta.id, topic, partition, offset],
            );
            if (inserted.length === 0) return 'duplicate' as const;
            const result = await handler(payload, new EventContext(manager, meta, topic, partition, offset));
            await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
            return 'handled' as const;
          }),
        );
        timer();
        eventsConsumed.inc({ topic, outcome });
        return;
      } catch (err) {
        timer();
        if (isInfrastructureError(err)) throw err; // not the message's fault: let kafkajs retry, then crash
        const unprocessable = err instanceof UnprocessableEventError;
        if (unprocessable || attempt >= maxAttempts) {
          return this.deadLetter(topic, partition, message, unprocessable ? 'unprocessable' : 'handler-failed', err as Error, attempt);
        }
        handlerRetries.inc({ topic });
        this.log.warn(`${topic} ${meta.id}: attempt ${attempt}/${maxAttempts} failed: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, retryBackoffMs * 2 ** (attempt - 1)));
        await heartbeat();
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    reason: DeadLetterReason,
    err: Error,
    attempts: number,
  ): Promise<void> {
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      [Headers.dltError]: err.message.slice(0, 4000),
      [Headers.dltErrorKind]: reason,
      [Headers.dltOriginalTopic]: topic,
      [Headers.dltOriginalPartition]: String(partition),
      [Headers.dltOriginalOffset]: message.offset,
      [Headers.dltAttempts]: String(attempts),
      [Headers.dltConsumerGroup]: this.deps.options.groupId,
    };
    // If the DLT itself cannot be written, this throws: the offset is not committed and the consumer eventually
    // crashes, rather than dropping the message.
    await this.deps.producer.send({ topic: dltOf(topic), acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    deadLetters.inc({ topic, reason });
    eventsConsumed.inc({ topic, outcome: 'dead-lettered' });
    this.log.error(`${topic}[${partition}]@${message.offset} dead-lettered (${reason}): ${err.message}`);
  }
}

function defaultFatal(err: Error): void {
  // A wedged consumer behind a green health check is the worst outcome (architecture §5.5).
  process.stderr.write(`fatal: Kafka consumer stopped for good: ${err.message}\n`);
  setTimeout(() => process.exit(70), 100).unref();
}
