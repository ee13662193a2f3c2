import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ALL_EVENTS, DEFAULT_PARTITIONS, dltOf, topicSpecs } from '@filing/contracts';

/**
 * deploy/: the generated kustomize base is up to date, every overlay renders with `kubectl kustomize` (KUBECTL picks
 * another binary, e.g. an old kubectl with kustomize v2), and what it renders validates against the Kubernetes
 * schemas (kubernetes-models) and our Strimzi KafkaTopic schema — and says what provincial and city IT rely on.
 */
const root = path.resolve(__dirname, '..', '..');
const kubectl = process.env.KUBECTL ?? 'kubectl';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const processes: Array<{ name: string; dir: string; port: number; env: Record<string, string> }> = require('../../tools/services.js');

const KAFKA_CLUSTER = 'jl-filing-kafka';
const PROVINCE_BOOTSTRAP = 'jl-filing-kafka-kafka-bootstrap.jl-filing.svc:9092';
const TOPIC_REPLICAS = 3;

type Resource = any;

function run(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  return r;
}

function render(overlay: string): { yaml: string; resources: Resource[] } {
  const r = run(kubectl, ['kustomize', path.join('deploy', 'overlays', overlay)]);
  if (r.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed (${r.status}):\n${r.stderr}`);
  return { yaml: r.stdout, resources: parseAllDocuments(r.stdout).map((d) => d.toJS()).filter(Boolean) };
}

function validate(yaml: string): { status: number | null; report: { resources: number; invalid: Array<{ kind: string; name: string; errors: string[] }> } } {
  const r = run(process.execPath, [path.join('tools', 'deploy', 'validate.mjs')], yaml);
  if (r.status === 2 || !r.stdout) throw new Error(`validator crashed:\n${r.stderr}`);
  return { status: r.status, report: JSON.parse(r.stdout) };
}

const toYaml = (docs: Resource[]) => docs.map((d) => JSON.stringify(d)).join('\n---\n');
const ofKind = (resources: Resource[], kind: string) => resources.filter((r) => r.kind === kind);
const named = (resources: Resource[], kind: string, name: string) => resources.find((r) => r.kind === kind && r.metadata.name === name);
/** Generated ConfigMaps carry a content hash suffix: `review-config-5h8m...`. */
const configMap = (resources: Resource[], base: string) => {
  const found = ofKind(resources, 'ConfigMap').filter((c) => c.metadata.name.replace(/-[a-z0-9]{10}$/, '') === base);
  expect(found).toHaveLength(1);
  return found[0];
};
const envValue = (container: Resource, name: string) => container.env?.find((e: Resource) => e.name === name);

const serviceDirs = [...new Set(processes.map((p) => p.dir))];
const expectedTopics = topicSpecs(DEFAULT_PARTITIONS, TOPIC_REPLICAS);

describe('the generated kustomize base (npm run deploy:generate)', () => {
  it('is up to date with tools/services.js and the contracts catalogue', () => {
    const r = run(process.execPath, [path.join('tools', 'deploy', 'generate.js'), '--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('--check names the files that are out of date or not generated', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-base-'));
    try {
      fs.cpSync(path.join(root, 'deploy', 'base'), copy, { recursive: true });
      fs.appendFileSync(path.join(copy, 'services', 'intake', 'service.yaml'), '# hand edit\n');
      fs.rmSync(path.join(copy, 'kafka-topics', 'kafka-topics.yaml'));
      fs.writeFileSync(path.join(copy, 'left-over.yaml'), 'kind: ConfigMap\n');
      const r = run(process.execPath, [path.join('tools', 'deploy', 'generate.js'), '--check', '--base', copy]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`out of date: ${path.join(copy, 'services', 'intake', 'service.yaml')}`);
      expect(r.stderr).toContain(`out of date: ${path.join(copy, 'kafka-topics', 'kafka-topics.yaml')}`);
      expect(r.stderr).toContain(`not generated (remove it): ${path.join(copy, 'left-over.yaml')}`);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe.each(['province', 'city-220100'])('overlay %s', (overlay) => {
  const rendered = render(overlay);

  it('renders and every resource validates against the Kubernetes (and Strimzi KafkaTopic) schemas', () => {
    expect(rendered.resources.length).toBeGreaterThan(0);
    const { status, report } = validate(rendered.yaml);
    expect(report.invalid).toEqual([]);
    expect(report.resources).toBe(rendered.resources.length);
    expect(status).toBe(0);
  });

  it('runs every container with requests and limits, non-root, and probes on /health/ready and /health/live', () => {
    const deployments = ofKind(rendered.resources, 'Deployment');
    expect(deployments.length).toBeGreaterThan(0);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number) });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      for (const c of [...pod.initContainers, ...pod.containers]) {
        expect({ container: c.name, resources: c.resources }).toEqual({
          container: c.name,
          resources: { requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { cpu: expect.any(String), memory: expect.any(String) } },
        });
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, runAsNonRoot: true });
      }
      const [main] = pod.containers;
      expect(pod.containers).toHaveLength(1);
      expect(main.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(main.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(main.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: Number(envValue(main, 'PORT').value) })]);
      expect(d.spec.template.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics', 'prometheus.io/port': envValue(main, 'PORT').value });
    }
  });

  it('starts the image as the service, migrates in an init container, and resolves every ConfigMap it reads', () => {
    const configMaps = new Set(ofKind(rendered.resources, 'ConfigMap').map((c) => c.metadata.name));
    for (const d of ofKind(rendered.resources, 'Deployment')) {
      const svc = d.metadata.name;
      const pod = d.spec.template.spec;
      const [main] = pod.containers;
      const [migrate] = pod.initContainers;
      const port = processes.find((p) => p.dir === svc)!.port;
      expect(main.image).toMatch(/^jilin-filing\/service:/);
      expect(migrate.image).toBe(main.image);
      expect(Object.fromEntries(main.env.filter((e: Resource) => 'value' in e).map((e: Resource) => [e.name, e.value]))).toMatchObject({
        SERVICE: svc,
        PORT: String(port),
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
        MIGRATE_ON_START: 'false',
      });
      expect(fs.existsSync(path.join(root, 'services', svc, 'src', 'main.ts'))).toBe(true);
      // The image holds compiled JavaScript: services/<svc>/src/migrate.ts becomes migrate.js (tools/build.js).
      expect(migrate.command).toEqual(['node', `services/${svc}/src/migrate.js`]);
      expect(fs.existsSync(path.join(root, 'services', svc, 'src', 'migrate.ts'))).toBe(true);
      // Secrets come by reference only; both containers reach the same database.
      expect(envValue(main, 'DATABASE_URL').valueFrom.secretKeyRef).toEqual(envValue(migrate, 'DATABASE_URL').valueFrom.secretKeyRef);
      expect(envValue(main, 'DATABASE_URL').value).toBeUndefined();
      expect(main.envFrom).toContainEqual({ secretRef: { name: 'filing-auth' } });
      for (const c of [main, migrate]) {
        for (const ref of c.envFrom.filter((e: Resource) => e.configMapRef)) expect(configMaps).toContain(ref.configMapRef.name);
      }
      const service = named(rendered.resources, 'Service', svc);
      expect(service.spec.selector).toEqual(d.spec.selector.matchLabels);
      expect(d.spec.template.metadata.labels).toMatchObject(service.spec.selector);
      expect(service.spec.ports).toEqual([expect.objectContaining({ port, targetPort: 'http' })]);
    }
    expect(ofKind(rendered.resources, 'Secret')).toEqual([]);
  });
});

describe('the province overlay', () => {
  const { resources } = render('province');

  it('runs all five services in namespace jl-filing', () => {
    expect(ofKind(resources, 'Deployment').map((d) => d.metadata.name).sort()).toEqual([...serviceDirs].sort());
    expect(ofKind(resources, 'Service').map((d) => d.metadata.name).sort()).toEqual([...serviceDirs].sort());
    expect(serviceDirs.sort()).toEqual(['assessment', 'expert-pool', 'intake', 'publication', 'review']);
    for (const r of resources) expect(r.metadata.namespace).toBe('jl-filing');
  });

  it('runs the province review instance, leaving Changchun to its own (tools/services.js review-220000)', () => {
    const province = processes.find((p) => p.name === 'review-220000')!;
    expect(configMap(resources, 'review-config').data).toEqual({ REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' });
    expect(configMap(resources, 'review-config').data).toEqual(province.env);
    expect(configMap(resources, 'platform-config').data.KAFKA_BROKERS).toBe(PROVINCE_BOOTSTRAP);
  });

  it('leaves to its own instance every city that has an overlay, and only those', () => {
    const cityOverlays = fs.readdirSync(path.join(root, 'deploy', 'overlays')).filter((d) => /^city-\d{6}$/.test(d)).map((d) => d.slice('city-'.length));
    expect(cityOverlays).toContain('220100');
    expect(configMap(resources, 'review-config').data.REVIEW_CITY_INSTANCES.split(',').sort()).toEqual(cityOverlays.sort());
  });

  it('creates every catalogue topic and its .dlt twin as a Strimzi KafkaTopic of the province cluster', () => {
    const topics = ofKind(resources, 'KafkaTopic');
    expect(topics.map((t) => t.spec.topicName).sort()).toEqual(expectedTopics.map((t) => t.topic).sort());
    const names = topics.map((t) => t.metadata.name);
    for (const e of ALL_EVENTS) expect(names).toEqual(expect.arrayContaining([e.topic, dltOf(e.topic)]));
    expect(topics).toHaveLength(2 * ALL_EVENTS.length);
    for (const t of topics) {
      const spec = expectedTopics.find((s) => s.topic === t.spec.topicName)!;
      expect(t.apiVersion).toBe('kafka.strimzi.io/v1beta2');
      expect(t.metadata.labels['strimzi.io/cluster']).toBe(KAFKA_CLUSTER);
      expect(t.spec).toEqual({ topicName: spec.topic, partitions: spec.partitions, replicas: spec.replicationFactor, config: spec.config });
    }
  });
});

describe('the city-220100 overlay', () => {
  const { resources } = render('city-220100');

  it("runs only Changchun's review service, in its own namespace, with no Kafka topics", () => {
    expect(resources.map((r) => `${r.kind}/${r.metadata.name.replace(/-[a-z0-9]{10}$/, '')}`).sort()).toEqual([
      'ConfigMap/platform-config',
      'ConfigMap/review-config',
      'Deployment/review',
      'Service/review',
    ]);
    for (const r of resources) expect(r.metadata.namespace).toBe('jl-filing-220100');
  });

  it('serves jurisdiction 220100 (tools/services.js review-220100) against the province Kafka, with its own database Secret', () => {
    const city = processes.find((p) => p.name === 'review-220100')!;
    expect(configMap(resources, 'review-config').data).toEqual({ REVIEW_JURISDICTION: '220100' });
    expect(configMap(resources, 'review-config').data).toEqual(city.env);
    expect(configMap(resources, 'platform-config').data.KAFKA_BROKERS).toBe(PROVINCE_BOOTSTRAP);
    const pod = named(resources, 'Deployment', 'review').spec.template.spec;
    for (const c of [...pod.initContainers, ...pod.containers]) {
      expect(envValue(c, 'DATABASE_URL').valueFrom.secretKeyRef).toEqual({ name: 'review-220100-database', key: 'DATABASE_URL' });
    }
  });
});

describe('the schema check is not a rubber stamp', () => {
  const { resources } = render('province');

  it('refuses a deliberately broken copy of a Deployment, a Service and a KafkaTopic, and an unknown kind', () => {
    const deployment = structuredClone(named(resources, 'Deployment', 'review'));
    deployment.spec.replicas = 'two';
    delete deployment.spec.selector;
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    deployment.spec.template.spec.containers[0].resources.limits.memory = 'half a gigabyte';
    const service = structuredClone(named(resources, 'Service', 'intake'));
    delete service.spec.ports[0].port;
    const topic = structuredClone(ofKind(resources, 'KafkaTopic')[0]);
    topic.spec.partitions = 0;
    topic.spec.replica = topic.spec.replicas;
    delete topic.spec.replicas;
    delete topic.metadata.labels['strimzi.io/cluster'];
    const unknown = { apiVersion: 'example.gov.cn/v1', kind: 'Widget', metadata: { name: 'w' } };

    const { status, report } = validate(toYaml([deployment, service, topic, unknown]));
    expect(status).toBe(1);
    const errorsOf = (kind: string) => report.invalid.find((i) => i.kind === kind)!.errors.join('\n');
    expect(report.invalid.map((i) => i.kind)).toEqual(['Deployment', 'Service', 'KafkaTopic', 'Widget']);
    expect(errorsOf('Deployment')).toMatch(/\/spec\/replicas must be integer/);
    expect(errorsOf('Deployment')).toMatch(/selector/);
    expect(errorsOf('Deployment')).toMatch(/containerPort must be integer/);
    expect(errorsOf('Deployment')).toMatch(/limits\/memory/);
    expect(errorsOf('Service')).toMatch(/required property '?port'?/);
    expect(errorsOf('KafkaTopic')).toMatch(/partitions must be >= 1/);
    expect(errorsOf('KafkaTopic')).toMatch(/required property '?replicas'?/);
    expect(errorsOf('KafkaTopic')).toMatch(/strimzi\.io\/cluster/);
    expect(errorsOf('Widget')).toMatch(/no schema for apiVersion example.gov.cn\/v1 kind Widget/);
  });
});
