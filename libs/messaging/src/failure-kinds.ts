// What a failure means for the backbone: the infrastructure being away (wait it out), or this message being bad
// (park or dead-letter it). kafkajs wraps the broker's answer in retry errors; the root cause decides.
import { isDatabaseUnavailable } from '@filing/runtime';

interface ErrorLike {
  name?: string;
  code?: string;
  type?: string;
  message?: string;
  retriable?: boolean;
  cause?: unknown;
}

/** The innermost cause of a (kafkajs) error. */
export function rootCause(err: unknown): ErrorLike {
  let e = err as ErrorLike;
  for (let i = 0; i < 10 && e?.cause && typeof e.cause === 'object'; i++) e = e.cause as ErrorLike;
  return e ?? {};
}

/** The database is unreachable or restarting: one rule with the HTTP edge's 503 (libs/runtime). */
export { isDatabaseUnavailable };

/** Lock waits and serialisation failures: the same work succeeds when tried again. */
export function isContention(err: unknown): boolean {
  const code = rootCause(err).code;
  return code === '55P03' || code === '40P01' || code === '40001';
}

/**
 * "Our infrastructure is down or busy", not "this message is bad": a consumer never dead-letters on these, it waits.
 */
export function isInfrastructureError(err: unknown): boolean {
  return isDatabaseUnavailable(err) || isContention(err);
}

const BROKER_AWAY_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSLockTimeout',
]);

const BROKER_AWAY_PROTOCOL_ERRORS = new Set([
  'NETWORK_EXCEPTION',
  'REQUEST_TIMED_OUT',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
  'GROUP_LOAD_IN_PROGRESS',
  'REBALANCE_IN_PROGRESS',
  'UNKNOWN_MEMBER_ID',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'KAFKA_STORAGE_ERROR',
  'BROKER_NOT_AVAILABLE',
  'REPLICA_NOT_AVAILABLE',
]);

/** The broker cannot be reached or is still electing leaders: not the message's fault, and never a reason to exit. */
export function isBrokerUnavailable(err: unknown): boolean {
  for (let e = err as ErrorLike, i = 0; e && i < 10; e = e.cause as ErrorLike, i++) {
    if (BROKER_AWAY_ERRORS.has(e.name ?? '') || BROKER_AWAY_PROTOCOL_ERRORS.has(e.type ?? '')) return true;
    if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|Connection error|Closed connection|producer is disconnected/i.test(e.message ?? '')) return true;
  }
  return false;
}

const REJECTED_MESSAGE_ERRORS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TIMESTAMP',
  'UNSUPPORTED_FOR_MESSAGE_FORMAT',
  'POLICY_VIOLATION',
]);

/** The broker refused these messages themselves (too large, invalid): sending them again can never succeed. */
export function isMessageRejected(err: unknown): boolean {
  for (let e = err as ErrorLike, i = 0; e && i < 10; e = e.cause as ErrorLike, i++) {
    if (REJECTED_MESSAGE_ERRORS.has(e.type ?? '')) return true;
  }
  return false;
}
