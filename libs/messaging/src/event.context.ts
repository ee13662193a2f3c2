import { EntityManager } from 'typeorm';
import { EventMetadata } from '@filing/contracts';

/**
 * What a handler gets besides the payload: the transaction its effect must be written in (the inbox row is already
 * in it), and the event's metadata.
 */
export class EventContext {
  constructor(
    readonly manager: EntityManager,
    readonly meta: EventMetadata,
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
  ) {}
}

/** Thrown by a handler for an event it can never process: skips the retries and goes straight to the DLT. */
export class UnprocessableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEventError';
  }
}

/**
 * Thrown by a handler for an event that came before one it depends on (an objection before its notice, a leader's
 * election before the group is formed): events of different topics have no order between them. The consumer parks
 * it, transactionally with the inbox, and tries it again after the next event of the same key and on a timer; only
 * past EVENT_DEFER_MAX_MS does it go to the DLT (docs/adr/0008-per-case-order-by-deferral.md).
 */
export class EventTooEarlyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventTooEarlyError';
  }
}
