/** One consumed Kafka message as the backbone handles it, from the partition or from the deferred table. */
export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  /** The message key (the case id); the CloudEvents subject when the key is missing. */
  key: string;
  headers: Record<string, string>;
  value: string | null;
}

export function headersAsStrings(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}
