import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { HealthRegistry, intEnv } from '@filing/runtime';
import { ConsumerWatchdog } from './consumer-watchdog';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { DeferredEvents } from './deferred-events';
import { EventContext } from './event.context';
import { EventProcessor } from './event-processor';
import { isBrokerUnavailable, isInfrastructureError } from './failure-kinds';
import { headersAsStrings } from './inbound-message';
import { KafkaProducerHolder } from './kafka-producer.holder';
import { setDeferredProbe } from './messaging.metrics';
import { MessagingOptions } from './messaging.options';

export interface EventConsumerDeps {
  kafka: Kafka;
  producerHolder: KafkaProducerHolder;
  dataSource: DataSource;
  health: HealthRegistry;
  options: MessagingOptions;
  /** Called when the consumer cannot go on (stuck, or crashed for a reason other than an outage); ends the process by default. */
  onFatal?: (err: Error) => void;
}

const MAX_BACKOFF_MS = 10000;

/**
 * The Kafka side of a hybrid service: a NestJS custom transport built on kafkajs. What happens to each message is
 * the EventProcessor's business; this class keeps the consumer running. The broker or the database being away is
 * waited out for as long as it takes (capped backoff; the process stays up and keeps serving HTTP). The process ends
 * only when the consumer is truly stuck (ConsumerWatchdog) or crashed KAFKA_CONSUMER_RESTARTS times in a row for
 * another reason: a wedged consumer behind a green health check is the worst outcome (docs/architecture.md §5.5).
 */
export class EventConsumerServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('EventConsumer');
  private consumer?: Consumer;
  private processor?: EventProcessor;
  private deferred?: DeferredEvents;
  private watchdog?: ConsumerWatchdog;
  private closed = false;
  private joined = false;
  private waitingFor?: string;
  private fatalError?: string;
  private restarts = 0;
  private deferTimer?: NodeJS.Timeout;

  constructor(private readonly deps: EventConsumerDeps) {
    super();
    deps.health.register('kafka-consumer', () => this.readiness(), { affectsReadiness: false });
    deps.health.registerLiveness('kafka-consumer', () => {
      const stuck = this.watchdog?.verdict();
      if (stuck) return { ok: false, detail: `stuck: ${stuck.topic}[${stuck.partition}] has ${stuck.lag} waiting, no progress for ${stuck.idleSeconds} s` };
      return this.fatalError ? { ok: false, detail: `crashed: ${this.fatalError}` } : { ok: true };
    });
  }

  private topics(): string[] {
    return [...this.messageHandlers.keys()];
  }

  /** Returns at once: HTTP starts whether or not the broker answers; the consumer joins when it can. */
  async listen(callback: (...args: unknown[]) => void): Promise<void> {
    const topics = this.topics();
    if (topics.length > 0) {
      const { dataSource, options, producerHolder } = this.deps;
      this.deferred = new DeferredEvents(dataSource, options.schema, options.groupId);
      this.watchdog = new ConsumerWatchdog({
        probe: producerHolder.probe,
        dataSource,
        groupId: options.groupId,
        topics,
        stuckAfterMs: intEnv('KAFKA_STUCK_AFTER_MS', 120000),
        onStuck: (p) =>
          this.fatal(new Error(`consumer stuck: ${p.topic}[${p.partition}] has ${p.lag} message(s) waiting and no progress for ${p.idleSeconds} s`)),
      });
      this.processor = new EventProcessor({
        dataSource,
        options,
        deadLetters: new DeadLetterPublisher(producerHolder, options.groupId),
        deferred: this.deferred,
        invoke: (topic, payload, ctx) => this.invoke(topic, payload, ctx),
        onProgress: (topic, partition) => this.watchdog?.progressed(topic, partition),
      });
      setDeferredProbe(() => this.deferred!.summary());
      this.watchdog.start();
      this.scheduleDeferredRetries();
      void this.start(topics);
    }
    callback();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.deferTimer);
    this.watchdog?.stop();
    await this.consumer?.disconnect().catch(() => undefined);
  }

  on(): void {
    // kafkajs events are wired in start().
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async readiness() {
    if (this.topics().length === 0) return { ok: true, detail: 'no subscriptions' };
    const deferred = (await this.deferred?.summary()) ?? [];
    const waiting = deferred.reduce((n, d) => n + d.count, 0);
    const note = waiting ? `${waiting} event(s) deferred, waiting for their predecessor` : undefined;
    if (!this.joined) return { ok: false, detail: [this.waitingFor ? `waiting: ${this.waitingFor}` : 'joining the group', note].filter(Boolean).join('; ') };
    return { ok: true, detail: note };
  }

  /** Connects, subscribes and runs; while the broker cannot be reached, tries again with a capped backoff. */
  private async start(topics: string[]): Promise<void> {
    const { kafka, options } = this.deps;
    for (let delay = 500; !this.closed; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      const consumer = kafka.consumer({
        groupId: options.groupId,
        allowAutoTopicCreation: false,
        sessionTimeout: 30000,
        heartbeatInterval: 3000,
        retry: {
          initialRetryTime: 300,
          maxRetryTime: MAX_BACKOFF_MS,
          retries: intEnv('KAFKA_CONSUMER_RETRIES', 8),
          restartOnFailure: async (err) => this.shouldRestart(err),
        },
      });
      this.wire(consumer);
      try {
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: true });
        // Partitions are handled side by side; within a partition strictly in order, up to KAFKA_BATCH_MAX messages
        // per transaction (EventProcessor.fromPartitionBatch).
        await consumer.run({
          autoCommit: true,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: intEnv('KAFKA_PARTITIONS_CONCURRENTLY', 3),
          eachBatch: (p) => this.eachBatch(p),
        });
        this.consumer = consumer;
        this.log.log(`consuming ${topics.join(', ')} as group ${options.groupId}`);
        return;
      } catch (err) {
        await consumer.disconnect().catch(() => undefined);
        if (!(isBrokerUnavailable(err) || isInfrastructureError(err)) && ++this.restarts > intEnv('KAFKA_CONSUMER_RESTARTS', 3)) {
          this.fatal(err as Error);
          return;
        }
        this.waitingFor = (err as Error).message;
        this.log.warn(`consumer cannot start yet (${(err as Error).message}); retrying in ${delay} ms`);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private wire(consumer: Consumer): void {
    const { GROUP_JOIN, CRASH, STOP } = consumer.events;
    consumer.on(GROUP_JOIN, ({ payload }) => {
      this.joined = true;
      this.waitingFor = undefined;
      this.restarts = 0;
      this.watchdog?.assigned(payload.memberAssignment);
    });
    consumer.on(STOP, () => {
      this.joined = false;
      this.watchdog?.assigned(undefined);
    });
    consumer.on(CRASH, ({ payload }) => {
      this.joined = false;
      this.watchdog?.assigned(undefined);
      if (payload.restart) {
        this.waitingFor = payload.error.message;
        this.log.warn(`consumer stopped (${payload.error.message}); kafkajs restarts it`);
        return;
      }
      this.fatal(payload.error);
    });
  }

  /** The broker or the database away: always restart. Anything else: a few times, then the process ends. */
  private shouldRestart(err: Error): boolean {
    if (this.closed) return false;
    if (isBrokerUnavailable(err) || isInfrastructureError(err)) return true;
    return ++this.restarts <= intEnv('KAFKA_CONSUMER_RESTARTS', 3);
  }

  private async eachBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const most = intEnv('KAFKA_BATCH_MAX', 100);
    for (let i = 0; i < batch.messages.length; i += most) {
      // A rebalance or a stop: what is left of the batch is read again by whoever owns the partition next.
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(i, i + most);
      await this.processor!.fromPartitionBatch(
        chunk.map((message) => inbound(topic, partition, message)),
        heartbeat,
      );
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private async invoke(topic: string, payload: object, ctx: EventContext): Promise<void> {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`no handler for ${topic}`);
    const result = await handler(payload, ctx);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  /** Deferred events are also tried on a timer: their predecessor may have reached another replica. */
  private scheduleDeferredRetries(): void {
    const every = intEnv('EVENT_DEFER_POLL_MS', 1000);
    const tick = async () => {
      try {
        for (const key of await this.deferred!.dueKeys(20)) await this.processor!.retryKey(key);
      } catch (err) {
        this.log.warn(`deferred events: ${(err as Error).message}`);
      }
      if (!this.closed) this.deferTimer = setTimeout(tick, every).unref();
    };
    this.deferTimer = setTimeout(tick, every).unref();
  }

  private fatal(err: Error): void {
    if (this.fatalError) return;
    this.fatalError = err.message;
    this.log.error(`consumer crashed for good: ${err.message}`);
    (this.deps.onFatal ?? defaultFatal)(err);
  }
}

function inbound(topic: string, partition: number, message: KafkaMessage) {
  const headers = headersAsStrings(message.headers as IHeaders);
  const key = message.key?.toString() ?? headers.ce_subject ?? '';
  return { topic, partition, offset: message.offset, key, headers, value: message.value?.toString() ?? null };
}

function defaultFatal(err: Error): void {
  process.stderr.write(`fatal: Kafka consumer stopped for good: ${err.message}\n`);
  setTimeout(() => process.exit(70), 100).unref();
}
