#!/usr/bin/env node
// `npm start`: the whole platform on this machine. Starts (or reuses) a real Kafka broker, uses the local
// PostgreSQL (or DATABASE_URL), starts every service plus Changchun's review instance, waits until all are ready and
// prints where everything is. Ctrl-C stops everything it started, Kafka included.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const broker = require('@filing/kafka-local');
const services = require('./services');

const ROOT = path.resolve(__dirname, '..');
const LOGS = path.join(ROOT, '.local', 'logs');
const children = [];
let kafkaStartedHere = false;
let stopping = false;

function say(msg) {
  process.stdout.write(`${msg}\n`);
}

async function waitReady(s, child) {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${s.name} exited during start-up (code ${child.exitCode}); see ${path.join(LOGS, `${s.name}.log`)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${s.name} not ready after 120 s; see ${path.join(LOGS, `${s.name}.log`)}`);
}

async function devToken(claims) {
  require('@swc-node/register');
  require('reflect-metadata');
  const { issueDevToken } = require(path.join(ROOT, 'libs', 'auth', 'src', 'dev-token.ts'));
  return issueDevToken({ ttl: '12h', ...claims });
}

function portOf(name) {
  return services.find((s) => s.name === name).port;
}

/**
 * Demo data, loaded through the services' own APIs once they are ready: a few dozen experts for every level that
 * keeps an expert database (skipped for a level that already has experts, so restarts change nothing). The
 * jurisdictions and the default evaluation standards ship with the services as data; this only shows they are there.
 */
async function loadDemoData() {
  require('@swc-node/register');
  const { demoExperts } = require(path.join(ROOT, 'tools', 'demo', 'demo-experts.ts'));
  const data = require(path.join(ROOT, 'libs', 'contracts', 'src', 'vocabulary', 'jurisdictions.json'));
  const configured = (process.env.EXPERT_DATABASE_LEVELS ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  const levels = configured.length ? data.jurisdictions.filter((j) => configured.includes(j.code)) : data.jurisdictions.filter((j) => j.hasOwnExpertDatabase);
  const expertPool = `http://127.0.0.1:${portOf('expert-pool')}`;
  say(`\nDemo data: ${data.jurisdictions.length} jurisdictions (libs/contracts/src/vocabulary/jurisdictions.json); expert databases:`);
  for (const [i, level] of levels.entries()) {
    const token = await devToken({ roles: ['center-staff'], jurisdiction: level.code, sub: `demo-loader-${level.code}` });
    const auth = { authorization: `Bearer ${token}` };
    const listed = await fetch(`${expertPool}/experts?limit=1`, { headers: auth });
    if (listed.status !== 200) throw new Error(`expert-pool: GET /experts for ${level.code} answered ${listed.status} ${await listed.text()}`);
    const { total } = await listed.json();
    if (total > 0) {
      say(`  ${level.code} ${level.name.padEnd(10)} already has ${total} experts; nothing loaded`);
      continue;
    }
    const experts = demoExperts(level.code, level.name, 36, (i + 1) * 1000);
    const res = await fetch(`${expertPool}/experts/imports`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(experts) });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`expert-pool: importing the ${level.code} demo experts answered ${res.status} ${JSON.stringify(body)}`);
    say(`  ${level.code} ${level.name.padEnd(10)} loaded ${body.imported ?? experts.length} demo experts`);
  }
  const admin = await devToken({ roles: ['admin'], jurisdiction: '220000', sub: 'demo-loader' });
  const standards = await fetch(`http://127.0.0.1:${portOf('assessment')}/standards`, { headers: { authorization: `Bearer ${admin}` } });
  if (standards.status !== 200) throw new Error(`assessment: GET /standards answered ${standards.status}`);
  say('Evaluation standards loaded (assessment, shipped data):');
  for (const s of await standards.json()) say(`  ${s.standardId} v${s.version} (${s.institutionKind}) from ${s.effectiveFrom}${s.provisional ? ', provisional' : ''}: ${s.title}`);
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('\nstopping...');
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  if (kafkaStartedHere) await broker.stop();
  say('stopped.');
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  fs.mkdirSync(LOGS, { recursive: true });

  let brokers = broker.brokersFromEnv();
  if (brokers) {
    say(`Kafka: using ${brokers.join(',')} (KAFKA_BROKERS)`);
    await broker.waitForMetadata(brokers);
  } else {
    say('Kafka: local broker on 127.0.0.1:9092 (the first run fetches Apache Kafka from Maven Central)...');
    const r = await broker.start();
    brokers = r.brokers;
    kafkaStartedHere = r.startedNow;
    say(`Kafka: ${r.startedNow ? 'started' : 'already running'} at ${brokers.join(',')}`);
  }
  const topics = await broker.createTopics(brokers, broker.catalogueTopics());
  say(`Kafka: topics ready (${topics.created.length} created, ${topics.existing} already there)`);

  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  say(`PostgreSQL: ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`);

  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    AUTH_DEV_MODE: process.env.AUTH_DEV_MODE ?? 'true',
    CLOCK_MODE: process.env.CLOCK_MODE ?? 'controllable',
    // Notices that fall due when `npm run demo` moves the clock close within seconds rather than the default 30 s.
    NOTICE_POLL_MS: process.env.NOTICE_POLL_MS ?? '2000',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  };
  for (const s of services) {
    const log = fs.openSync(path.join(LOGS, `${s.name}.log`), 'a');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join('services', s.dir, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...env, ...s.env, PORT: String(s.port) },
      stdio: ['ignore', log, log],
    });
    child.on('exit', (code) => {
      if (!stopping) {
        say(`${s.name} exited with code ${code}; see ${path.join(LOGS, `${s.name}.log`)}. Stopping the platform.`);
        stopAll(1);
      }
    });
    children.push(child);
    say(`starting ${s.name} on :${s.port}`);
  }
  await Promise.all(services.map((s, i) => waitReady(s, children[i]).then(() => say(`ready    ${s.name}`))));
  // Demo data is a convenience: the platform stays up without it.
  await loadDemoData().catch((err) => say(`Demo data not loaded: ${err.message}`));

  say('\nThe platform is up (migrations ran at start-up; logs in .local/logs/):');
  for (const s of services) say(`  ${s.name.padEnd(14)} http://127.0.0.1:${s.port}   OpenAPI http://127.0.0.1:${s.port}/docs`);
  say(`  AsyncAPI       ${path.join(ROOT, 'libs', 'contracts', 'asyncapi.yaml')}`);
  say('\nDevelopment tokens (valid 12 h; send as "Authorization: Bearer <token>"):');
  const roles = [
    ['center-staff 220000', { roles: ['center-staff'], jurisdiction: '220000', sub: 'staff-province' }],
    ['center-staff 220100', { roles: ['center-staff'], jurisdiction: '220100', sub: 'staff-changchun' }],
    ['discipline-officer 220000', { roles: ['discipline-officer'], jurisdiction: '220000', sub: 'officer-province' }],
    ['approver 220000', { roles: ['approver'], jurisdiction: '220000', sub: 'approver-province' }],
    ['approver 220100', { roles: ['approver'], jurisdiction: '220100', sub: 'approver-changchun' }],
    ['admin 220000', { roles: ['admin'], jurisdiction: '220000', sub: 'admin' }],
    ['applicant 91220101MA0Y3B9X18', { roles: ['applicant'], jurisdiction: '220100', creditCode: '91220101MA0Y3B9X18', sub: 'applicant-demo' }],
  ];
  for (const [label, claims] of roles) say(`  ${label.padEnd(32)} ${await devToken(claims)}`);
  say('\nOther roles and jurisdictions: npm run -s dev-token -- --role <role> --jurisdiction <code>');
  say('Walk scenario 1 through the platform (in another shell): npm run demo');
  say('Press Ctrl-C to stop everything.');
}

main().catch(async (err) => {
  say(`start failed: ${err.message}`);
  await stopAll(1);
});
