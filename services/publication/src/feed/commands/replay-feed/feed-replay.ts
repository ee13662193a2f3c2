import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { Events } from '@filing/contracts';
import { SCHEMA } from '../../../infrastructure/database';

/** Runs SQL and returns the rows: the service's DataSource and the CLI's pg client both fit. */
export type QueryRows = (sql: string, params: unknown[]) => Promise<any[]>;

export type ReplayFrom = { fromSequence: number; fromDate?: undefined } | { fromDate: string; fromSequence?: undefined };

export interface ReplayResult {
  replayId: string;
  events: number;
  firstSequence: number | null;
  lastSequence: number | null;
  ids: string[];
}

// 500 messages of ~1 KB per produce request (~170 KB per partition, well under message.max.bytes): fewer round trips.
const CHUNK = 500;
const NATIONAL_TOPICS = [Events.filingIssued.topic, Events.filingStatusChanged.topic];

/**
 * Re-publishes national feed events straight to Kafka from the stored copy of what the outbox first sent: the
 * same ce_id (= filingId, or changeId for a status change), type, time, subject and payload, plus a `replayed-at` header. Not through the outbox,
 * whose id column is unique and already holds these ids. Replay is at-least-once (a failure part-way leaves the rest
 * unsent; run it again); consumers dedupe on ce_id, so repeats are harmless.
 */
export async function replayFeed(
  query: QueryRows,
  producer: Producer,
  from: ReplayFrom,
  requestedBy: string,
  now: Date,
  /** Called after each chunk the broker acknowledged: a national replay of 100,000 events shows how far it is. */
  onProgress?: (sent: number, total: number) => void,
): Promise<ReplayResult> {
  // The national feed: filing notices and register status changes in one sequence (the national_feed view).
  const rows: { id: string; sequence: string; topic: string; key: string; headers: Record<string, string>; payload: unknown }[] =
    from.fromSequence !== undefined
      ? await query(`SELECT id, sequence, topic, key, headers, payload FROM ${SCHEMA}.national_feed WHERE sequence >= $1 ORDER BY sequence`, [
          from.fromSequence,
        ])
      : await query(`SELECT id, sequence, topic, key, headers, payload FROM ${SCHEMA}.national_feed WHERE feed_date >= $1 ORDER BY sequence`, [from.fromDate]);
  const topics = new Set<string>(NATIONAL_TOPICS);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...topics]
        .map((topic) => ({
          topic,
          messages: chunk
            .filter((r) => r.topic === topic)
            .map((r) => ({ key: r.key, value: JSON.stringify(r.payload), headers: { ...r.headers, 'replayed-at': now.toISOString() } })),
        }))
        .filter((t) => t.messages.length > 0),
    });
    onProgress?.(i + chunk.length, rows.length);
  }
  const replayId = randomUUID();
  await query(`INSERT INTO ${SCHEMA}.feed_replay (id, from_sequence, from_date, events, requested_by, replayed_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    replayId,
    from.fromSequence ?? null,
    from.fromDate ?? null,
    rows.length,
    requestedBy,
    now,
  ]);
  return {
    replayId,
    events: rows.length,
    firstSequence: rows.length ? Number(rows[0].sequence) : null,
    lastSequence: rows.length ? Number(rows[rows.length - 1].sequence) : null,
    ids: rows.map((r) => r.id),
  };
}
