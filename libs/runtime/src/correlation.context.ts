// Carries the correlation id (and the id of the event being handled) through async calls, so logs and outgoing
// events made while serving one request or one event all carry the same correlation id.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CorrelationScope {
  correlationId: string;
  /** The event being handled, if any: becomes the causation id of events written while handling it. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<CorrelationScope>();

export function runWithCorrelation<T>(scope: CorrelationScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentCorrelation(): CorrelationScope | undefined {
  return storage.getStore();
}
