// CloudEvents 1.0 in Kafka binary mode (docs/architecture.md §4): attributes travel as `ce_*` headers, the value is the
// JSON payload. The national platform reads these headers, so their names are part of the public contract.
import { randomUUID } from 'node:crypto';

export const CE_SPECVERSION = '1.0';

export const Headers = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  specversion: 'ce_specversion',
  time: 'ce_time',
  subject: 'ce_subject',
  dataschema: 'ce_dataschema',
  contentType: 'content-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  /** Set on dead-lettered copies only. */
  dltError: 'dlt-error',
  dltErrorKind: 'dlt-error-kind',
  dltOriginalTopic: 'dlt-original-topic',
  dltOriginalPartition: 'dlt-original-partition',
  dltOriginalOffset: 'dlt-original-offset',
  dltAttempts: 'dlt-attempts',
  dltConsumerGroup: 'dlt-consumer-group',
  /** A copy too large for the DLT: no value, the original is read back from its topic at partition/offset. */
  dltByReference: 'dlt-by-reference',
  dltOriginalBytes: 'dlt-original-bytes',
  /** Set on a message an operator re-sent from a DLT: where it came from. */
  redrivenFrom: 'dlt-redriven-from',
} as const;

/** Metadata of one event, independent of the transport. */
export interface EventMetadata {
  id: string;
  type: string;
  source: string;
  time: string;
  subject: string;
  correlationId: string;
  causationId?: string;
}

export interface EventEnvelope<P = unknown> extends EventMetadata {
  topic: string;
  key: string;
  payload: P;
}

export function newEventId(): string {
  return randomUUID();
}

/** Builds the Kafka headers for an event (all values are strings). */
export function toKafkaHeaders(meta: EventMetadata): Record<string, string> {
  const h: Record<string, string> = {
    [Headers.id]: meta.id,
    [Headers.type]: meta.type,
    [Headers.source]: meta.source,
    [Headers.specversion]: CE_SPECVERSION,
    [Headers.time]: meta.time,
    [Headers.subject]: meta.subject,
    [Headers.contentType]: 'application/json',
    [Headers.correlationId]: meta.correlationId,
  };
  if (meta.causationId) h[Headers.causationId] = meta.causationId;
  return h;
}

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

export function headerValue(headers: RawHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}

/** Reads the CloudEvents attributes back; throws naming the first missing required header. */
export function fromKafkaHeaders(headers: RawHeaders | undefined): EventMetadata {
  const required = (name: string) => {
    const v = headerValue(headers, name);
    if (!v) throw new Error(`missing CloudEvents header ${name}`);
    return v;
  };
  const id = required(Headers.id);
  return {
    id,
    type: required(Headers.type),
    source: required(Headers.source),
    time: required(Headers.time),
    subject: required(Headers.subject),
    correlationId: headerValue(headers, Headers.correlationId) ?? id,
    causationId: headerValue(headers, Headers.causationId),
  };
}
