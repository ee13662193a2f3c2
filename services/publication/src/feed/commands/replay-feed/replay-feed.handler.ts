import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Events } from '@filing/contracts';
import { KafkaProducerHolder } from '@filing/messaging';
import { Clock, InvalidCommand } from '@filing/runtime';
import { FeedRepository, ReplayFrom } from '../../infrastructure/feed.repository';

export type { ReplayFrom } from '../../infrastructure/feed.repository';

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
 * unsent; run it again); consumers dedupe on ce_id, so repeats are harmless. The operator endpoint and the
 * command-line tool both replay through here.
 */
export async function replayFeed(
  feed: FeedRepository,
  producer: Producer,
  from: ReplayFrom,
  requestedBy: string,
  now: Date,
  /** Called after each chunk the broker acknowledged: a national replay of 100,000 events shows how far it is. */
  onProgress?: (sent: number, total: number) => void,
): Promise<ReplayResult> {
  const rows = await feed.toReplay(from);
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
  await feed.recordReplay({ id: replayId, from, events: rows.length, requestedBy, at: now });
  return {
    replayId,
    events: rows.length,
    firstSequence: rows.length ? Number(rows[0].sequence) : null,
    lastSequence: rows.length ? Number(rows[rows.length - 1].sequence) : null,
    ids: rows.map((r) => r.id),
  };
}

/** Exactly one of a sequence number and a date says where a replay starts. */
export function replayFromRequest(body: { fromSequence?: number; fromDate?: string }): ReplayFrom {
  if ((body.fromSequence === undefined) === (body.fromDate === undefined)) throw new InvalidCommand('give exactly one of fromSequence and fromDate');
  return body.fromSequence !== undefined ? { fromSequence: body.fromSequence } : { fromDate: body.fromDate! };
}

/** An administrator's replay through the operator endpoint: replayed, then audited. */
@Injectable()
export class ReplayFeedHandler {
  constructor(
    private readonly feed: FeedRepository,
    private readonly producer: KafkaProducerHolder,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async replay(body: { fromSequence?: number; fromDate?: string }, principal: Principal): Promise<ReplayResult> {
    const from = replayFromRequest(body);
    const now = this.clock.now();
    const result = await replayFeed(this.feed, this.producer.producer, from, principal.sub, now);
    // A replay writes nothing but Kafka records, so it is audited once the broker has acknowledged them.
    await this.feed.transaction((manager) =>
      this.audit.append(manager, {
        jurisdiction: principal.jurisdiction,
        action: 'feed-replayed',
        actor: principalActor(principal, 'admin'),
        at: now.toISOString(),
        details: { from, replayId: result.replayId, events: result.events, firstSequence: result.firstSequence, lastSequence: result.lastSequence },
      }),
    );
    return result;
  }
}
