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

const CHUNK = 200;

/**
 * Re-publishes national feed events straight to Kafka from the stored copy of what the outbox first sent: the
 * same ce_id (= filingId), type, time, subject and payload, plus a `replayed-at` header. Not through the outbox,
 * whose id column is unique and already holds these ids. Replay is at-least-once (a failure part-way leaves the rest
 * unsent; run it again); consumers dedupe on ce_id, so repeats are harmless.
 */
export async function replayFeed(query: QueryRows, producer: Producer, from: ReplayFrom, requestedBy: string, now: Date): Promise<ReplayResult> {
  const rows: { id: string; sequence: string; caseId: string; headers: Record<string, string>; payload: unknown }[] =
    from.fromSequence !== undefined
      ? await query(
          `SELECT id, feed_sequence AS sequence, case_id AS "caseId", event_headers AS headers, event_payload AS payload FROM ${SCHEMA}.filing
            WHERE feed_sequence >= $1 ORDER BY feed_sequence`,
          [from.fromSequence],
        )
      : await query(
          `SELECT id, feed_sequence AS sequence, case_id AS "caseId", event_headers AS headers, event_payload AS payload FROM ${SCHEMA}.filing
            WHERE notice_date >= $1 ORDER BY feed_sequence`,
          [from.fromDate],
        );
  for (let i = 0; i < rows.length; i += CHUNK) {
    await producer.send({
      topic: Events.filingIssued.topic,
      acks: -1,
      messages: rows.slice(i, i + CHUNK).map((r) => ({
        key: r.caseId,
        value: JSON.stringify(r.payload),
        headers: { ...r.headers, 'replayed-at': now.toISOString() },
      })),
    });
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
