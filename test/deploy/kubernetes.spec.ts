import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadAuthConfig } from '@filing/auth';
import { ALL_EVENTS, DEFAULT_PARTITIONS, dltOf, kafkaAccess, KafkaPrincipal, topicSpecs } from '@filing/contracts';

/**
 * deploy/: the generated kustomize base is up to date, every overlay renders with `kubectl kustomize` (KUBECTL picks
 * another binary, e.g. an old kubectl with kustomize v2), and what it renders validates against the Kubernetes
 * schemas (kubernetes-models) and our Strimzi KafkaTopic schema — and says what provincial and city IT rely on.
 */
const root = path.resolve(__dirname, '..', '..');
const kubectl = process.env.KUBECTL ?? 'kubectl';
// eslint-disable-next-line @typescript-eslint/no-require-imports
// The cluster's ports are the local platform's without PORT_OFFSET (basePort).
const processes: Array<{ name: string; dir: string; port: number; env: Record<string, string> }> = require('../../tools/services.js').map(
  (p: { basePort: number }) => ({ ...p, port: p.basePort }),
);

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
  return {
    yaml: r.stdout,
    resources: parseAllDocuments(r.stdout)
      .map((d) => d.toJS())
      .filter(Boolean),
  };
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

/** What a KafkaUser must say for a principal of the catalogue (kafkaAccess), in Strimzi's words. */
const strimziAcls = (p: KafkaPrincipal) =>
  p.acls.map((a) => ({ resource: { type: a.resource, name: a.name, patternType: a.pattern }, operations: a.operations, host: '*' }));
const principalOf = (proc: { dir: string; env: Record<string, string> }) => kafkaAccess(proc.dir as never, proc.env.REVIEW_JURISDICTION);
const writes = (user: Resource) =>
  user.spec.authorization.acls
    .filter((a: Resource) => a.resource.type === 'topic' && a.operations.includes('Write'))
    .map((a: Resource) => a.resource.name as string);
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
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
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
      // The console serves files and a proxy, no /metrics of its own.
      if (d.metadata.name === 'console') continue;
      expect(d.spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/path': '/metrics',
        'prometheus.io/port': envValue(main, 'PORT').value,
      });
    }
  });

  it('starts the image as the service, migrates in an init container, and resolves every ConfigMap it reads', () => {
    const configMaps = new Set(ofKind(rendered.resources, 'ConfigMap').map((c) => c.metadata.name));
    for (const d of ofKind(rendered.resources, 'Deployment').filter((x) => x.metadata.name !== 'console')) {
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

  it('runs all five services and the console in namespace jl-filing', () => {
    expect(
      ofKind(resources, 'Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...serviceDirs, 'console'].sort());
    expect(
      ofKind(resources, 'Service')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...serviceDirs, 'console'].sort());
    expect(serviceDirs.sort()).toEqual(['assessment', 'expert-pool', 'intake', 'notification', 'publication', 'review']);
    for (const r of resources) expect(r.metadata.namespace).toBe('jl-filing');
  });

  it('runs the province review instance, leaving Changchun to its own (tools/services.js review-220000)', () => {
    const province = processes.find((p) => p.name === 'review-220000')!;
    expect(configMap(resources, 'review-config').data).toEqual({ REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' });
    expect(configMap(resources, 'review-config').data).toEqual(province.env);
    expect(configMap(resources, 'platform-config').data.KAFKA_BROKERS).toBe(PROVINCE_BOOTSTRAP);
  });

  it('serves the console behind a TLS Ingress, in production mode, with review routed to the instance of each jurisdiction', () => {
    const [ingress] = ofKind(resources, 'Ingress');
    expect(ingress.spec.tls[0].secretName).toBe('console-tls');
    expect(ingress.spec.rules[0].http.paths).toEqual([{ path: '/', pathType: 'Prefix', backend: { service: { name: 'console', port: { name: 'http' } } } }]);
    const pod = named(resources, 'Deployment', 'console').spec.template.spec;
    const [main] = pod.containers;
    expect(main.command).toEqual(['node', 'apps/console/server/main.js']);
    expect(fs.existsSync(path.join(root, 'apps', 'console', 'server', 'main.ts'))).toBe(true);
    expect(envValue(main, 'NODE_ENV').value).toBe('production');
    expect(envValue(main, 'PUBLICATION_URL').value).toBe(`http://publication:${processes.find((p) => p.dir === 'publication')!.port}`);
    expect(pod.initContainers).toBeUndefined();
    const routes = JSON.parse(configMap(resources, 'console-config').data.REVIEW_INSTANCES);
    const cityOverlays = fs
      .readdirSync(path.join(root, 'deploy', 'overlays'))
      .filter((d) => /^city-\d{6}$/.test(d))
      .map((d) => d.slice('city-'.length));
    expect(Object.keys(routes).sort()).toEqual(['220000', ...cityOverlays].sort());
    for (const city of cityOverlays) expect(routes[city]).toBe(`http://review.jl-filing-${city}.svc:3002`);
    // Services trust the console's X-Forwarded-For (objection limits are per visitor).
    expect(configMap(resources, 'platform-config').data.TRUST_PROXY).toBe('uniquelocal');
  });

  it('leaves to its own instance every city that has an overlay, and only those', () => {
    const cityOverlays = fs
      .readdirSync(path.join(root, 'deploy', 'overlays'))
      .filter((d) => /^city-\d{6}$/.test(d))
      .map((d) => d.slice('city-'.length));
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

describe('Kafka users: every process authenticates as its own SCRAM user with the ACLs the catalogue gives it', () => {
  const province = render('province').resources;
  const city = render('city-220100').resources;

  it('the province runs one KafkaUser per process of its own, with exactly the ACLs of kafkaAccess', () => {
    const own = processes.filter((p) => !(p.dir === 'review' && p.env.REVIEW_JURISDICTION !== '220000'));
    const users = ofKind(province, 'KafkaUser');
    expect(users.map((u) => u.metadata.name).sort()).toEqual(own.map((p) => principalOf(p).user).sort());
    for (const p of own) {
      const user = named(province, 'KafkaUser', principalOf(p).user);
      expect(user.metadata.labels['strimzi.io/cluster']).toBe(KAFKA_CLUSTER);
      expect(user.spec).toEqual({ authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls: strimziAcls(principalOf(p)) } });
    }
  });

  it('a service writes only its own topics and the dead-letter twins of what it consumes; reads only what it consumes; no cluster rights', () => {
    for (const user of [...ofKind(province, 'KafkaUser'), ...ofKind(city, 'KafkaUser')]) {
      const service = user.metadata.labels['app.kubernetes.io/name'];
      const allowed = ALL_EVENTS.filter((e) => e.producer === service).map((e) => e.topic);
      const twins = ALL_EVENTS.filter((e) => e.consumers.includes(service)).map((e) => dltOf(e.topic));
      expect(writes(user).sort()).toEqual([...allowed, ...twins].sort());
      const reads = user.spec.authorization.acls
        .filter((a: Resource) => a.resource.type === 'topic' && a.operations.includes('Read'))
        .map((a: Resource) => a.resource.name);
      expect(reads.sort()).toEqual(
        ALL_EVENTS.filter((e) => e.consumers.includes(service))
          .flatMap((e) => [e.topic, dltOf(e.topic)])
          .sort(),
      );
      expect(user.spec.authorization.acls.filter((a: Resource) => !['topic', 'group'].includes(a.resource.type))).toEqual([]);
      expect(
        user.spec.authorization.acls
          .filter((a: Resource) => a.resource.type === 'group' && a.resource.patternType === 'literal')
          .map((a: Resource) => a.resource.name),
      ).toEqual([user.metadata.name]);
    }
  });

  it("Changchun's user writes only what a review instance produces, in the city's namespace, and its Deployment uses it", () => {
    const users = ofKind(city, 'KafkaUser');
    expect(users.map((u) => `${u.metadata.namespace}/${u.metadata.name}`)).toEqual(['jl-filing-220100/review-220100']);
    expect(
      writes(users[0])
        .filter((t: string) => !t.endsWith('.dlt'))
        .every((t: string) => t.startsWith('review.')),
    ).toBe(true);
    const [review] = named(city, 'Deployment', 'review').spec.template.spec.containers;
    expect(envValue(review, 'KAFKA_USERNAME').value).toBe('review-220100');
    expect(envValue(review, 'KAFKA_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'review-220100', key: 'password' });
    expect(render('city-220100').yaml).not.toContain('review-220000');
  });

  it('every province service reads its password from its own KafkaUser Secret, over SCRAM-SHA-512', () => {
    expect(configMap(province, 'platform-config').data.KAFKA_SASL_MECHANISM).toBe('scram-sha-512');
    expect(configMap(city, 'platform-config').data.KAFKA_SASL_MECHANISM).toBe('scram-sha-512');
    for (const dir of serviceDirs) {
      const [main] = named(province, 'Deployment', dir).spec.template.spec.containers;
      const user = principalOf(processes.find((p) => p.dir === dir && (p.dir !== 'review' || p.env.REVIEW_JURISDICTION === '220000'))!).user;
      expect(envValue(main, 'KAFKA_USERNAME').value).toBe(user);
      expect(envValue(main, 'KAFKA_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: user, key: 'password' });
      expect(named(province, 'KafkaUser', user)).toBeDefined();
    }
  });
});

describe('the city-220100 overlay', () => {
  const { resources } = render('city-220100');

  it("runs only Changchun's review service and its KafkaUser, in its own namespace, with no Kafka topics", () => {
    expect(resources.map((r) => `${r.kind}/${r.metadata.name.replace(/-[a-z0-9]{10}$/, '')}`).sort()).toEqual([
      'ConfigMap/platform-config',
      'ConfigMap/review-config',
      'Deployment/review',
      'KafkaUser/review-220100',
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

describe('keys: the identity provider is configuration, and no namespace holds a key that can sign', () => {
  const auth = (overlay: string) => {
    const data = configMap(render(overlay).resources, 'platform-config').data;
    return Object.fromEntries(Object.entries(data).filter(([k]) => k.startsWith('AUTH_'))) as Record<string, string>;
  };

  it.each(['province', 'city-220100'])('%s: verifies asymmetric signatures through the JWKS over https, as production accepts', (overlay) => {
    const settings = auth(overlay);
    expect(settings).toMatchObject({
      AUTH_JWKS_URL: expect.stringMatching(/^https:\/\//),
      AUTH_ISSUER: expect.stringMatching(/^https:\/\//),
      AUTH_AUDIENCE: 'jl-filing',
      AUTH_ALGORITHMS: 'RS256',
      AUTH_CLIENT_ID: expect.any(String),
    });
    expect(loadAuthConfig({ NODE_ENV: 'production', ...settings }).key).toMatchObject({ kind: 'jwks', algorithms: ['RS256'] });
    expect(render(overlay).yaml).not.toMatch(/AUTH_HS256_SECRET|AUTH_PUBLIC_KEY|PRIVATE KEY/);
  });

  it('the city trusts the same identity provider as the province and holds only its public settings', () => {
    expect(auth('city-220100')).toEqual(auth('province'));
    expect(ofKind(render('city-220100').resources, 'Secret')).toEqual([]);
  });
});

describe('the schema check is not a rubber stamp', () => {
  const { resources } = render('province');

  it('refuses a deliberately broken copy of a Deployment, a Service, a KafkaTopic and a KafkaUser, and an unknown kind', () => {
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
    const user = structuredClone(ofKind(resources, 'KafkaUser')[0]);
    user.spec.authentication.type = 'password';
    user.spec.authorization.acls[0].operations = ['Scribble'];
    delete user.metadata.labels['strimzi.io/cluster'];
    const unknown = { apiVersion: 'example.gov.cn/v1', kind: 'Widget', metadata: { name: 'w' } };

    const { status, report } = validate(toYaml([deployment, service, topic, user, unknown]));
    expect(status).toBe(1);
    const errorsOf = (kind: string) => report.invalid.find((i) => i.kind === kind)!.errors.join('\n');
    expect(report.invalid.map((i) => i.kind)).toEqual(['Deployment', 'Service', 'KafkaTopic', 'KafkaUser', 'Widget']);
    expect(errorsOf('KafkaUser')).toMatch(/authentication\/type must be equal to one of the allowed values/);
    expect(errorsOf('KafkaUser')).toMatch(/operations\/0 must be equal to one of the allowed values/);
    expect(errorsOf('KafkaUser')).toMatch(/strimzi\.io\/cluster/);
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
