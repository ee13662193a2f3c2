import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { EventDefinition, EventName, Events, fromKafkaHeaders, Headers, parsePayload, sourceOf, sourceProblem, toKafkaHeaders } from '@filing/contracts';
import { validSamples } from '../../../libs/contracts/test/event-samples';

// Malformed messages for the consumed topics, generated with fast-check from each event's valid sample, and what a
// consumer must do with each: the same checks the consumer makes (envelope, contract class, ce_source), run here as
// the oracle. A mutation the contract still accepts is not malformed: it is counted and not sent.

export type ExpectedKind = 'invalid-envelope' | 'invalid-payload' | 'untrusted-source';

/**
 * Events whose first sight opens state at a consumer by design (a case at review, a draw and an evaluation, a public
 * notice, a re-check request, a year's calendar): a valid one about an unknown case is not bogus there. Every other
 * event is about a case its consumers must know already.
 */
export const OPENING_EVENTS: readonly EventName[] = [
  'applicationSubmitted',
  'expertGroupRequested',
  'caseApproved',
  'recheckRequested',
  'calendarOverridesLoaded',
];

/**
 * Consumers that keep a case's facts in whatever order they arrive, opening the record on the first one (assessment's
 * evaluation: `EvaluationStore.ensureLocked`): to them no valid event is about an unknown case, and the record they
 * keep of it is left out of the comparison (schema `assessment`, rows of that case).
 */
export const ACCUMULATING_CONSUMERS: readonly string[] = ['assessment'];

/** The events sent valid, about a case nobody knows: all but those that open a case somewhere. */
export function aboutKnownCasesOnly(name: EventName): boolean {
  return !OPENING_EVENTS.includes(name);
}

export interface FuzzMessage {
  name: EventName;
  def: EventDefinition<any>;
  /** How it was broken, for the report. */
  how: string;
  key: string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

const REQUIRED_HEADERS = [Headers.id, Headers.type, Headers.source, Headers.time, Headers.subject];
const OTHER_SOURCES = [
  '/services/intake',
  '/services/review/220000',
  '/services/review/220100',
  '/services/expert-pool',
  '/services/assessment',
  '/services/publication',
];

function validHeaders(def: EventDefinition<any>, key: string): Record<string, string> {
  const id = randomUUID();
  return toKafkaHeaders({ id, type: def.type, source: sourceOf(def.producer), time: new Date().toISOString(), subject: key, correlationId: id });
}

/** Every path into a sample (objects and array items included), e.g. `institution.contact.phone`, `occupations.0`. */
function pathsOf(node: unknown, prefix: string[] = []): string[][] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

function setAt(root: Record<string, any>, path: string[], op: 'delete' | 'set', value?: unknown): Record<string, any> {
  const copy = structuredClone(root);
  const parent = path.slice(0, -1).reduce((n, k) => n[k], copy as any);
  const last = path[path.length - 1];
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

const HUGE = 'x'.repeat(300_000);
/** Values that are wrong for most fields: other types, huge strings and arrays, bad dates and ids. */
const wrongValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(
    HUGE,
    Array.from({ length: 20_000 }, (_, i) => i),
    '',
    null,
    -1,
    1e308,
    true,
    [],
    {},
    '2026-13-45T25:61:00Z',
    'not-a-uuid',
    '\u0000',
    '<script>',
  ),
);

/** The generated messages of one event: envelope, ce_source and payload breakages in turn. */
export function arbitraryMessage(name: EventName): fc.Arbitrary<FuzzMessage> {
  const def = Events[name] as EventDefinition<any>;
  const sample = validSamples[name] as Record<string, any>;
  const paths = pathsOf(sample);
  const key = fc.uuid();
  const base = (how: string, k: string, value: FuzzMessage['value'], headers: Record<string, string>): FuzzMessage => ({
    name,
    def,
    how,
    key: k,
    value,
    headers,
  });

  const missingHeader = fc.tuple(key, fc.subarray(REQUIRED_HEADERS, { minLength: 1 })).map(([k, drop]) => {
    const h = validHeaders(def, k);
    for (const d of drop) delete h[d];
    return base(`envelope without ${drop.join(', ')}`, k, JSON.stringify(sample), h);
  });
  const emptyHeader = fc
    .tuple(key, fc.constantFrom(...REQUIRED_HEADERS))
    .map(([k, h]) => base(`envelope with an empty ${h}`, k, JSON.stringify(sample), { ...validHeaders(def, k), [h]: '' }));
  const wrongType = fc
    .tuple(key, fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(...Object.values(Events).map((e) => e.type))))
    .map(([k, type]) => base('envelope with a wrong ce_type', k, JSON.stringify(sample), { ...validHeaders(def, k), [Headers.type]: type }));
  const wrongSource = fc
    .tuple(
      key,
      fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.constantFrom(...OTHER_SOURCES, '/services/review/999999', '/services/review', '/tests', `/services/${def.producer}/x`),
      ),
    )
    .map(([k, source]) =>
      base(`ce_source ${JSON.stringify(source.slice(0, 40))}`, k, JSON.stringify(sample), { ...validHeaders(def, k), [Headers.source]: source }),
    );
  const notJson = fc
    .tuple(
      key,
      fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
      ),
    )
    .map(([k, v]) => base('a value that is not JSON', k, v, validHeaders(def, k)));
  const notObject = fc
    .tuple(key, fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)))
    .map(([k, v]) =>
      base(v === undefined ? 'no value (a tombstone)' : 'JSON that is not an object', k, v === undefined ? null : JSON.stringify(v), validHeaders(def, k)),
    );
  const removed = fc
    .tuple(key, fc.constantFrom(...paths))
    .map(([k, p]) => base(`without ${p.join('.')}`, k, JSON.stringify(setAt(sample, p, 'delete')), validHeaders(def, k)));
  const replaced = fc
    .tuple(key, fc.constantFrom(...paths), wrongValue)
    .map(([k, p, v]) => base(`${p.join('.')} replaced`, k, JSON.stringify(setAt(sample, p, 'set', v)) ?? 'undefined', validHeaders(def, k)));
  const truncated = fc.tuple(key, fc.integer({ min: 1, max: 400 })).map(([k, n]) => {
    const json = JSON.stringify(sample);
    return base('truncated JSON', k, json.slice(0, Math.max(1, json.length - n)), validHeaders(def, k));
  });
  return fc.oneof(missingHeader, emptyHeader, wrongType, wrongSource, notJson, notObject, removed, replaced, replaced, removed, truncated);
}

/** A schema-valid event from its true producer about a case nobody knows: dead-lettered, at once or after deferral. */
export function arbitraryUnknownCase(name: EventName): fc.Arbitrary<FuzzMessage> {
  const def = Events[name] as EventDefinition<any>;
  return fc.uuid().map((caseId) => {
    const payload = { ...(validSamples[name] as object), caseId };
    const key = def.keyOf(payload);
    return { name, def, how: 'valid, about an unknown case', key, value: JSON.stringify(payload), headers: validHeaders(def, key) };
  });
}

/** What the consumer must make of a message: the DLT kind, or 'valid' when the contract accepts it. */
export function expectedOutcome(m: FuzzMessage): ExpectedKind | 'valid' {
  const headers = m.headers;
  try {
    const meta = fromKafkaHeaders(headers);
    if (meta.type !== m.def.type) return 'invalid-envelope';
  } catch {
    return 'invalid-envelope';
  }
  let payload: object;
  try {
    payload = parsePayload(m.def.payload, JSON.parse(m.value === null ? 'null' : m.value.toString()));
  } catch {
    return 'invalid-payload';
  }
  return sourceProblem(m.def, headers[Headers.source], payload) ? 'untrusted-source' : 'valid';
}

/**
 * Every nested object of the events' samples that the contract lets a producer leave out (no @IsDefined beside
 * @ValidateNested): such a message is valid today, so the fuzz does not send it; it is reported instead.
 */
export function contractGaps(names: EventName[]): string[] {
  const gaps: string[] = [];
  for (const name of names) {
    const def = Events[name] as EventDefinition<any>;
    const sample = validSamples[name] as Record<string, any>;
    for (const p of pathsOf(sample)) {
      const node = p.reduce<any>((n, k) => n[k], sample);
      const parent = p.slice(0, -1).reduce<any>((n, k) => n[k], sample);
      // An object property, not an item of a list (a shorter list is a question of @ArrayMinSize, not of @IsDefined).
      if (node === null || typeof node !== 'object' || Array.isArray(node) || Array.isArray(parent)) continue;
      const value = setAt(sample, p, 'delete');
      const key = def.keyOf(sample);
      if (expectedOutcome({ name, def, how: 'gap', key, value: JSON.stringify(value), headers: validHeaders(def, key) }) === 'valid')
        gaps.push(`${def.topic} ${p.join('.')}`);
    }
  }
  return gaps;
}
