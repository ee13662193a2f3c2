import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { databaseUrl, HealthRegistry } from '@filing/runtime';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { eventsPublished, setOutboxProbe } from './messaging.metrics';
import { outboxChannel } from './outbox.writer';
import { KafkaProducerHolder } from './kafka-producer.holder';

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: unknown;
}

const BATCH = 200;
const POLL_MS = 1000;

/**
 * Publishes outbox rows to Kafka in commit order. Rows are claimed with FOR UPDATE SKIP LOCKED, so several replicas
 * can relay side by side; a row is marked sent only after Kafka acknowledged it on all in-sync replicas (acks=-1).
 * Rows left behind by a process that died between commit and publish are simply found on the next pass.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private listener?: Client;
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private lastError?: string;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producerHolder: KafkaProducerHolder,
    health: HealthRegistry,
  ) {
    health.register('outbox-relay', () =>
      process.env.OUTBOX_RELAY === 'off' ? { ok: true, detail: 'disabled' } : { ok: this.running && !this.lastError, detail: this.lastError },
    );
    setOutboxProbe(async () => {
      const [r] = await this.dataSource.query(
        `SELECT count(*)::int AS pending, coalesce(extract(epoch from now() - min(created_at)), 0)::float AS lag FROM ${this.options.schema}.outbox WHERE sent_at IS NULL`,
      );
      return { pending: r.pending, lag: r.lag };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // OUTBOX_RELAY=off runs a process without its relay (e.g. when the relay runs as its own deployment).
    if (process.env.OUTBOX_RELAY === 'off') {
      this.logger.warn('outbox relay disabled (OUTBOX_RELAY=off)');
      return;
    }
    this.running = true;
    this.listener = new Client({ connectionString: databaseUrl() });
    this.listener.on('error', (err) => this.logger.warn(`outbox listener: ${err.message}`));
    await this.listener.connect();
    this.listener.on('notification', () => this.wake?.());
    await this.listener.query(`LISTEN ${outboxChannel(this.options.schema)}`);
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  private async run(): Promise<void> {
    let backoff = 200;
    while (this.running) {
      try {
        const sent = await this.relayBatch(this.producerHolder.producer);
        this.lastError = undefined;
        backoff = 200;
        if (sent === BATCH) continue;
      } catch (err) {
        this.lastError = (err as Error).message;
        this.logger.warn(`outbox relay: ${this.lastError}; retrying in ${backoff} ms`);
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 10000);
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, POLL_MS);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  /** Publishes one batch; returns how many rows were sent. */
  async relayBatch(producer: Producer): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, id, topic, key, headers, payload FROM ${this.options.schema}.outbox
          WHERE sent_at IS NULL ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, OutboxRow[]>();
      for (const r of rows) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
      try {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, rs]) => ({
            topic,
            messages: rs.map((r) => ({ key: r.key, value: JSON.stringify(r.payload), headers: r.headers })),
          })),
        });
      } catch (err) {
        await this.dataSource.query(`UPDATE ${this.options.schema}.outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`, [
          rows.map((r) => r.seq),
          (err as Error).message,
        ]);
        throw err;
      }
      await manager.query(`UPDATE ${this.options.schema}.outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      for (const r of rows) eventsPublished.inc({ topic: r.topic });
      return rows.length;
    });
  }
}
