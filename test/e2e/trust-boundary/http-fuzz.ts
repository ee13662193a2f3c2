// Malformed requests for every route, generated with fast-check from the services' OpenAPI documents. Each request
// carries at least one defect the service must refuse (an unknown field, a missing or mistyped required field, broken
// JSON, a body type nobody reads, a non-object body) or names a record that does not exist, so none may change a row.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { RouteAccess, ServiceRoutes } from './route-catalogue';

type Schema = Record<string, any>;

export interface FuzzRequest {
  service: string;
  operationId: string;
  method: string;
  /** Path with the parameters filled in and encoded, plus the query string. */
  url: string;
  role: string | null;
  jurisdiction: string;
  headers: Record<string, string>;
  body?: string;
  /** What is wrong with it, for the report. */
  defect: string;
}

export interface Operation {
  service: string;
  operationId: string;
  method: string;
  path: string;
  access: RouteAccess;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  headerParams: string[];
  /** JSON body schema when the route validates one (a component class), else undefined. */
  bodySchema?: Schema;
  /** Body types the route declares besides JSON (multipart, csv). */
  otherBodyTypes: string[];
}

export const JURISDICTIONS = ['220000', '220100', '220200', '220500'];
const ROLES = ['applicant', 'center-staff', 'discipline-officer', 'expert', 'approver', 'admin'];

export function operationsOf(all: ServiceRoutes[]): Operation[] {
  const ops: Operation[] = [];
  for (const s of all) {
    for (const [path, byMethod] of Object.entries(s.document.paths)) {
      for (const [method, raw] of Object.entries(byMethod)) {
        const op = raw as Schema;
        const params: Schema[] = op.parameters ?? [];
        const json = op.requestBody?.content?.['application/json']?.schema;
        ops.push({
          service: s.service,
          operationId: op.operationId,
          method: method.toUpperCase(),
          path,
          access: s.access[op.operationId] ?? { public: false, roles: [] },
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
          headerParams: params.filter((p) => p.in === 'header').map((p) => p.name),
          bodySchema: json?.$ref ? json : undefined,
          otherBodyTypes: Object.keys(op.requestBody?.content ?? {}).filter((t) => t !== 'application/json'),
        });
      }
    }
  }
  return ops;
}

/** Strings that have broken parsers, SQL, dates and path handling somewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  '100000000000000000000',
  '9007199254740993',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '2025-13-45',
  '2025-02-30',
  '0000-00-00',
  '2025-09-29T25:61:00Z',
  '../../etc/passwd',
  "' OR 1=1 --",
  "'; DROP TABLE x; --",
  '%',
  '%%',
  '\\',
  '\u0000',
  '\u202e',
  '😀'.repeat(50),
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  `${randomUUID()}x`,
  randomUUID().toUpperCase(),
  '220100',
  '91220101MA0Y3B9X18',
  'a'.repeat(300),
  'z'.repeat(3000),
];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 2000, maxLength: 12000 }) },
);

/** Any JSON value, some of them large or deep. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 1000, maxLength: 5000 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom({ __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } }, deepNest(200)) },
);

function deepNest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function resolve(schema: Schema | undefined, components: Record<string, Schema>): Schema {
  let s = schema ?? {};
  for (let i = 0; i < 10; i++) {
    if (s.$ref) s = { ...components[String(s.$ref).split('/').pop()!], ...omit(s, '$ref') };
    else if (Array.isArray(s.allOf) && s.allOf.length === 1) s = { ...resolve(s.allOf[0], components), ...omit(s, 'allOf') };
    else break;
  }
  return s;
}

function omit(o: Schema, key: string): Schema {
  const { [key]: _, ...rest } = o;
  return rest;
}

/** A value that satisfies the schema as far as a schema can say (patterns aside): the base the mutations break. */
export function plausible(schema: Schema | undefined, components: Record<string, Schema>, depth = 0): unknown {
  const s = resolve(schema, components);
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' || s.properties) {
    if (depth > 6) return {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) out[k] = plausible(v, components, depth + 1);
    return out;
  }
  if (type === 'array') return depth > 6 ? [] : [plausible(s.items, components, depth + 1)];
  if (type === 'integer') return typeof s.minimum === 'number' ? s.minimum : 1;
  if (type === 'number') return typeof s.minimum === 'number' ? s.minimum : 1;
  if (type === 'boolean') return true;
  if (s.format === 'date') return '2025-09-29';
  if (s.format === 'date-time') return '2025-09-29T08:00:00.000Z';
  if (s.format === 'email') return 'a@example.cn';
  if (s.format === 'uuid') return randomUUID();
  if (typeof s.pattern === 'string') {
    try {
      return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { numRuns: 1, seed: 1 })[0];
    } catch {
      // a pattern fast-check cannot generate from: fall through
    }
  }
  return 'x'.repeat(Math.max(1, Math.min(typeof s.minLength === 'number' ? s.minLength : 1, 50)));
}

/** A value of another JSON type than the schema asks for (so the validator must refuse it). */
function wrongTypeFor(schema: Schema, components: Record<string, Schema>): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  const type = Array.isArray(s.type) ? s.type[0] : (s.type ?? (s.properties ? 'object' : undefined));
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.integer(), fc.constant(true), fc.constant([]), fc.constant({}), fc.constant(null)),
    integer: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(1.5), fc.constant([]), fc.constant({}), fc.constant(null), fc.constant(true)),
    number: fc.oneof(fc.string({ maxLength: 5 }), fc.constant([]), fc.constant({}), fc.constant(null), fc.constant(false)),
    boolean: fc.oneof(fc.constant('true'), fc.constant(1), fc.constant({}), fc.constant(null)),
    array: fc.oneof(fc.string({ maxLength: 5 }), fc.constant({}), fc.integer(), fc.constant(null)),
    object: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant([]), fc.constant(null), fc.constant(false)),
  };
  return byType[type ?? 'object'] ?? byType.object;
}

/** Every (path, schema, required) of an object value, the root included, for picking where to break it. */
function objectSites(
  value: unknown,
  schema: Schema,
  components: Record<string, Schema>,
  path: (string | number)[] = [],
): { path: (string | number)[]; schema: Schema }[] {
  const s = resolve(schema, components);
  const out: { path: (string | number)[]; schema: Schema }[] = [];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    out.push({ path, schema: s });
    for (const [k, v] of Object.entries(value)) out.push(...objectSites(v, s.properties?.[k] ?? {}, components, [...path, k]));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...objectSites(v, s.items ?? {}, components, [...path, i])));
  }
  return out;
}

function at(root: any, path: (string | number)[]): any {
  return path.reduce((o, k) => o?.[k], root);
}

/** A change to a body: what it breaks, and where (so other changes keep away from it). */
interface Mutation {
  where: (string | number)[];
  apply(body: Record<string, unknown>): string;
}

/** A body that must be refused: a certain defect, plus random changes elsewhere that may or may not be defects. */
function defectiveBody(schema: Schema, components: Record<string, Schema>): fc.Arbitrary<{ body: unknown; defect: string }> {
  const base = plausible(schema, components) as Record<string, unknown>;
  const sites = objectSites(base, schema, components);
  const certain: fc.Arbitrary<Mutation> = fc.oneof(
    // An unknown field anywhere (forbidNonWhitelisted).
    fc
      .record({
        site: fc.constantFrom(...sites),
        key: fc.oneof(fc.constantFrom('extra', 'isAdmin', '$where', 'constructor2'), fc.string({ minLength: 1, maxLength: 20 })),
        value: junkValue,
      })
      .map(({ site, key, value }) => {
        const known = new Set(Object.keys(resolve(site.schema, components).properties ?? {}));
        const name = known.has(key) || key === '__proto__' ? `${key}_unknown` : key;
        return {
          where: [...site.path, name],
          apply(body: Record<string, unknown>) {
            Object.defineProperty(at(body, site.path), name, { value, enumerable: true, configurable: true, writable: true });
            return `unknown field ${[...site.path, name].join('.')}`;
          },
        };
      }),
    // A required field removed, or given another JSON type.
    ...requiredSites(sites, components).map((r) =>
      fc.oneof(
        fc.constant<Mutation>({
          where: [...r.path, r.key],
          apply(body) {
            delete at(body, r.path)[r.key];
            return `missing ${[...r.path, r.key].join('.')}`;
          },
        }),
        wrongTypeFor(r.schema, components).map((value): Mutation => ({
          where: [...r.path, r.key],
          apply(body) {
            at(body, r.path)[r.key] = value;
            return `${[...r.path, r.key].join('.')} of the wrong type (${JSON.stringify(value)?.slice(0, 40)})`;
          },
        })),
      ),
    ),
  );
  // Other changes: a field gets junk (maybe still valid, maybe not), never on the way to the certain defect.
  const leaves = sites.flatMap((site) => Object.keys(at(base, site.path) ?? {}).map((key) => [...site.path, key]));
  const noise = fc.array(fc.record({ leaf: leaves.length ? fc.constantFrom(...leaves) : fc.constant<(string | number)[]>([]), value: junkValue }), {
    maxLength: leaves.length ? 3 : 0,
  });
  return fc.tuple(certain, noise).map(([defect, others]) => {
    const body = structuredClone(base);
    const what = defect.apply(body);
    const related = (a: (string | number)[], b: (string | number)[]) =>
      a.slice(0, b.length).every((k, i) => k === b[i]) || b.slice(0, a.length).every((k, i) => k === a[i]);
    for (const { leaf, value } of others) {
      if (!leaf.length || related(leaf, defect.where)) continue;
      const holder = at(body, leaf.slice(0, -1));
      if (holder && typeof holder === 'object') holder[leaf[leaf.length - 1]] = value;
    }
    return { body, defect: what };
  });
}

function requiredSites(sites: { path: (string | number)[]; schema: Schema }[], components: Record<string, Schema>) {
  return sites.flatMap((site) => {
    const s = resolve(site.schema, components);
    return (s.required ?? []).map((key: string) => ({ path: site.path, key, schema: s.properties?.[key] ?? {} }));
  });
}

/**
 * Bodies the platform refuses whatever the route: broken JSON, a type it takes nowhere, too large. (Multipart is
 * taken by the upload routes, and left unread by a route without a body.)
 */
const unparsableBody: fc.Arbitrary<{ contentType: string | undefined; body: string; defect: string }> = fc.oneof(
  fc
    .record({ cut: fc.nat(), text: fc.json() })
    .map(({ cut, text }) => ({ contentType: 'application/json', body: `{"a": ${text.slice(0, cut % (text.length + 1))}`, defect: 'broken JSON' })),
  fc
    .constantFrom('{', '}', '{"a":1,}', "{'a': 1}", '{"a": NaN}', '{"a": undefined}', '\u0000', '\ufeff{}x', '[', '"')
    .map((body) => ({ contentType: 'application/json', body, defect: 'broken JSON' })),
  fc
    .record({
      contentType: fc.constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'application/octet-stream',
        'text/html',
        'image/png',
        'application/json; charset=utf-16',
        'application/json; charset=latin-9',
        '',
      ),
      body: fc.oneof(fc.constant('{"a":1}'), fc.constant('a=1&b=2'), fc.constant('<a>1</a>'), fc.string({ minLength: 1, maxLength: 200 })),
    })
    .map(({ contentType, body }) => ({ contentType: contentType || undefined, body, defect: `body as ${contentType || 'no content type'}` })),
  fc.constant({ contentType: 'application/json', body: JSON.stringify({ a: 'x'.repeat(300_000) }), defect: 'a body over the size limit' }),
);

/**
 * A lone surrogate escape: JSON.parse (and so the body parser) takes it, so it is no defect for a route that reads no
 * body (mark all read ignores it); a route that reads one must refuse it, not store it (PostgreSQL's jsonb would not).
 */
const loneSurrogate = fc.constant({ contentType: 'application/json', body: '{"a":"\\ud800"}', defect: 'a lone surrogate in JSON' });

/** Bodies that are not a JSON object of the route at all. */
const transportDefect: fc.Arbitrary<{ contentType: string | undefined; body: string; defect: string }> = fc.oneof(
  unparsableBody,
  loneSurrogate,
  fc
    .oneof(
      fc.constant('null'),
      fc.constant('1'),
      fc.constant('"x"'),
      fc.constant('[]'),
      fc.constant('[{}]'),
      fc.constant(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
    )
    .map((body) => ({ contentType: 'application/json', body, defect: 'a JSON body that is not an object of the route' })),
  fc
    .record({ contentType: fc.constantFrom('multipart/form-data; boundary=', 'multipart/form-data'), body: fc.string({ minLength: 1, maxLength: 200 }) })
    .map(({ contentType, body }) => ({ contentType, body, defect: `body as ${contentType}` })),
);

function queryString(op: Operation, components: Record<string, Schema>): fc.Arbitrary<string> {
  const value = (schema: Schema) =>
    fc.oneof({ weight: 1, arbitrary: fc.constant(String(plausible(schema, components))) }, { weight: 3, arbitrary: nastyString });
  const pairs = op.queryParams.map((q) =>
    fc.oneof(
      fc.constant<[string, string][]>([]),
      value(q.schema).map((v): [string, string][] => [[q.name, v]]),
      fc.tuple(value(q.schema), value(q.schema)).map(([a, b]): [string, string][] => [
        [q.name, a],
        [q.name, b],
      ]),
      fc.constant<[string, string][]>([[`${q.name}[a]`, '1']]),
    ),
  );
  const extra = fc.oneof(
    fc.constant<[string, string][]>([]),
    fc.tuple(fc.constantFrom('extra', 'limit', 'page', 'debug', '__proto__'), nastyString).map(([k, v]): [string, string][] => [[k, v]]),
  );
  return fc.tuple(fc.tuple(...pairs, extra), fc.boolean()).map(([groups, raw]) => {
    const all = groups.flat();
    if (!all.length) return '';
    // Mostly encoded; sometimes a broken percent-encoding as it came.
    return `?${all.map(([k, v]) => `${encodeURIComponent(k)}=${raw && v.length < 50 ? v.replace(/[ #&\u0000-\u001f]/g, '') : encodeURIComponent(v)}`).join('&')}`;
  });
}

const pathValue = (existing: string[]) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.uuid().map((u) => encodeURIComponent(u)) },
    { weight: 3, arbitrary: nastyString.filter((s) => s.length > 0 && s.length < 3000).map((s) => encodeURIComponent(s)) },
    { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '%zz', '..', '.', '%2e%2e', '%2F') },
    ...(existing.length ? [{ weight: 3, arbitrary: fc.constantFrom(...existing) }] : []),
  );

export interface FuzzContext {
  components: Record<string, Record<string, Schema>>;
  /** Ids of records that exist: used only where the body's defect guarantees a refusal. */
  existingIds: string[];
  tokenFor(role: string | null, jurisdiction: string): string | undefined;
}

/** Malformed requests for one operation. */
export function requestsFor(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const components = ctx.components[op.service] ?? {};
  const allowed = op.access.public ? [null, ...ROLES] : op.access.roles.length ? op.access.roles : ROLES;
  // A route without a validated body may act on a record that exists: it gets only ids that name nothing.
  const ids = op.bodySchema ? ctx.existingIds : [];
  const params = fc.tuple(...op.pathParams.map(() => pathValue(ids)));
  const body: fc.Arbitrary<{ contentType?: string; body?: string; defect: string }> = op.bodySchema
    ? fc.oneof(
        {
          weight: 4,
          arbitrary: defectiveBody(op.bodySchema, components).map(({ body: b, defect }) => ({
            contentType: 'application/json',
            body: JSON.stringify(b),
            defect,
          })),
        },
        { weight: 2, arbitrary: transportDefect },
      )
    : !op.pathParams.length
      ? // A route that takes nothing (mark all my notices read): without a body it is a well-formed request, and a
        // stray JSON body is ignored; only a body the parser refuses makes it malformed.
        unparsableBody
      : fc.oneof(
          { weight: 2, arbitrary: fc.constant({ defect: 'no body; ids that name nothing' }) },
          { weight: 1, arbitrary: transportDefect },
          {
            weight: 1,
            arbitrary: fc
              .dictionary(fc.string({ maxLength: 10 }), junkValue, { maxKeys: 3 })
              .map((b) => ({ contentType: 'application/json', body: JSON.stringify(b), defect: 'an unexpected JSON body' })),
          },
        );
  const headerJunk = fc.oneof(
    fc.constant<Record<string, string>>({}),
    fc
      .constantFrom('Idempotency-Key', 'X-Correlation-Id', 'Accept', 'X-Forwarded-For')
      .chain((h) => nastyString.map((v) => ({ [h]: v.replace(/[^\x20-\x7e]/g, '').slice(0, 500) }))),
  );
  return fc
    .record({
      params,
      query: queryString(op, components),
      body,
      role: fc.constantFrom(...allowed),
      jurisdiction: fc.constantFrom(...JURISDICTIONS),
      headerJunk,
    })
    .map(({ params: values, query, body: b, role, jurisdiction, headerJunk: extra }) => {
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => values[i++]);
      const headers: Record<string, string> = { ...extra };
      const token = ctx.tokenFor(role, jurisdiction);
      if (token) headers.authorization = `Bearer ${token}`;
      if (b.contentType) headers['content-type'] = b.contentType;
      return {
        service: op.service,
        operationId: op.operationId,
        method: op.method,
        url: `${path}${query}`,
        role,
        jurisdiction,
        headers,
        body: b.body,
        defect: b.defect,
      };
    });
}
