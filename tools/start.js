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
    say('Kafka: starting a local broker (the first run fetches Apache Kafka from Maven Central)...');
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
  say('Press Ctrl-C to stop everything.');
}

main().catch(async (err) => {
  say(`start failed: ${err.message}`);
  await stopAll(1);
});
