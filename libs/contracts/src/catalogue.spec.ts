import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { breakages, broken, Breakage, validSamples } from '../test/event-samples';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { generateEventSchemas } from './asyncapi/asyncapi.generator';
import { ALL_EVENTS, EventName, Events as TypedEvents, TYPE_PREFIX } from './catalogue';
import { EventDefinition } from './catalogue.types';
import { DEFAULT_PARTITIONS, dltOf, topicSpecs } from './topics';
import { parsePayload, PayloadInvalidError } from './validate';

// Indexed by a union of names, the precise payload types only get in the way here.
const Events: Record<EventName, EventDefinition<any>> = TypedEvents;
const names = Object.keys(Events) as EventName[];

/** Every breakage of every event, a missing key field (caseId for case events) first, as [event, label, breakage] rows for it.each. */
const breakageRows: [EventName, string, Breakage][] = names.flatMap((n) =>
  [{ field: Events[n].key, remove: true } as Breakage, ...breakages[n]].map((b): [EventName, string, Breakage] => [
    n,
    b.remove ? `missing ${b.field}` : `${b.field} = ${JSON.stringify(b.value)}`,
    b,
  ]),
);

/** Dotted paths of the single nested objects a class requires (not optional, not arrays) that its sample holds. */
function requiredNestedPaths(cls: abstract new (...args: never[]) => unknown, parent: string, sample: unknown): string[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const out: string[] = [];
  for (const m of metas.filter((x) => x.type === ValidationTypes.NESTED_VALIDATION && !x.each)) {
    if (metas.some((x) => x.propertyName === m.propertyName && x.type === ValidationTypes.CONDITIONAL_VALIDATION)) continue;
    const value = (sample as Record<string, unknown> | undefined)?.[m.propertyName];
    if (!value || typeof value !== 'object') continue;
    const path = parent ? `${parent}.${m.propertyName}` : m.propertyName;
    out.push(path);
    const typeMeta = defaultMetadataStorage.findTypeMetadata(cls, m.propertyName);
    if (typeMeta) out.push(...requiredNestedPaths(typeMeta.typeFunction() as abstract new (...args: never[]) => unknown, path, value));
  }
  return out;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof PayloadInvalidError) return e.problems;
    throw e;
  }
  return [];
}

describe('event catalogue', () => {
  it.each(ALL_EVENTS.map((e) => [e.topic, e]))('%s is named <service>.<entity>.<event>.v<major> after its producer', (_, e) => {
    expect(e.topic).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\.v[1-9]\d*$/);
    expect(e.topic.split('.')[0]).toBe(e.producer);
    expect(e.type).toBe(`${TYPE_PREFIX}.${e.topic}`);
    expect(e.consumers.length).toBeGreaterThan(0);
  });

  it('has unique topics, CloudEvents types and payload classes', () => {
    const unique = (xs: unknown[]) => new Set(xs).size === xs.length;
    expect(unique(ALL_EVENTS.map((e) => e.topic))).toBe(true);
    expect(unique(ALL_EVENTS.map((e) => e.type))).toBe(true);
    expect(unique(ALL_EVENTS.map((e) => e.payload))).toBe(true);
  });

  it('keys every case event by the case id', () => {
    const caseEvents = names.filter((n) => Events[n].key === 'caseId');
    expect(names.filter((n) => !caseEvents.includes(n))).toEqual([
      'filingStatusChanged',
      'registerEntryImported',
      'calendarOverridesLoaded',
      'instanceHeartbeat',
    ]);
    for (const name of caseEvents) expect(Events[name].keyOf(validSamples[name] as any)).toBe((validSamples[name] as { caseId: string }).caseId);
  });

  it('keys the calendar event by its year, apart from any case id', () => {
    expect(Events.calendarOverridesLoaded.keyOf(validSamples.calendarOverridesLoaded as any)).toBe('calendar-2027');
  });

  it("keys an instance's heartbeat by the jurisdiction it serves, so its heartbeats stay in order", () => {
    expect(Events.instanceHeartbeat.keyOf(validSamples.instanceHeartbeat as any)).toBe('220100');
  });

  it('keys the register events by the institution, apart from any case id', () => {
    expect(Events.filingStatusChanged.keyOf(validSamples.filingStatusChanged as any)).toBe(
      `register-${validSamples.filingStatusChanged.institution.creditCode}`,
    );
    expect(Events.registerEntryImported.keyOf(validSamples.registerEntryImported as any)).toBe(
      `register-${validSamples.registerEntryImported.institution.creditCode}`,
    );
  });

  it('marks exactly the national filing feed as external', () => {
    expect(ALL_EVENTS.filter((e) => e.external).map((e) => e.topic)).toEqual(['publication.filing.issued.v1', 'publication.filing.status-changed.v1']);
  });
});

describe('topicSpecs', () => {
  const specs = topicSpecs();

  it('has a .dlt twin for every topic and nothing else', () => {
    const expected = ALL_EVENTS.flatMap((e) => [e.topic, dltOf(e.topic)]).sort();
    expect(specs.map((s) => s.topic).sort()).toEqual(expected);
  });

  it(`gives every topic at least ${DEFAULT_PARTITIONS} partitions`, () => {
    for (const s of specs) expect(s.partitions).toBeGreaterThanOrEqual(3);
  });

  it('keeps the national feed and every dead letter without time limit', () => {
    for (const s of specs) {
      const unlimited = s.topic.endsWith('.dlt') || s.topic === Events.filingIssued.topic || s.topic === Events.filingStatusChanged.topic;
      expect([s.topic, s.config?.['retention.ms'] === -1]).toEqual([s.topic, unlimited]);
    }
  });
});

describe('payload contracts', () => {
  it.each(names)('%s: the valid sample passes parsePayload', (name) => {
    expect(() => parsePayload(Events[name].payload, validSamples[name])).not.toThrow();
  });

  it.each(breakageRows)('%s: %s is refused, naming the field', (name, _, b) => {
    const problems = problemsOf(() => parsePayload(Events[name].payload, broken(validSamples[name], b)));
    expect(problems.length).toBeGreaterThan(0);
    // Array elements report their parent (`occupations.0.levels: each value ...`) or their index; both name the field.
    expect(problems.some((p) => p.startsWith(`${b.field}:`) || p.startsWith(`${b.field}.`))).toBe(true);
  });

  // Generated from the classes' own rules: every nested object that is not optional, at any depth (the gap of issue 11:
  // `@ValidateNested()` alone lets `undefined` through, so an application without institution.contact travelled on).
  const requiredNested: [EventName, string][] = names.flatMap((n) =>
    requiredNestedPaths(Events[n].payload, '', validSamples[n]).map((path): [EventName, string] => [n, path]),
  );
  it('finds the nested objects to check', () => expect(requiredNested.map(([n, p]) => `${n}:${p}`)).toContain('applicationSubmitted:institution.contact'));
  it.each(requiredNested)('%s: without %s (or with it null) the payload is refused, naming it', (name, path) => {
    for (const value of [undefined, null, 'x']) {
      const sample = structuredClone(validSamples[name]) as Record<string, unknown>;
      const keys = path.split('.');
      const holder = keys.slice(0, -1).reduce<any>((o, k) => o[k], sample);
      if (value === undefined) delete holder[keys[keys.length - 1]];
      else holder[keys[keys.length - 1]] = value;
      expect(problemsOf(() => parsePayload(Events[name].payload, sample)).some((p) => p.startsWith(`${path}:`))).toBe(true);
    }
  });

  it('tolerates unknown fields (added within a major version) and drops them', () => {
    const parsed = parsePayload(Events.filingIssued.payload, { ...validSamples.filingIssued, futureField: 1 });
    expect(parsed).not.toHaveProperty('futureField');
  });

  it('refuses a payload that is not a JSON object', () => {
    for (const raw of [null, 'x', [validSamples.filingIssued]]) {
      expect(problemsOf(() => parsePayload(Events.filingIssued.payload, raw))).toEqual(['payload must be a JSON object']);
    }
  });
});

// The published JSON Schemas must say what the classes enforce: the national platform validates with the schema,
// we validate with the class, and the two must agree on every sample.
describe('published JSON Schemas agree with the classes', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const schemas = generateEventSchemas();
  const validatorOf = (name: EventName) => ajv.getSchema(schemas[Events[name].topic].$id) ?? ajv.compile(schemas[Events[name].topic]);

  /** Dotted paths of the fields ajv complains about, missing properties included. */
  const pathsOf = (errors: ErrorObject[] | null | undefined) =>
    (errors ?? []).map((e) => [...e.instancePath.split('/').slice(1), ...(e.params.missingProperty ? [e.params.missingProperty] : [])].join('.'));

  it.each(names)('%s: the valid sample passes its schema', (name) => {
    const validate = validatorOf(name);
    expect([validate(validSamples[name]), validate.errors]).toEqual([true, null]);
  });

  it.each(breakageRows)('%s: the schema also refuses %s, naming the field', (name, _, b) => {
    const validate = validatorOf(name);
    expect(validate(broken(validSamples[name], b))).toBe(false);
    expect(pathsOf(validate.errors).some((p) => p === b.field || p.startsWith(`${b.field}.`))).toBe(true);
  });

  it('the national filing schema accepts an unknown field, as the class does', () => {
    expect(validatorOf('filingIssued')({ ...validSamples.filingIssued, futureField: 1 })).toBe(true);
  });
});
