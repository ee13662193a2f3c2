import { CE_SPECVERSION, EventMetadata, fromKafkaHeaders, Headers, newEventId, toKafkaHeaders } from './envelope';

const meta: EventMetadata = {
  id: newEventId(),
  type: 'cn.gov.jl.hrss.filing.publication.filing.issued.v1',
  source: '/filing/publication',
  time: '2026-05-20T02:00:00.000Z',
  subject: 'case-1',
  correlationId: newEventId(),
  causationId: newEventId(),
};

/** What kafkajs hands a consumer: every header value a Buffer. */
function asReceived(headers: Record<string, string>): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
}

describe('CloudEvents Kafka headers', () => {
  it('round-trips the metadata through Buffer headers', () => {
    expect(fromKafkaHeaders(asReceived(toKafkaHeaders(meta)))).toEqual(meta);
  });

  it('writes the binary-mode constants', () => {
    const h = toKafkaHeaders(meta);
    expect(h[Headers.specversion]).toBe(CE_SPECVERSION);
    expect(h[Headers.contentType]).toBe('application/json');
    expect(h[Headers.id]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves causation-id out when there is no cause, and reads it back as absent', () => {
    const { causationId: _, ...root } = meta;
    const h = toKafkaHeaders(root);
    expect(h).not.toHaveProperty(Headers.causationId);
    expect(fromKafkaHeaders(h)).toEqual({ ...root, causationId: undefined });
  });

  it('defaults the correlation id to the event id', () => {
    const h = toKafkaHeaders(meta);
    delete h[Headers.correlationId];
    expect(fromKafkaHeaders(h).correlationId).toBe(meta.id);
  });

  it('takes the first value of a repeated header', () => {
    const h: Record<string, (string | Buffer)[]> = Object.fromEntries(Object.entries(toKafkaHeaders(meta)).map(([k, v]) => [k, [Buffer.from(v), 'other']]));
    expect(fromKafkaHeaders(h)).toEqual(meta);
  });

  it.each([Headers.id, Headers.type, Headers.source, Headers.time, Headers.subject])('refuses a message without %s, naming it', (name) => {
    const h = toKafkaHeaders(meta);
    delete h[name];
    expect(() => fromKafkaHeaders(h)).toThrow(new Error(`missing CloudEvents header ${name}`));
  });

  it('refuses an empty ce_id and a message without headers', () => {
    expect(() => fromKafkaHeaders({ ...toKafkaHeaders(meta), [Headers.id]: Buffer.alloc(0) })).toThrow(/ce_id/);
    expect(() => fromKafkaHeaders(undefined)).toThrow(/ce_id/);
  });
});
