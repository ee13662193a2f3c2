import { Parser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ALL_EVENTS } from '../catalogue';
import { Headers } from '../envelope';
import { staleFiles } from './asyncapi.cli';
import { ASYNCAPI_FILE, generateEventSchemas, NATIONAL_PLATFORM_TAG, renderArtifacts, schemaFileOf, SCHEMAS_DIR } from './asyncapi.generator';

const LIB_DIR = join(__dirname, '..', '..');

/** Every `$ref` in `node`, with the JSON pointer of where it sits. */
function refs(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => refs(n, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refs(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

function resolve(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node && typeof node === 'object' ? node[key] : undefined), doc);
}

describe('published event contract', () => {
  it('is committed as generated (asyncapi.yaml and schemas/)', () => {
    const stale = staleFiles();
    if (stale.length) {
      const list = stale.map((s) => `  ${s.problem}: libs/contracts/${s.path}`).join('\n');
      throw new Error(`The committed event contract is out of date:\n${list}\nRun \`npm run asyncapi\` and commit the result.`);
    }
  });

  it('is deterministic', () => {
    expect(renderArtifacts()).toEqual(renderArtifacts());
  });
});

describe('asyncapi.yaml', () => {
  const doc = parse(readFileSync(join(LIB_DIR, ASYNCAPI_FILE), 'utf8'));

  it('is an AsyncAPI 3.0.0 document with a Kafka server', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.info.title).toBe('Jilin filing evaluation platform events');
    expect(doc.info.description).toContain('吉人社规〔2022〕7号');
    expect(doc.servers.kafka).toMatchObject({ protocol: 'kafka', host: '{KAFKA_BROKERS}' });
    expect(doc.servers.kafka.variables.KAFKA_BROKERS.default).toBeTruthy();
  });

  it('resolves every $ref inside the document', () => {
    const dangling = refs(doc).filter((r) => resolve(doc, r.ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('names components with the characters AsyncAPI allows', () => {
    for (const group of ['channels', 'operations']) for (const id of Object.keys(doc[group])) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const group of Object.values<Record<string, unknown>>(doc.components)) for (const id of Object.keys(group)) expect(id).toMatch(/^[a-zA-Z0-9.\-_]+$/);
  });

  it('has one channel per topic, addressed by the topic name', () => {
    const addresses = Object.values<any>(doc.channels).map((c) => c.address);
    expect(addresses.sort()).toEqual(ALL_EVENTS.map((e) => e.topic).sort());
  });

  it('sends every event once, on its channel, with a message of that channel', () => {
    const ops = Object.values<any>(doc.operations);
    expect(ops).toHaveLength(ALL_EVENTS.length);
    for (const op of ops) {
      expect(op.action).toBe('send');
      const channel = resolve(doc, op.channel.$ref) as any;
      expect(channel).toBeDefined();
      expect(op.messages.length).toBeGreaterThan(0);
      // AsyncAPI 3: an operation's messages must be a subset of its channel's messages.
      for (const m of op.messages) expect(m.$ref.startsWith(`${op.channel.$ref}/messages/`)).toBe(true);
      const event = ALL_EVENTS.find((e) => e.topic === channel.address)!;
      expect(op['x-producer']).toBe(event.producer);
      expect(op['x-consumers']).toEqual(event.consumers);
    }
  });

  it.each(ALL_EVENTS.map((e) => [e.topic, e]))('%s: message has CloudEvents headers, the case id key and the payload schema', (_, e) => {
    const channel = Object.values<any>(doc.channels).find((c) => c.address === e.topic);
    const [ref] = Object.values<any>(channel.messages);
    const message = resolve(doc, ref.$ref) as any;
    expect(message.headers.properties[Headers.type].const).toBe(e.type);
    expect(message.headers.properties[Headers.specversion].const).toBe('1.0');
    expect(message.headers.properties[Headers.contentType].const).toBe('application/json');
    expect(message.headers.properties[Headers.id].format).toBe('uuid');
    expect(message.headers.required).toEqual(expect.arrayContaining([Headers.id, Headers.type, Headers.source, Headers.time, Headers.subject]));
    expect(message.bindings.kafka.key.type).toBe('string');
    expect(message.payload.$ref).toBe(`#/components/schemas/${e.payload.name}`);
    const tagged = (message.tags ?? []).some((t: { name: string }) => t.name === NATIONAL_PLATFORM_TAG);
    expect(tagged).toBe(!!e.external);
  });

  it('passes the official AsyncAPI parser without errors or warnings', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(join(LIB_DIR, ASYNCAPI_FILE), 'utf8'));
    // Severity 0 = error, 1 = warning; information (e.g. "3.1.0 exists") and hints are fine.
    const problems = diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(problems).toEqual([]);
    expect(document).toBeDefined();
  }, 30_000);
});

describe('schemas/*.schema.json', () => {
  const ajv = new Ajv2020({ strict: true });
  addFormats(ajv);

  it.each(ALL_EVENTS.map((e) => [e.topic, e]))('%s: standalone, self-contained draft 2020-12 schema', (_, e) => {
    const schema = JSON.parse(readFileSync(join(LIB_DIR, SCHEMAS_DIR, schemaFileOf(e.topic)), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id.endsWith(`/${schemaFileOf(e.topic)}`)).toBe(true);
    expect(schema.title).toBe(e.payload.name);
    expect(schema.description).toContain(e.topic);
    for (const r of refs(schema)) {
      expect(r.ref.startsWith('#/$defs/')).toBe(true);
      expect(resolve(schema, r.ref)).toBeDefined();
    }
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(schema).toEqual(generateEventSchemas()[e.topic]);
  });

  it('publishes the national filing contract', () => {
    const schema = generateEventSchemas()['publication.filing.issued.v1'];
    expect(schema.description).toContain('国家技能人才评价工作网');
    expect(schema.required).toEqual(expect.arrayContaining(['filingId', 'sequence', 'caseId', 'noticeNumber', 'institution', 'occupations', 'status']));
  });
});
