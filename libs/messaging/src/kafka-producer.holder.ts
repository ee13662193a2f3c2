import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Partitioners, Producer } from 'kafkajs';
import { HealthRegistry } from '@filing/runtime';
import { BrokerProbe } from './broker-probe';
import { createKafka } from './kafka.client';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/**
 * The process's one producer (acks=-1, one request in flight, no topic auto-creation), shared by the relay and the DLT.
 * It connects in the background, so a service starts and serves HTTP while the broker is away. Not kafkajs'
 * idempotent mode: after the broker refused one partition of a multi-partition batch (MESSAGE_TOO_LARGE), its sequence
 * numbers no longer matched the broker's and every later send failed with OUT_OF_ORDER_SEQUENCE_NUMBER, rows were
 * written twice, and the relay stalled (kafkajs 2.2.4, cf. kafkajs#598). One request in flight keeps a key's order
 * through retries; a row sent twice (a retry after a lost answer) is what consumers' inboxes dedupe by `ce_id` anyway.
 * After a failed send the relay still asks for a fresh producer (`reset`).
 */
@Injectable()
export class KafkaProducerHolder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('KafkaProducer');
  readonly probe: BrokerProbe;
  private current: Producer;
  private connected = false;
  private stopped = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    health: HealthRegistry,
  ) {
    this.probe = new BrokerProbe(options.groupId);
    this.current = this.create();
    health.register(
      'kafka-producer',
      async () => {
        const broker = await this.probe.check();
        if (!broker.reachable) return { ok: false, detail: `${broker.detail} (since ${broker.since.toISOString()})` };
        return this.connected ? { ok: true } : { ok: false, detail: 'connecting' };
      },
      { affectsReadiness: false },
    );
  }

  get producer(): Producer {
    return this.current;
  }

  /** Whether the current producer has connected (which says nothing about the broker now: see BrokerProbe). */
  get isConnected(): boolean {
    return this.connected;
  }

  /**
   * The current producer once it has connected, so nothing sends before the connection is complete (kafkajs' broker
   * lock is taken only once connected; a send racing the connection failed with "Cannot read properties of undefined
   * (reading 'release')").
   */
  async connectedProducer(timeoutMs = 30000): Promise<Producer> {
    const deadline = Date.now() + timeoutMs;
    while (!this.connected) {
      if (this.stopped) throw new Error('Kafka producer stopped');
      if (Date.now() > deadline) throw new Error(`Kafka producer is disconnected (not connected after ${timeoutMs} ms)`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return this.current;
  }

  onModuleInit(): void {
    void this.connect(this.current);
  }

  /** Replaces a connected producer with a fresh one (new producer id), connecting in the background. */
  async reset(reason: string): Promise<void> {
    // One still connecting is fresh already; replacing it would only restart its connection.
    if (!this.connected) return;
    const old = this.current;
    this.current = this.create();
    this.connected = false;
    this.logger.warn(`producer replaced after: ${reason}`);
    await old.disconnect().catch(() => undefined);
    void this.connect(this.current);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.current.disconnect().catch(() => undefined);
    await this.probe.close();
  }

  private create(): Producer {
    const producer = createKafka(this.options.groupId).producer({
      idempotent: false,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Bounded, so a send during an outage fails within seconds and the relay's own backoff takes over (the relay
      // holds its claiming transaction while it sends).
      retry: { initialRetryTime: 300, maxRetryTime: 3000, retries: 3 },
      // Murmur2 on the key, as the Java client does: one case's events land on one partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    producer.on(producer.events.CONNECT, () => {
      if (producer === this.current) this.connected = true;
    });
    producer.on(producer.events.DISCONNECT, () => {
      if (producer === this.current) this.connected = false;
    });
    return producer;
  }

  /** Connects with a capped backoff until it succeeds, the producer is replaced, or the process stops. */
  private async connect(producer: Producer): Promise<void> {
    for (let delay = 500; !this.stopped && producer === this.current; delay = Math.min(delay * 2, 10000)) {
      try {
        await producer.connect();
        this.logger.log('producer connected');
        return;
      } catch (err) {
        this.logger.warn(`producer cannot connect yet (${(err as Error).message}); retrying in ${delay} ms`);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
}
