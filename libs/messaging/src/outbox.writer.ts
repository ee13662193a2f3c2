import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventDefinition, EventMetadata, newEventId, parsePayload, toKafkaHeaders } from '@filing/contracts';
import { Clock, currentCorrelation } from '@filing/runtime';
import { randomUUID } from 'node:crypto';
import { instanceToPlain } from 'class-transformer';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { OutboxWake } from './outbox.wake';

export interface OutboxAddOptions {
  /** A stable event id (e.g. the national feed's filing id); a new UUID otherwise. */
  id?: string;
}

/**
 * Writes outgoing events into the service's outbox, inside the caller's transaction, so the event exists exactly when
 * the state change does (docs/architecture.md §5.1). The relay publishes it afterwards.
 */
@Injectable()
export class OutboxWriter {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly clock: Clock,
    private readonly wake: OutboxWake,
  ) {}

  async add<P extends object>(manager: EntityManager, def: EventDefinition<P>, payload: P, opts: OutboxAddOptions = {}): Promise<EventMetadata> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error(`outbox: ${def.topic} must be written inside a transaction`);
    // Producing an event that breaks its own contract is a bug: refuse it here, not at every consumer.
    const checked = parsePayload(def.payload, instanceToPlain(payload));
    const scope = currentCorrelation();
    const key = def.keyOf(checked);
    const meta: EventMetadata = {
      id: opts.id ?? newEventId(),
      type: def.type,
      source: this.options.source,
      time: this.clock.now().toISOString(),
      subject: key,
      correlationId: scope?.correlationId ?? randomUUID(),
      causationId: scope?.causationId,
    };
    await manager.query(`INSERT INTO ${this.options.schema}.outbox (id, topic, key, headers, payload) VALUES ($1, $2, $3, $4, $5)`, [
      meta.id,
      def.topic,
      key,
      JSON.stringify(toKafkaHeaders(meta)),
      JSON.stringify(instanceToPlain(checked)),
    ]);
    // The relay is woken once this transaction commits, so it publishes at once instead of at its next poll.
    this.wake.rowWritten(manager.queryRunner);
    return meta;
  }
}
