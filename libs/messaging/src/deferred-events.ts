import { EntityManager, DataSource } from 'typeorm';
import { InboundMessage } from './inbound-message';

export interface DeferredRow {
  seq: string;
  topic: string;
  partition: number;
  offset: string;
  messageKey: string;
  eventId: string;
  headers: Record<string, string>;
  value: string | null;
  reason: string;
  deferredAt: Date;
  attempts: number;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60000;

/**
 * The consumer's parking table (`<schema>.deferred_event`): events that came before their predecessor, and the
 * events of the same key and topic that queued behind them. Every change happens inside the consumer's transaction,
 * under the key's lock, so parking and the inbox never disagree (docs/adr/0008-per-case-order-by-deferral.md).
 */
export class DeferredEvents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly groupId: string,
  ) {}

  /** Whether an earlier event of this key on this topic is parked: the new one must queue behind it. */
  async isQueueOpen(m: EntityManager, topic: string, key: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM ${this.schema}.deferred_event WHERE consumer_group = $1 AND message_key = $2 AND topic = $3 LIMIT 1`, [
      this.groupId,
      key,
      topic,
    ]);
    return rows.length > 0;
  }

  /** Parks a message; a redelivery of a message already parked changes nothing. Returns false for such a copy. */
  async park(m: EntityManager, msg: InboundMessage, eventId: string, reason: string): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO ${this.schema}.deferred_event (consumer_group, topic, partition, "offset", message_key, event_id, headers, value, reason, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10::float / 1000))
       ON CONFLICT (consumer_group, event_id) DO NOTHING RETURNING seq`,
      [this.groupId, msg.topic, msg.partition, msg.offset, msg.key, eventId, JSON.stringify(msg.headers), msg.value, reason.slice(0, 2000), FIRST_RETRY_MS],
    );
    return rows.length > 0;
  }

  /** Still too early: try again later, with a backoff that doubles up to a minute. */
  async postpone(m: EntityManager, seq: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE ${this.schema}.deferred_event SET attempts = attempts + 1, reason = $2,
         next_attempt_at = now() + make_interval(secs => least($3::float, $4::float * power(2, attempts)) / 1000) WHERE seq = $1`,
      [seq, reason.slice(0, 2000), MAX_RETRY_MS, FIRST_RETRY_MS],
    );
  }

  async remove(m: EntityManager, seq: string): Promise<void> {
    await m.query(`DELETE FROM ${this.schema}.deferred_event WHERE seq = $1`, [seq]);
  }

  /** Re-reads one parked row (inside the key's lock); undefined when another pass already took it. */
  async reload(m: EntityManager, seq: string): Promise<DeferredRow | undefined> {
    const [r] = await m.query(`${SELECT_ROW} FROM ${this.schema}.deferred_event WHERE seq = $1`, [seq]);
    return r ? toRow(r) : undefined;
  }

  /** The parked rows of a key, oldest first. */
  async ofKey(key: string): Promise<DeferredRow[]> {
    const rows = await this.dataSource.query(`${SELECT_ROW} FROM ${this.schema}.deferred_event WHERE consumer_group = $1 AND message_key = $2 ORDER BY seq`, [
      this.groupId,
      key,
    ]);
    return rows.map(toRow);
  }

  /** Whether any of these keys has a parked event (inside the keys' locks). */
  async anyOfKeys(m: EntityManager, keys: string[]): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM ${this.schema}.deferred_event WHERE consumer_group = $1 AND message_key = ANY($2::text[]) LIMIT 1`, [
      this.groupId,
      keys,
    ]);
    return rows.length > 0;
  }

  async hasKey(key: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM ${this.schema}.deferred_event WHERE consumer_group = $1 AND message_key = $2 LIMIT 1`, [
      this.groupId,
      key,
    ]);
    return rows.length > 0;
  }

  /** Keys with a parked row due for another try. */
  async dueKeys(limit: number): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT message_key FROM ${this.schema}.deferred_event WHERE consumer_group = $1 AND next_attempt_at <= now() GROUP BY message_key ORDER BY min(next_attempt_at) LIMIT $2`,
      [this.groupId, limit],
    );
    return rows.map((r: { message_key: string }) => r.message_key);
  }

  /** Per topic: how many are parked, and how long the oldest has waited. */
  async summary(): Promise<{ topic: string; count: number; oldestSeconds: number }[]> {
    return this.dataSource.query(
      `SELECT topic, count(*)::int AS count, extract(epoch from now() - min(deferred_at))::float AS "oldestSeconds"
         FROM ${this.schema}.deferred_event WHERE consumer_group = $1 GROUP BY topic ORDER BY topic`,
      [this.groupId],
    );
  }
}

const SELECT_ROW = `SELECT seq, topic, partition, "offset", message_key, event_id, headers, value, reason, deferred_at, attempts`;

function toRow(r: Record<string, any>): DeferredRow {
  return {
    seq: r.seq,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    messageKey: r.message_key,
    eventId: r.event_id,
    headers: r.headers,
    value: r.value,
    reason: r.reason,
    deferredAt: new Date(r.deferred_at),
    attempts: r.attempts,
  };
}
