// Builds the AsyncAPI 3 document and the standalone JSON Schemas from the event catalogue, so the published contract
// can never drift from the classes consumers validate against (docs/architecture.md §4). Pure: no clock, no environment.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { stringify } from 'yaml';
import { ALL_EVENTS, Events } from '../catalogue';
import { EventDefinition, PayloadClass } from '../catalogue.types';
import { CE_SPECVERSION, Headers } from '../envelope';
import { DEFAULT_PARTITIONS, DLT_SUFFIX, topicSpecs } from '../topics';
import contractsPackage from '../../package.json';

export const ASYNCAPI_FILE = 'asyncapi.yaml';
export const SCHEMAS_DIR = 'schemas';
/** Identifier only; it need not resolve. Kept beside the CloudEvents type prefix (reverse-DNS of Jilin HRSS). */
export const SCHEMA_ID_BASE = 'https://hrss.jl.gov.cn/filing/schemas/';
export const NATIONAL_PLATFORM_TAG = 'national-platform';

const COMPONENT_PREFIX = '#/components/schemas/';
const DEFS_PREFIX = '#/$defs/';
const KAFKA_BINDING_VERSION = '0.5.0';
const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

type Schema = Record<string, any>;

const nationalTag = {
  name: NATIONAL_PLATFORM_TAG,
  description: 'Read by the national platform (国家技能人才评价工作网); a breaking change needs a new major topic.',
};

export function schemaFileOf(topic: string): string {
  return `${topic}.schema.json`;
}

// ---------------------------------------------------------------------------------------------------------------
// Payload schemas

/**
 * The payload classes and every class nested in them, by name. Walked from the catalogue rather than read from the
 * global class-validator storage, so classes loaded by other code (service DTOs) cannot leak in or merge by name.
 */
function reachableClasses(): Map<string, PayloadClass> {
  const found = new Map<string, PayloadClass>();
  const visit = (cls: PayloadClass) => {
    const seen = found.get(cls.name);
    if (seen === cls) return;
    if (seen) throw new Error(`two contract classes are named ${cls.name}; schema names must be unique`);
    found.set(cls.name, cls);
    for (const meta of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
      if (meta.type !== ValidationTypes.NESTED_VALIDATION) continue;
      const typeMeta = defaultMetadataStorage.findTypeMetadata(cls, meta.propertyName);
      if (!typeMeta) throw new Error(`${cls.name}.${meta.propertyName} is @ValidateNested without @Type(() => X)`);
      visit(typeMeta.typeFunction() as PayloadClass);
    }
  };
  for (const e of ALL_EVENTS) visit(e.payload);
  return found;
}

/** JSON Schema of every contract class, keyed by class name, nested classes as `#/components/schemas/X` refs. */
export function componentSchemas(): Record<string, Schema> {
  const classes = reachableClasses();
  const out: Record<string, Schema> = {};
  for (const name of [...classes.keys()].sort()) {
    const schema = targetConstructorToSchema(classes.get(name)!, {
      refPointerPrefix: COMPONENT_PREFIX,
      classTransformerMetadataStorage: defaultMetadataStorage,
      // `@IsDefined() @IsObject()` beside `@ValidateNested()` make a nested object required; `required` and the
      // referenced object schema already say so (the default converters would add `not: null` beside the `$ref`).
      additionalConverters: { [ValidationTypes.IS_DEFINED]: {}, isObject: {} },
    }) as Schema;
    out[name] = canonical({ title: name, ...schema });
  }
  return out;
}

function refsOf(node: unknown, acc = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, acc));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') acc.add(v);
      else refsOf(v, acc);
    }
  }
  return acc;
}

function rewriteRefs(node: any, from: string, to: string): any {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, from, to));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace(from, to) : rewriteRefs(v, from, to)]),
    );
  }
  return node;
}

/** Names of the component schemas `name` needs, itself excluded. */
function dependenciesOf(name: string, all: Record<string, Schema>): string[] {
  const deps = new Set<string>();
  const walk = (n: string) => {
    for (const ref of refsOf(all[n])) {
      const dep = ref.slice(COMPONENT_PREFIX.length);
      if (dep !== name && !deps.has(dep)) {
        deps.add(dep);
        walk(dep);
      }
    }
  };
  walk(name);
  return [...deps].sort();
}

function describeEvent(e: EventDefinition): string {
  const lines = [
    e.summary,
    '',
    `Record value of Kafka topic \`${e.topic}\` (CloudEvents type \`${e.type}\`, binary mode; record key = ${e.key === 'caseId' ? 'case id' : e.keyDescription}).`,
    `Produced by ${e.producer}; consumed by ${e.consumers.join(', ')}.`,
    'A producer may add optional properties within a major version: ignore what you do not know.',
  ];
  if (e.external) lines.push('National contract: read by the national platform (国家技能人才评价工作网).');
  return lines.join('\n');
}

/** One self-contained JSON Schema (draft 2020-12) per event payload, keyed by topic. */
export function generateEventSchemas(): Record<string, Schema> {
  const all = componentSchemas();
  const out: Record<string, Schema> = {};
  for (const e of ALL_EVENTS) {
    const name = e.payload.name;
    const defs = Object.fromEntries(dependenciesOf(name, all).map((d) => [d, all[d]]));
    const standalone = {
      ...all[name],
      $schema: JSON_SCHEMA_DIALECT,
      $id: `${SCHEMA_ID_BASE}${schemaFileOf(e.topic)}`,
      description: describeEvent(e),
      ...(Object.keys(defs).length ? { $defs: defs } : {}),
    };
    out[e.topic] = canonical(rewriteRefs(standalone, COMPONENT_PREFIX, DEFS_PREFIX));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// AsyncAPI document

function headersSchema(e: EventDefinition): Schema {
  const text = (description: string) => ({ type: 'string', minLength: 1, description });
  return {
    type: 'object',
    description: 'CloudEvents 1.0 attributes in Kafka binary mode, plus tracing headers. All values are UTF-8 strings.',
    properties: {
      [Headers.id]: { type: 'string', format: 'uuid', description: 'Event id and dedupe key. A redelivery or a replay carries the same id.' },
      [Headers.type]: { type: 'string', const: e.type },
      [Headers.source]: text(
        "URI-reference of the producing service instance: `/services/<service>`, a review instance `/services/review/<jurisdiction>`. Consumers refuse an event whose source is not the topic's producer (and a city review instance's event about another jurisdiction's case).",
      ),
      [Headers.specversion]: { type: 'string', const: CE_SPECVERSION },
      [Headers.time]: { type: 'string', format: 'date-time', description: 'When the event happened (RFC 3339).' },
      [Headers.subject]: text(
        e.key === 'caseId' ? 'The case (application) id; equals the record key and payload `caseId`.' : `The record key: ${e.keyDescription}`,
      ),
      [Headers.contentType]: { type: 'string', const: 'application/json' },
      [Headers.correlationId]: text('Id shared by every event of one chain; equals `ce_id` on the event that starts it.'),
      [Headers.causationId]: text('`ce_id` of the event that caused this one; absent when a person or a timer caused it.'),
    },
    required: [Headers.id, Headers.type, Headers.source, Headers.specversion, Headers.time, Headers.subject, Headers.contentType, Headers.correlationId],
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const infoDescription = [
  'Events of the platform that runs the Jilin filing evaluation procedure for vocational skill level certification',
  'institutions (吉林省职业技能等级认定机构备案评估规程（试行）, 吉人社规〔2022〕7号).',
  '',
  `- **Envelope**: CloudEvents ${CE_SPECVERSION} in Kafka binary mode. The attributes travel as record headers`,
  `  (\`${Headers.id}\`, \`${Headers.type}\`, \`${Headers.source}\`, \`${Headers.specversion}\`, \`${Headers.time}\`, \`${Headers.subject}\`),`,
  `  beside \`${Headers.correlationId}\`, \`${Headers.causationId}\` and \`${Headers.contentType}: application/json\`; the record value is the JSON payload.`,
  '- **Key**: the case (application) id on every case event, so the events of one case stay in order on one partition;',
  '  the calendar event is keyed `calendar-<year>`.',
  `- **Delivery** is at least once. Deduplicate on \`${Headers.id}\`: a redelivered or replayed event keeps its id.`,
  '  Each consuming service reads with its own consumer group (review: one per jurisdiction instance, e.g. `review-220100`).',
  '- **Versions**: topics are named `<service>.<entity>.<event>.v<major>`. A breaking change is a new major topic,',
  '  run beside the old one until consumers move; within a major version only optional properties are added.',
  `- **Dead letters**: every topic has a twin \`<topic>${DLT_SUFFIX}\`. A message that fails validation, or whose handler`,
  `  keeps failing after bounded retries, is copied there unchanged with \`dlt-*\` headers (\`${Headers.dltError}\`,`,
  `  \`${Headers.dltOriginalTopic}\`, \`${Headers.dltOriginalOffset}\`, ...) for an operator to inspect and replay.`,
  `- **National platform** (国家技能人才评价工作网): the operations tagged \`${NATIONAL_PLATFORM_TAG}\` are its contract; their`,
  `  payload schemas are also published standalone in \`${SCHEMAS_DIR}/<topic>.schema.json\`.`,
].join('\n');

/** The AsyncAPI 3.0.0 document for every event of the catalogue. Deterministic: same catalogue, same output. */
export function generateAsyncApi(): object {
  const schemas = componentSchemas();
  const specs = new Map(topicSpecs(DEFAULT_PARTITIONS, 1).map((s) => [s.topic, s]));
  const channels: Schema = {};
  const operations: Schema = {};
  const messages: Schema = {};

  for (const [id, e] of Object.entries(Events) as [string, EventDefinition][]) {
    const tags = e.external ? [nationalTag] : undefined;
    const spec = specs.get(e.topic)!;
    const consumers = `Consumed by: ${e.consumers.join(', ')}.`;

    messages[id] = {
      name: e.payload.name,
      title: e.topic,
      summary: e.summary,
      contentType: 'application/json',
      headers: headersSchema(e),
      payload: { $ref: `${COMPONENT_PREFIX}${e.payload.name}` },
      correlationId: { location: `$message.header#/${Headers.correlationId}` },
      bindings: {
        kafka: {
          key: { type: 'string', minLength: 1, description: e.keyDescription },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
      tags,
    };
    channels[id] = {
      address: e.topic,
      summary: e.summary,
      description: `${consumers}\nDead letters: \`${e.topic}${DLT_SUFFIX}\`.`,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      bindings: {
        kafka: {
          topic: e.topic,
          partitions: spec.partitions,
          topicConfiguration: { 'cleanup.policy': [spec.config!['cleanup.policy']], 'retention.ms': spec.config!['retention.ms'] },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
      tags,
    };
    operations[`send${capitalise(id)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: e.summary,
      description: `Sent by ${e.producer} through its transactional outbox. ${consumers}`,
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      tags,
      'x-producer': e.producer,
      'x-consumers': e.consumers,
    };
  }

  return canonical(
    dropUndefined({
      asyncapi: '3.0.0',
      id: 'urn:cn.gov.jl.hrss.filing:events',
      info: {
        title: 'Jilin filing evaluation platform events',
        version: contractsPackage.version,
        description: infoDescription,
        tags: [nationalTag],
      },
      defaultContentType: 'application/json',
      servers: {
        kafka: {
          host: '{KAFKA_BROKERS}',
          protocol: 'kafka',
          description: 'The platform Kafka cluster; topics are created explicitly, never auto-created.',
          variables: {
            KAFKA_BROKERS: { default: 'localhost:9092', description: 'Comma-separated bootstrap brokers (the services read `KAFKA_BROKERS`).' },
          },
          bindings: { kafka: { bindingVersion: KAFKA_BINDING_VERSION } },
        },
      },
      channels,
      operations,
      components: { messages, schemas },
    }),
  );
}

/** The generated files, paths relative to libs/contracts. The CLI writes them; the drift spec compares them. */
export function renderArtifacts(): { path: string; content: string }[] {
  const files = [{ path: ASYNCAPI_FILE, content: stringify(generateAsyncApi(), { blockQuote: 'literal', lineWidth: 0 }) }];
  for (const [topic, schema] of Object.entries(generateEventSchemas())) {
    files.push({ path: `${SCHEMAS_DIR}/${schemaFileOf(topic)}`, content: `${JSON.stringify(schema, null, 2)}\n` });
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// Stable output

/** Keys a reader looks for first; the rest follow alphabetically. Maps of names keep their given order. */
const KEY_ORDER = [
  'asyncapi',
  'id',
  'info',
  'servers',
  'defaultContentType',
  'channels',
  'operations',
  'components',
  '$schema',
  '$id',
  '$ref',
  'address',
  'action',
  'channel',
  'host',
  'protocol',
  'name',
  'title',
  'version',
  'summary',
  'description',
  'type',
  'const',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'items',
  'minItems',
  'uniqueItems',
  'contentType',
  'headers',
  'payload',
  'properties',
  'required',
  'messages',
];
const NAME_MAPS = new Set(['properties', 'channels', 'operations', 'messages', 'variables', 'servers', 'schemas', '$defs']);

function rank(key: string): number {
  const i = KEY_ORDER.indexOf(key);
  return i === -1 ? KEY_ORDER.length : i;
}

function canonical<T>(node: T, parentKey = ''): T {
  if (Array.isArray(node)) return node.map((n) => canonical(n)) as T;
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  if (!NAME_MAPS.has(parentKey)) {
    entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v, NAME_MAPS.has(parentKey) ? '' : k)])) as T;
}

function dropUndefined<T>(node: T): T {
  return JSON.parse(JSON.stringify(node)) as T;
}
