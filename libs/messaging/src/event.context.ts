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
