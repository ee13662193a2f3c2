import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { databaseSessionLimits, databaseUrl, HealthRegistry, intEnv } from '@filing/runtime';
import { isMessageRejected } from './failure-kinds';
import { KafkaProducerHolder } from './kafka-producer.holder';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { eventsPublished, outboxParked, outboxSendFailures, setOutboxProbe } from './messaging.metrics';
import { outboxChannel, OutboxWake } from './outbox.wake';

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: unknown;
}

/** A send to Kafka failed (not a database error): the producer is replaced before the next try. */
class RelaySendError extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
    this.name = 'RelaySendError';
  }
}

/** What one pass of the relay did. */
export interface RelayPass {
  sent: number;
  parked: number;
  /** Another process holds this schema's relay lock: nothing was read. */
  standby: boolean;
  /** More rows may be waiting: the pass was full. */
  more: boolean;
}

type RelayStatus = 'starting' | 'publishing' | 'standby' | 'retrying' | 'disabled';

const BATCH = 200;
/** Keeps one produce request well under the broker's message.max.bytes (one record batch per partition). */
const BATCH_BYTES = 512 * 1024;
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 10000;
/** Names the relay's advisory lock; the second half is the schema. */
const LOCK_NAMESPACE = 'filing-outbox-relay';

/**
 * Publishes outbox rows to Kafka in commit order, marking them sent only once Kafka acknowledged them on all in-sync
 * replicas (acks=-1). Each pass is one transaction on one connection that first takes the schema's advisory lock
 * (`pg_try_advisory_xact_lock`): exactly one relay publishes a schema at a time, so replicas and rolling updates
 * cannot publish one key's rows out of order. A row the broker refuses for good (too large, invalid) is parked with
 * its error: the rows behind it for the same key wait for an operator, every other key flows on. Any other failure
 * is recorded on the rows and the pass is retried with a capped backoff. Rows left behind by a process that died
 * between commit and publish are simply found on the next pass. docs/adr/0010-one-relay-per-schema-and-parked-rows.md.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly maxMessageBytes = intEnv('OUTBOX_MAX_MESSAGE_BYTES', 1_000_000);
  private listener?: Client;
  private running = false;
  /** Rows were committed since the current pass read: the next sleep returns at once. */
  private woken = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private status: { status: RelayStatus; detail?: string; since: Date } = { status: 'starting', since: new Date() };

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producerHolder: KafkaProducerHolder,
    health: HealthRegistry,
    private readonly outboxWake: OutboxWake,
  ) {
    health.register('outbox-relay', () => this.health(), { affectsReadiness: false });
    setOutboxProbe(() => this.counts());
  }

  async onApplicationBootstrap(): Promise<void> {
    // OUTBOX_RELAY=off runs a process without its relay (e.g. when the relay runs as its own deployment).
    if (process.env.OUTBOX_RELAY === 'off') {
      this.setStatus('disabled', 'OUTBOX_RELAY=off');
      this.logger.warn('outbox relay disabled (OUTBOX_RELAY=off)');
      return;
    }
    this.running = true;
    // OUTBOX_WAKE=poll skips the wake-ups (passes every second only): the messaging bench measures what they save.
    if (process.env.OUTBOX_WAKE !== 'poll') {
      // A commit in this process wakes this relay in memory while it is the schema's publisher (OutboxWake).
      this.outboxWake.attachRelay(() => {
        if (!this.running || this.status.status === 'standby') return false;
        this.wakeUp();
        return true;
      });
      void this.listen();
    }
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeUp();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Rows waiting, the age of the oldest, and rows parked for an operator. */
  async counts(): Promise<{ pending: number; lag: number; parked: number }> {
    const [r] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE parked_at IS NULL)::int AS pending, count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked,
              coalesce(extract(epoch from now() - min(created_at)), 0)::float AS lag
         FROM ${this.options.schema}.outbox WHERE sent_at IS NULL`,
    );
    return r;
  }

  private async health() {
    const { parked } = await this.counts();
    const parkedNote = parked ? `${parked} row(s) parked for an operator (GET /admin/outbox/parked)` : undefined;
    const detail = [this.status.status === 'publishing' ? undefined : `${this.status.status}${this.status.detail ? `: ${this.status.detail}` : ''}`, parkedNote]
      .filter(Boolean)
      .join('; ');
    const ok = (this.status.status === 'publishing' || this.status.status === 'standby' || this.status.status === 'disabled') && parked === 0;
    return { ok, detail: detail || undefined };
  }

  private setStatus(status: RelayStatus, detail?: string): void {
    if (this.status.status !== status || this.status.detail !== detail) this.status = { status, detail, since: new Date() };
  }

  /** LISTEN for commits of outbox rows, reconnecting after the database went away; polling covers the gaps. */
  private async listen(): Promise<void> {
    for (let delay = 1000; this.running; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      const client = new Client({ connectionString: databaseUrl(), ...databaseSessionLimits(), statement_timeout: 0 });
      try {
        const lost = new Promise<void>((resolve) => {
          client.on('error', (err) => {
            this.logger.warn(`outbox listener: ${err.message}`);
            resolve();
          });
          client.on('end', () => resolve());
        });
        await client.connect();
        client.on('notification', () => this.wakeUp());
        await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
        this.listener = client;
        delay = 1000;
        await lost;
      } catch (err) {
        this.logger.warn(`outbox listener cannot connect (${(err as Error).message}); polling every ${POLL_MS} ms meanwhile`);
      }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((r) => setTimeout(r, delay));
    }
  }

  private async run(): Promise<void> {
    let backoff = 500;
    while (this.running) {
      if (!this.producerHolder.isConnected) {
        this.setStatus('retrying', 'waiting for the producer to connect');
        await this.sleep(POLL_MS);
        continue;
      }
      try {
        this.woken = false;
        const pass = await this.relayBatch();
        backoff = 500;
        this.setStatus(pass.standby ? 'standby' : 'publishing', pass.standby ? 'another replica holds the relay lock for this schema' : undefined);
        if (pass.more) continue;
      } catch (err) {
        const message = (err as Error).message;
        this.setStatus('retrying', message);
        if (err instanceof RelaySendError) outboxSendFailures.inc();
        this.logger.warn(`outbox relay: ${message}; retrying in ${backoff} ms`);
        // A fresh producer after a failed send: see KafkaProducerHolder.
        if (err instanceof RelaySendError) await this.producerHolder.reset(message);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        continue;
      }
      await this.sleep(POLL_MS, true);
    }
  }

  /** A commit or a notification: a sleeping relay passes now, a relay in a pass passes again right after it. */
  private wakeUp(): void {
    this.woken = true;
    this.wake?.();
  }

  private sleep(ms: number, wakeOnNotify = false): Promise<void> {
    if (wakeOnNotify && this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      if (wakeOnNotify)
        this.wake = () => {
          this.woken = false;
          this.wake = undefined;
          clearTimeout(t);
          resolve();
        };
    });
  }

  /**
   * One pass, in one transaction on one connection: take the schema's relay lock, read the oldest unsent rows whose
   * key has no parked row, send them, mark them sent. Throws (after recording the attempt) when a send failed for a
   * reason other than the broker refusing a message.
   */
  async relayBatch(): Promise<RelayPass> {
    const s = this.options.schema;
    let failure: Error | undefined;
    const pass = await this.dataSource.transaction(async (m): Promise<RelayPass> => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked`, [LOCK_NAMESPACE, s]);
      if (!locked) return { sent: 0, parked: 0, standby: true, more: false };
      const rows: OutboxRow[] = await m.query(
        `SELECT seq, id, topic, key, headers, payload FROM ${s}.outbox o
          WHERE sent_at IS NULL AND parked_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM ${s}.outbox p WHERE p.key = o.key AND p.sent_at IS NULL AND p.parked_at IS NOT NULL)
          ORDER BY seq LIMIT ${BATCH}`,
      );
      const result: RelayPass = { sent: 0, parked: 0, standby: false, more: rows.length === BATCH };
      // Keys that must not move on in this pass: a row of theirs was parked, or did not fit in this batch.
      const held = new Set<string>();
      // A batch is atomic per partition only: the broker may take one topic's messages and refuse another's. So a key
      // goes out in one pass only as far as its rows stay on its first row's topic; a later row on another topic waits
      // for the next pass, so it can never reach Kafka ahead of an earlier row of its key that failed.
      const topicOfKey = new Map<string, string>();
      const batch: OutboxRow[] = [];
      let bytes = 0;
      for (const r of rows) {
        if (held.has(r.key)) continue;
        const first = topicOfKey.get(r.key);
        if (first !== undefined && first !== r.topic) {
          held.add(r.key);
          result.more = true;
          continue;
        }
        const size = messageBytes(r);
        if (size > this.maxMessageBytes) {
          await this.park(m, r, `message of ${size} bytes exceeds OUTBOX_MAX_MESSAGE_BYTES (${this.maxMessageBytes})`);
          held.add(r.key);
          result.parked++;
          continue;
        }
        if (batch.length > 0 && bytes + size > BATCH_BYTES) {
          held.add(r.key);
          result.more = true;
          continue;
        }
        batch.push(r);
        topicOfKey.set(r.key, r.topic);
        bytes += size;
      }
      if (batch.length === 0) return result;
      try {
        await this.send(batch);
        await this.markSent(m, batch);
        result.sent += batch.length;
        return result;
      } catch (err) {
        if (!isMessageRejected(err)) {
          await this.recordFailure(m, batch, err as Error);
          failure = err as Error;
          return result;
        }
      }
      // The broker refused something in the batch: send one row at a time, in order, to find it; the rest go out.
      // Only a row parked here stops its key's later rows in the batch: the keys held above (their next row is on
      // another topic) have their rows in the batch rightly, and skipping them would leave them unsent pass after pass.
      const stopped = new Set<string>();
      for (const [i, r] of batch.entries()) {
        if (stopped.has(r.key)) continue;
        try {
          await this.send([r]);
          await this.markSent(m, [r]);
          result.sent++;
        } catch (err) {
          if (!isMessageRejected(err)) {
            await this.recordFailure(m, batch.slice(i), err as Error);
            failure = err as Error;
            return result;
          }
          await this.park(m, r, (err as Error).message);
          stopped.add(r.key);
          result.parked++;
        }
      }
      return result;
    });
    if (failure) throw new RelaySendError(failure);
    return pass;
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, OutboxRow[]>();
    for (const r of rows) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
    await this.producerHolder.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, rs]) => ({
        topic,
        messages: rs.map((r) => ({ key: r.key, value: JSON.stringify(r.payload), headers: r.headers })),
      })),
    });
  }

  private async markSent(m: EntityManager, rows: OutboxRow[]): Promise<void> {
    await m.query(`UPDATE ${this.options.schema}.outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])`, [
      rows.map((r) => r.seq),
    ]);
    for (const r of rows) eventsPublished.inc({ topic: r.topic });
  }

  private async recordFailure(m: EntityManager, rows: OutboxRow[], err: Error): Promise<void> {
    await m.query(`UPDATE ${this.options.schema}.outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`, [
      rows.map((r) => r.seq),
      err.message.slice(0, 2000),
    ]);
  }

  private async park(m: EntityManager, r: OutboxRow, reason: string): Promise<void> {
    await m.query(`UPDATE ${this.options.schema}.outbox SET parked_at = now(), attempts = attempts + 1, last_error = $2 WHERE seq = $1`, [
      r.seq,
      reason.slice(0, 2000),
    ]);
    outboxParked.inc({ topic: r.topic });
    this.logger.error(`outbox row ${r.id} (${r.topic}, key ${r.key}) parked, the key's later rows wait: ${reason}`);
  }
}

/** Roughly what the message weighs on the wire: key, value and headers. */
function messageBytes(r: OutboxRow): number {
  let n = Buffer.byteLength(r.key) + Buffer.byteLength(JSON.stringify(r.payload)) + 70;
  for (const [k, v] of Object.entries(r.headers)) n += Buffer.byteLength(k) + Buffer.byteLength(v) + 2;
  return n;
}
