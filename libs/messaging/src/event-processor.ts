import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventDefinition, EventMetadata, fromKafkaHeaders, parsePayload, PayloadInvalidError, sourceProblem } from '@filing/contracts';
import { DomainError, runWithCorrelation } from '@filing/runtime';
import { DeadLetterPublisher, DeadLetterReason } from './dead-letter.publisher';
import { DeferredEvents, DeferredRow } from './deferred-events';
import { EventContext, EventTooEarlyError, UnprocessableEventError } from './event.context';
import { isContention, isDatabaseUnavailable, isInfrastructureError } from './failure-kinds';
import { InboundMessage } from './inbound-message';
import { eventBatches, eventsConsumed, handlerRetries, handlerSeconds } from './messaging.metrics';
import { MessagingOptions } from './messaging.options';
import { consumedDefinition } from './on-event.decorator';

export type Outcome = 'handled' | 'duplicate' | 'deferred' | 'queued' | 'dead-lettered';

export interface EventProcessorDeps {
  dataSource: DataSource;
  options: MessagingOptions;
  deadLetters: DeadLetterPublisher;
  deferred: DeferredEvents;
  /** Runs the topic's handler (the message controller) with the validated payload. */
  invoke: (topic: string, payload: object, ctx: EventContext) => Promise<void>;
  /** Told of every message of a partition that was dealt with (the watchdog counts it as progress). */
  onProgress?: (topic: string, partition: number) => void;
}

/**
 * What happens to one consumed message. CloudEvents headers and the payload are validated before any handler; then,
 * in one transaction holding the key's lock (`pg_advisory_xact_lock` on consumer group + key, so one case's events
 * are handled one at a time across partitions and replicas): the inbox dedupes on (consumer group, ce_id); a message
 * queues behind an earlier deferred message of its key and topic; the handler runs; a handler that says the event
 * came too early (`EventTooEarlyError`) has its effect rolled back to a savepoint and the message parked instead.
 * A failing handler is retried with backoff a bounded number of times, then the message goes to `<topic>.dlt`.
 */
export class EventProcessor {
  private readonly log = new Logger('EventConsumer');

  constructor(private readonly deps: EventProcessorDeps) {}

  /** A message read from its partition. */
  async fromPartition(msg: InboundMessage, heartbeat: () => Promise<void>): Promise<Outcome> {
    const outcome = await this.process(msg, undefined, heartbeat);
    this.deps.onProgress?.(msg.topic, msg.partition);
    if (outcome === 'handled') {
      // Whatever this event changed may be what a parked event of the same key was waiting for.
      try {
        if (await this.deps.deferred.hasKey(msg.key)) await this.retryKey(msg.key);
      } catch (err) {
        this.log.warn(`retrying the deferred events of ${msg.key} failed (the timer tries again): ${(err as Error).message}`);
      }
    }
    return outcome;
  }

  /**
   * Messages read together from one partition, in offset order. The usual case — every message valid, no key with a
   * deferred event, no key locked elsewhere, every handler succeeding — is handled in one transaction: the keys'
   * locks in one statement, the inbox rows in one statement, then each handler in order; one commit instead of one
   * per message. Anything else (an invalid message, a deferred key, a busy key, a handler that fails or says the
   * event came too early) rolls that transaction back and the messages go one by one through `fromPartition`, with
   * its savepoints, retries and dead-lettering: the outcome of each message is the same either way
   * (docs/adr/0028-outbox-wake-and-batch-consumption.md).
   */
  async fromPartitionBatch(msgs: InboundMessage[], heartbeat: () => Promise<void>): Promise<Outcome[]> {
    if (msgs.length > 1) {
      const together = await this.together(msgs);
      eventBatches.inc({ topic: msgs[0].topic, mode: together ? 'one-transaction' : 'one-by-one' });
      if (together) return together;
    }
    const outcomes: Outcome[] = [];
    for (const msg of msgs) outcomes.push(await this.fromPartition(msg, heartbeat));
    return outcomes;
  }

  /** The batch in one transaction, or undefined when it must go message by message (nothing of it was kept). */
  private async together(msgs: InboundMessage[]): Promise<Outcome[] | undefined> {
    const items: { msg: InboundMessage; meta: EventMetadata; payload: object }[] = [];
    for (const msg of msgs) {
      const def = consumedDefinition(msg.topic);
      const decoded = def && decode(def, msg);
      if (!decoded || 'reason' in decoded) return undefined;
      items.push({ msg, ...decoded });
    }
    const { schema, groupId } = this.deps.options;
    let outcomes: Outcome[];
    try {
      outcomes = await this.deps.dataSource.transaction(async (m) => {
        const keys = [...new Set(items.map((i) => i.msg.key))].sort();
        // Never waits for a key's lock while holding others (no deadlock): a busy key sends the batch one by one.
        const [{ locked }] = await m.query(`SELECT bool_and(pg_try_advisory_xact_lock(hashtext($1), hashtext(k))) AS locked FROM unnest($2::text[]) AS k`, [
          groupId,
          keys,
        ]);
        if (!locked) throw new OneByOne();
        if (await this.deps.deferred.anyOfKeys(m, keys)) throw new OneByOne();
        const fresh = new Set<string>(
          (
            await m.query(
              `INSERT INTO ${schema}.inbox (consumer_group, event_id, topic, partition, "offset")
               SELECT $1, e, t, p, o FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS u(e, t, p, o)
               ON CONFLICT DO NOTHING RETURNING event_id`,
              [groupId, items.map((i) => i.meta.id), items.map((i) => i.msg.topic), items.map((i) => i.msg.partition), items.map((i) => i.msg.offset)],
            )
          ).map((r: { event_id: string }) => r.event_id),
        );
        const done: Outcome[] = [];
        for (const { msg, meta, payload } of items) {
          // A copy of an event already handled, or a second copy within this batch.
          if (!fresh.delete(meta.id)) {
            done.push('duplicate');
            continue;
          }
          const timer = handlerSeconds.startTimer({ topic: msg.topic });
          try {
            await runWithCorrelation({ correlationId: meta.correlationId, causationId: meta.id }, () =>
              this.deps.invoke(msg.topic, payload, new EventContext(m, meta, msg.topic, msg.partition, msg.offset)),
            );
          } catch (err) {
            // The database away is waited out; anything else, lock contention included, goes message by message.
            throw isDatabaseUnavailable(err) ? err : new OneByOne();
          } finally {
            timer();
          }
          done.push('handled');
        }
        return done;
      });
    } catch (err) {
      // A batch holds more locks for longer than one message: a deadlock or lock timeout is retried message by message.
      if (err instanceof OneByOne || isContention(err)) return undefined;
      throw err;
    }
    items.forEach(({ msg }, i) => {
      eventsConsumed.inc({ topic: msg.topic, outcome: outcomes[i] });
      this.deps.onProgress?.(msg.topic, msg.partition);
    });
    return outcomes;
  }

  /** Tries a key's parked events again, oldest first, until none of them moves; a topic's queue keeps its order. */
  async retryKey(key: string): Promise<void> {
    for (let round = 0; round < 20; round++) {
      const blocked = new Set<string>();
      let moved = false;
      for (const row of await this.deps.deferred.ofKey(key)) {
        if (blocked.has(row.topic)) continue;
        const outcome = await this.process(parkedMessage(row), row, async () => undefined);
        if (outcome === 'deferred') blocked.add(row.topic);
        else moved = true;
      }
      if (!moved) return;
    }
  }

  private async process(msg: InboundMessage, parked: DeferredRow | undefined, heartbeat: () => Promise<void>): Promise<Outcome> {
    const def = consumedDefinition(msg.topic);
    if (!def) throw new Error(`no handler for ${msg.topic}`);
    const decoded = decode(def, msg);
    if ('reason' in decoded) return this.deadLetter(msg, parked, decoded.reason, decoded.error, 0);
    const { meta, payload } = decoded;

    const { maxAttempts, retryBackoffMs } = this.deps.options;
    for (let attempt = 1; ; attempt++) {
      const timer = handlerSeconds.startTimer({ topic: msg.topic });
      try {
        const result = await runWithCorrelation({ correlationId: meta.correlationId, causationId: meta.id }, () =>
          this.deps.dataSource.transaction((m) => this.attempt(m, msg, meta, payload, parked)),
        );
        timer();
        if (result.outcome === 'expired') return this.deadLetter(msg, parked, 'predecessor-missing', new Error(result.reason), attempt);
        if (!(parked && result.outcome === 'deferred')) eventsConsumed.inc({ topic: msg.topic, outcome: result.outcome });
        if (result.outcome === 'deferred' && !parked) this.log.log(`${msg.topic} ${meta.id} (key ${msg.key}) deferred: ${result.reason}`);
        return result.outcome;
      } catch (err) {
        timer();
        if (isInfrastructureError(err)) throw err; // not the message's fault: wait it out
        // A refusal no retry can change goes to the DLT now; one the case's state may still lift is retried.
        const unprocessable = err instanceof UnprocessableEventError || (err instanceof DomainError && err.onEvent === 'dead-letter');
        if (unprocessable || attempt >= maxAttempts) {
          return this.deadLetter(msg, parked, unprocessable ? 'unprocessable' : 'handler-failed', err as Error, attempt);
        }
        handlerRetries.inc({ topic: msg.topic });
        this.log.warn(`${msg.topic} ${meta.id}: attempt ${attempt}/${maxAttempts} failed: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, retryBackoffMs * 2 ** (attempt - 1)));
        await heartbeat();
      }
    }
  }

  /** One try, in the caller's transaction. */
  private async attempt(
    m: EntityManager,
    msg: InboundMessage,
    meta: EventMetadata,
    payload: object,
    parked: DeferredRow | undefined,
  ): Promise<{ outcome: Outcome | 'expired'; reason?: string }> {
    const { schema, groupId, deferMaxMs } = this.deps.options;
    const { deferred } = this.deps;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [groupId, msg.key]);
    // Another pass (a timer on another replica) may have taken this parked row meanwhile.
    if (parked && !(await deferred.reload(m, parked.seq))) return { outcome: 'duplicate' };
    const seen = await m.query(`SELECT 1 FROM ${schema}.inbox WHERE consumer_group = $1 AND event_id = $2`, [groupId, meta.id]);
    if (seen.length > 0) {
      if (parked) await deferred.remove(m, parked.seq);
      return { outcome: 'duplicate' };
    }
    if (!parked && (await deferred.isQueueOpen(m, msg.topic, msg.key))) {
      const fresh = await deferred.park(m, msg, meta.id, 'queued behind an earlier deferred event of the same key and topic');
      return { outcome: fresh ? 'queued' : 'duplicate' };
    }
    await m.query('SAVEPOINT before_handler');
    const inserted = await m.query(
      `INSERT INTO ${schema}.inbox (consumer_group, event_id, topic, partition, "offset") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING event_id`,
      [groupId, meta.id, msg.topic, msg.partition, msg.offset],
    );
    // The same ce_id under another key (a producer's bug) is not serialised by the key's lock: still only once.
    if (inserted.length === 0) return { outcome: 'duplicate' };
    try {
      await this.deps.invoke(msg.topic, payload, new EventContext(m, meta, msg.topic, msg.partition, msg.offset));
    } catch (err) {
      if (!(err instanceof EventTooEarlyError)) throw err;
      await m.query('ROLLBACK TO SAVEPOINT before_handler');
      if (!parked) return { outcome: (await deferred.park(m, msg, meta.id, err.message)) ? 'deferred' : 'duplicate', reason: err.message };
      const waited = Date.now() - parked.deferredAt.getTime();
      if (waited >= deferMaxMs) return { outcome: 'expired', reason: `still waiting for its predecessor after ${Math.round(waited / 1000)} s: ${err.message}` };
      await deferred.postpone(m, parked.seq, err.message);
      return { outcome: 'deferred', reason: err.message };
    }
    if (parked) await deferred.remove(m, parked.seq);
    return { outcome: 'handled' };
  }

  private async deadLetter(
    msg: InboundMessage,
    parked: DeferredRow | undefined,
    reason: DeadLetterReason,
    err: Error,
    attempts: number,
  ): Promise<'dead-lettered'> {
    await this.deps.deadLetters.publish(msg, reason, err, attempts);
    if (parked) await this.deps.dataSource.transaction((m) => this.deps.deferred.remove(m, parked.seq));
    return 'dead-lettered';
  }
}

/**
 * The message's envelope and payload, checked before any handler: the CloudEvents attributes against the topic's
 * contract, the payload against its class, and ce_source against the catalogue (only the topic's producer, and a
 * city's review instance only for its own cases; the broker's ACLs already keep other services off the topic: ADR
 * 0013). Or why the message goes to the DLT.
 */
function decode(
  def: EventDefinition<any>,
  msg: InboundMessage,
): { meta: EventMetadata; payload: object } | { reason: 'invalid-envelope' | 'invalid-payload' | 'untrusted-source'; error: Error } {
  let meta: EventMetadata;
  try {
    meta = decodeEnvelope(def, msg);
  } catch (err) {
    return { reason: 'invalid-envelope', error: err as Error };
  }
  let payload: object;
  try {
    payload = parsePayload(def.payload, JSON.parse(msg.value ?? 'null'));
  } catch (err) {
    return { reason: 'invalid-payload', error: err instanceof PayloadInvalidError ? err : new Error(`payload is not valid JSON: ${(err as Error).message}`) };
  }
  const untrusted = sourceProblem(def, meta.source, payload);
  if (untrusted) return { reason: 'untrusted-source', error: new Error(untrusted) };
  return { meta, payload };
}

/** The CloudEvents attributes, checked against the topic's contract. */
function decodeEnvelope(def: EventDefinition<any>, msg: InboundMessage): EventMetadata {
  const meta = fromKafkaHeaders(msg.headers);
  if (meta.type !== def.type) throw new Error(`ce_type ${meta.type} does not belong on ${msg.topic} (expected ${def.type})`);
  return meta;
}

/** The batch cannot be handled in one transaction: it goes message by message. */
class OneByOne extends Error {}

function parkedMessage(row: DeferredRow): InboundMessage {
  return { topic: row.topic, partition: row.partition, offset: row.offset, key: row.messageKey, headers: row.headers, value: row.value };
}
