// A real single-node Apache Kafka broker (KRaft, broker+controller) for development, tests and `npm start`.
// The jars come from Maven Central through Maven (pom.xml beside this file); nothing is downloaded by hand.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');

const ROOT = path.resolve(__dirname, '..', '..');
const KAFKA_VERSION = '3.9.1';

/**
 * `sasl` (optional): { admin: { username, password }, users: [{ username, password }] }: the client listener then
 * speaks SASL_PLAINTEXT with SCRAM-SHA-512 only, the StandardAuthorizer denies whatever no ACL allows, and the admin
 * is the one super user (topics, ACLs, the broker's own connections). The users' SCRAM credentials are written at
 * storage format time, so they exist before the broker first answers (ADR 0013).
 */
function settings(overrides = {}) {
  const port = Number(overrides.port ?? process.env.KAFKA_PORT ?? 9092);
  const controllerPort = Number(overrides.controllerPort ?? process.env.KAFKA_CONTROLLER_PORT ?? port + 1);
  const dataDir = path.resolve(overrides.dataDir ?? process.env.KAFKA_DATA_DIR ?? path.join(ROOT, '.local', `kafka-${port}`));
  const libsDir = path.resolve(process.env.KAFKA_LIBS_DIR ?? path.join(ROOT, '.local', `kafka-libs-${KAFKA_VERSION}`));
  return { port, controllerPort, dataDir, libsDir, brokers: [`127.0.0.1:${port}`], sasl: overrides.sasl };
}

/** The kafkajs options of a client authenticating as `user` ({ username, password }); none for a plaintext broker. */
function clientSecurity(user) {
  return user ? { sasl: { mechanism: 'scram-sha-512', username: user.username, password: user.password } } : {};
}

function jaasQuote(v) {
  if (!/^[\w.@+-]+$/.test(v)) throw new Error(`Kafka SASL user names and passwords here are word characters only, got ${JSON.stringify(v)}`);
  return `"${v}"`;
}

function log(msg) {
  process.stderr.write(`[kafka] ${msg}\n`);
}

/** Copies the broker's runtime jars into libsDir with Maven (once; ~/.m2 caches the downloads). */
function fetchJars(s = settings()) {
  const marker = path.join(s.libsDir, '.complete');
  if (fs.existsSync(marker)) return s.libsDir;
  log(`fetching Apache Kafka ${KAFKA_VERSION} from Maven Central into ${s.libsDir} (first run only)...`);
  fs.mkdirSync(s.libsDir, { recursive: true });
  const res = spawnSync(
    'mvn',
    [
      '-B',
      '--no-transfer-progress',
      '-f',
      path.join(__dirname, 'pom.xml'),
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${s.libsDir}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (res.status !== 0) throw new Error(`Maven could not fetch the Kafka jars (exit ${res.status})`);
  const jars = fs.readdirSync(s.libsDir).filter((f) => f.endsWith('.jar'));
  if (!jars.some((j) => j.startsWith(`kafka_2.13-${KAFKA_VERSION}`))) throw new Error('kafka_2.13 jar missing after fetch');
  fs.writeFileSync(marker, new Date().toISOString());
  log(`fetched ${jars.length} jars`);
  return s.libsDir;
}

function listenerProperties(s) {
  if (!s.sasl) {
    return [
      `listeners=PLAINTEXT://127.0.0.1:${s.port},CONTROLLER://127.0.0.1:${s.controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${s.port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    ];
  }
  const { username, password } = s.sasl.admin;
  const [u, p] = [jaasQuote(username), jaasQuote(password)];
  return [
    `listeners=CLIENT://127.0.0.1:${s.port},CONTROLLER://127.0.0.1:${s.controllerPort}`,
    `advertised.listeners=CLIENT://127.0.0.1:${s.port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=CLIENT',
    'listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT',
    // Clients: SCRAM-SHA-512, credentials in the cluster metadata.
    'listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    `listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=${u} password=${p};`,
    // The controller cannot read SCRAM credentials from the metadata it serves: PLAIN with the admin defined here.
    'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
    'sasl.mechanism.controller.protocol=PLAIN',
    `listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=${u} password=${p} user_${username}=${p};`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    `super.users=User:${username}`,
    'allow.everyone.if.no.acl.found=false',
  ];
}

function serverProperties(s) {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${s.controllerPort}`,
    ...listenerProperties(s),
    `log.dirs=${path.join(s.dataDir, 'data')}`,
    // Topics come from the contracts catalogue only (docs/architecture.md §4).
    'auto.create.topics.enable=false',
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=3',
    'share.coordinator.state.topic.replication.factor=1',
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    'log.segment.bytes=16777216',
    '',
  ].join('\n');
}

function readPid(s) {
  try {
    return Number(fs.readFileSync(path.join(s.dataDir, 'broker.pid'), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

function alive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

/** True when the cluster answers a metadata request (an open port is not enough). */
async function answersMetadata(brokers, timeoutMs = 3000, user = undefined) {
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({
    clientId: 'broker-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    retry: { retries: 0 },
    ...clientSecurity(user),
  }).admin();
  try {
    await admin.connect();
    const meta = await admin.describeCluster();
    return meta.brokers.length > 0 && meta.controller !== null && meta.controller !== undefined;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function waitForMetadata(brokers, { timeoutMs = 120000, pid, user } = {}) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (pid && !alive(pid)) throw new Error('the broker process exited during start-up');
    if (await answersMetadata(brokers, 3000, user)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Kafka at ${brokers.join(',')} did not answer metadata requests within ${timeoutMs} ms`);
}

/**
 * Starts the broker unless one of ours already runs on that port. Returns { brokers, pid, startedNow }.
 */
async function start(overrides = {}) {
  const s = settings(overrides);
  const existing = readPid(s);
  if (alive(existing)) {
    await waitForMetadata(s.brokers, { pid: existing, user: s.sasl?.admin });
    return { brokers: s.brokers, pid: existing, startedNow: false, dataDir: s.dataDir };
  }
  if (await portOpen(s.port)) throw new Error(`port ${s.port} is taken by another process; set KAFKA_PORT or KAFKA_BROKERS`);
  fetchJars(s);
  fs.mkdirSync(path.join(s.dataDir, 'logs'), { recursive: true });
  const propsFile = path.join(s.dataDir, 'server.properties');
  fs.writeFileSync(propsFile, serverProperties(s));
  const idFile = path.join(s.dataDir, 'cluster.id');
  // A base64url id may begin with '-', which the storage tool's argument parser reads as an option: draw again.
  let clusterId = fs.existsSync(idFile) ? fs.readFileSync(idFile, 'utf8').trim() : '';
  while (!/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(clusterId)) clusterId = crypto.randomBytes(16).toString('base64url');
  fs.writeFileSync(idFile, clusterId);
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const jvm = [
    '-Xms256m',
    '-Xmx512m',
    '-XX:+UseSerialGC',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${path.join(__dirname, 'log4j.properties')}`,
    `-Dkafka.logs.dir=${path.join(s.dataDir, 'logs')}`,
    '-cp',
    `${s.libsDir}/*`,
  ];
  // SCRAM users exist from the first start: written into the metadata log when the storage is formatted.
  const scram = s.sasl
    ? [s.sasl.admin, ...s.sasl.users].flatMap((u) => ['--add-scram', `SCRAM-SHA-512=[name=${u.username},password=${jaasQuote(u.password).slice(1, -1)}]`])
    : [];
  const fmt = spawnSync(java, [...jvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propsFile, '--ignore-formatted', ...scram], {
    encoding: 'utf8',
  });
  if (fmt.status !== 0) throw new Error(`formatting Kafka storage failed: ${fmt.stderr || fmt.stdout}`);
  const out = fs.openSync(path.join(s.dataDir, 'logs', 'stdout.log'), 'a');
  log(`starting broker on 127.0.0.1:${s.port} (data ${s.dataDir})`);
  const child = spawn(java, [...jvm, 'kafka.Kafka', propsFile], { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  fs.writeFileSync(path.join(s.dataDir, 'broker.pid'), String(child.pid));
  await waitForMetadata(s.brokers, { pid: child.pid, user: s.sasl?.admin });
  log(`broker ready (pid ${child.pid}${s.sasl ? ', SASL/SCRAM-SHA-512 with ACLs' : ''})`);
  return { brokers: s.brokers, pid: child.pid, startedNow: true, dataDir: s.dataDir };
}

/** Stops our broker by its own pid (SIGTERM = controlled shutdown) and waits for it to exit. */
async function stop(overrides = {}) {
  const s = settings(overrides);
  const pid = readPid(s);
  if (!alive(pid)) {
    log('no broker of ours is running');
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const started = Date.now();
  while (alive(pid)) {
    if (Date.now() - started > 60000) {
      log('broker did not stop within 60 s; killing it');
      process.kill(pid, 'SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fs.rmSync(path.join(s.dataDir, 'broker.pid'), { force: true });
  log(`broker ${pid} stopped`);
  return true;
}

/** Creates every catalogue topic and its .dlt twin; existing topics are left alone. Returns once all have leaders. */
async function createTopics(brokers, topics, user = undefined) {
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({ clientId: 'topic-init', brokers, logLevel: logLevel.NOTHING, ...clientSecurity(user) }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics.filter((t) => !existing.has(t.topic));
    if (wanted.length > 0) {
      // waitForLeaders: false, then our own wait: on KRaft the metadata of a new topic can briefly answer
      // UNKNOWN_TOPIC_OR_PARTITION, which kafkajs' own wait does not retry.
      await admin.createTopics({
        waitForLeaders: false,
        topics: wanted.map((t) => ({
          topic: t.topic,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor ?? 1,
          configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value: String(value) })),
        })),
      });
    }
    await waitForLeaders(
      admin,
      topics.map((t) => t.topic),
    );
    return { created: wanted.map((t) => t.topic), existing: topics.length - wanted.length };
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin, topicNames, timeoutMs = 60000) {
  const started = Date.now();
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: topicNames });
      if (topics.length === topicNames.length && topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (err) {
      if (Date.now() - started > timeoutMs) throw err;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`topics without leaders after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Grants each principal its ACLs ({ user, acls: [{ resource: 'topic'|'group', name, pattern: 'literal'|'prefix',
 * operations: ['Read'|'Write'|'Describe'|'Delete'] }] }, as libs/contracts kafkaAccess derives them), as `admin`.
 */
async function applyAcls(brokers, principals, admin) {
  const { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = require('kafkajs');
  const client = new Kafka({ clientId: 'acl-init', brokers, logLevel: logLevel.NOTHING, ...clientSecurity(admin) }).admin();
  const acl = principals.flatMap((p) =>
    p.acls.flatMap((a) =>
      a.operations.map((op) => ({
        resourceType: a.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
        resourceName: a.name,
        resourcePatternType: a.pattern === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
        principal: `User:${p.user}`,
        host: '*',
        operation: AclOperationTypes[op.toUpperCase()],
        permissionType: AclPermissionTypes.ALLOW,
      })),
    ),
  );
  await client.connect();
  try {
    if (acl.length) await client.createAcls({ acl });
    // The authorizer applies ACLs from the metadata log a moment after they are committed: wait until it lists them.
    for (const started = Date.now(); ;) {
      const { resources } = await client.describeAcls({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      });
      if (resources.reduce((n, r) => n + r.acls.length, 0) >= acl.length) break;
      if (Date.now() - started > 30000) throw new Error('the broker did not list the new ACLs within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    return acl.length;
  } finally {
    await client.disconnect();
  }
}

/** The topic specs of the contracts catalogue: compiled JavaScript in a built image, TypeScript through swc otherwise. */
function catalogueTopics() {
  require('reflect-metadata');
  const compiled = path.join(ROOT, 'libs', 'contracts', 'src', 'topics.js');
  if (fs.existsSync(compiled)) return require(compiled).topicSpecs();
  require('@swc-node/register');
  return require(path.join(ROOT, 'libs', 'contracts', 'src', 'topics.ts')).topicSpecs();
}

function brokersFromEnv() {
  return process.env.KAFKA_BROKERS
    ? process.env.KAFKA_BROKERS.split(',')
        .map((b) => b.trim())
        .filter(Boolean)
    : undefined;
}

module.exports = {
  settings,
  fetchJars,
  start,
  stop,
  createTopics,
  applyAcls,
  clientSecurity,
  catalogueTopics,
  answersMetadata,
  waitForMetadata,
  brokersFromEnv,
  KAFKA_VERSION,
};
