export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** Service name, e.g. `review`; used in metrics and as the CloudEvents source. */
  service: string;
  /** The service's PostgreSQL schema, holding its `outbox` and `inbox` tables. */
  schema: string;
  /** Consumer group id; one per service (per instance for federated review, e.g. `review-220100`). */
  groupId: string;
  /** CloudEvents `source`, e.g. `/services/review/220100`. */
  source: string;
  /** Attempts per message before it goes to the dead-letter topic (first try included). */
  maxAttempts: number;
  /** Backoff before the first retry; doubles each time. */
  retryBackoffMs: number;
  /** How long an event may wait for its predecessor (deferred) before it goes to the DLT. */
  deferMaxMs: number;
}
