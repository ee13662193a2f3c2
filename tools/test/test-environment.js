// Real PostgreSQL and a real Kafka broker for the test run (no fakes: see the README's testing section).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const broker = require('../kafka/broker');
const { freshDatabase } = require('./fresh-database');

const ROOT = path.resolve(__dirname, '..', '..');
const TEST_KAFKA_PORT = Number(process.env.TEST_KAFKA_PORT ?? 19092);
// One state file per broker port, so parallel runs on different ports do not stop each other's broker.
const STATE = path.join(ROOT, '.local', `test-environment-${TEST_KAFKA_PORT}.json`);

function adminUrl() {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function setUp() {
  const started = Date.now();
  const databaseUrl = process.env.TEST_DATABASE_URL ?? (await freshDatabase(adminUrl(), process.env.TEST_DATABASE_NAME ?? 'filing_test'));
  let brokers = broker.brokersFromEnv();
  let startedBroker = false;
  if (!brokers) {
    const dataDir = path.join(ROOT, '.local', `kafka-test-${TEST_KAFKA_PORT}`);
    const s = broker.settings({ port: TEST_KAFKA_PORT, dataDir });
    const pidFile = path.join(dataDir, 'broker.pid');
    const running = fs.existsSync(pidFile) && (await broker.answersMetadata(s.brokers));
    if (!running) fs.rmSync(dataDir, { recursive: true, force: true });
    const r = await broker.start({ port: TEST_KAFKA_PORT, dataDir });
    brokers = r.brokers;
    startedBroker = r.startedNow;
  }
  const topics = await broker.createTopics(brokers, broker.catalogueTopics());
  fs.mkdirSync(path.dirname(STATE), { recursive: true });
  fs.writeFileSync(STATE, JSON.stringify({ startedBroker, port: TEST_KAFKA_PORT }));
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    NODE_ENV: 'test',
    AUTH_DEV_MODE: 'true',
  });
  process.stderr.write(
    `\n[test] PostgreSQL ${databaseUrl}, Kafka ${brokers.join(',')} (${topics.created.length} topics created) in ${Date.now() - started} ms\n`,
  );
}

/** The run's shared Keycloak (libs/testing startTestKeycloak({ shared: true })), if a spec started one. */
async function stopSharedKeycloak() {
  const home = path.join(ROOT, '.local', `keycloak-test-shared-${TEST_KAFKA_PORT}`);
  const portFile = path.join(home, 'shared-port');
  if (!fs.existsSync(portFile) || process.env.TEST_KEEP_KEYCLOAK === 'true') return;
  const port = Number(fs.readFileSync(portFile, 'utf8'));
  await require('../keycloak/server').stop({ port, mode: 'dev', home }, { remove: true });
}

async function tearDown() {
  await stopSharedKeycloak();
  let state = {};
  try {
    state = JSON.parse(fs.readFileSync(STATE, 'utf8'));
  } catch {
    return;
  }
  if (state.startedBroker && process.env.TEST_KEEP_KAFKA !== 'true') {
    await broker.stop({ port: state.port, dataDir: path.join(ROOT, '.local', `kafka-test-${state.port}`) });
  }
}

module.exports = { setUp, tearDown };
