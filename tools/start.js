#!/usr/bin/env node
// `npm start`: the whole platform on this machine. Installs the npm dependencies if needed, starts (or reuses) a
// real Kafka broker, uses the local PostgreSQL (or DATABASE_URL), starts every service plus Changchun's review
// instance, waits until all are ready and prints where everything is. A service that exits is started again (with a
// backoff, its log kept); Ctrl-C stops everything it started, Kafka included.
'use strict';
// Right after `git clone` there is no node_modules yet: install first.
require('./ensure-dependencies').ensureDependencies();
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const broker = require('@filing/kafka-local');
const services = require('./services');
const { chosenIdp, startKeycloakIdp } = require('./keycloak/platform');
const consoleApp = require('./console');

const ROOT = path.resolve(__dirname, '..');
const LOGS = path.join(ROOT, '.local', 'logs');
/** The supervised processes: { name, child }. */
const supervised = [];
let kafkaStartedHere = false;
let stopping = false;
/** `--idp keycloak` (or IDP=keycloak): sign in through a real Keycloak instead of development tokens. */
let idp;

function say(msg) {
  process.stdout.write(`${msg}\n`);
}

const logOf = (name) => path.join(LOGS, `${name}.log`);

/**
 * Runs one process and starts it again whenever it exits (1 s, 2 s, 4 s … at most 30 s apart; back to 1 s once it
 * ran for a minute). Its output goes to .local/logs/<name>.log, appended across restarts.
 */
function supervise(name, args, env) {
  const entry = { name, child: undefined, restarts: 0 };
  const launch = () => {
    const log = fs.openSync(logOf(name), 'a');
    fs.writeSync(log, `\n----- ${new Date().toISOString()} npm start: starting ${name}${entry.restarts ? ` (restart ${entry.restarts})` : ''}\n`);
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    entry.child = child;
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt > 60000) entry.restarts = 0;
      const delay = Math.min(1000 * 2 ** entry.restarts, 30000);
      entry.restarts++;
      say(`${name} exited (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s; see ${logOf(name)}`);
      setTimeout(() => stopping || launch(), delay).unref();
    });
  };
  launch();
  supervised.push(entry);
  return entry;
}

async function waitReady(s) {
  const deadline = Date.now() + 180000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${s.name} not ready after 180 s; see ${logOf(s.name)}`);
}

async function devToken(claims) {
  if (idp) return idp.tokenFor(claims);
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
  const configured = (process.env.EXPERT_DATABASE_LEVELS ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
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
    const res = await fetch(`${expertPool}/experts/imports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(experts),
    });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`expert-pool: importing the ${level.code} demo experts answered ${res.status} ${JSON.stringify(body)}`);
    say(`  ${level.code} ${level.name.padEnd(10)} loaded ${body.imported ?? experts.length} demo experts`);
  }
  const admin = await devToken({ roles: ['admin'], jurisdiction: '220000', sub: 'demo-loader' });
  const standards = await fetch(`http://127.0.0.1:${portOf('assessment')}/standards`, { headers: { authorization: `Bearer ${admin}` } });
  if (standards.status !== 200) throw new Error(`assessment: GET /standards answered ${standards.status}`);
  say('Evaluation standards loaded (assessment, shipped data):');
  for (const s of await standards.json())
    say(`  ${s.standardId} v${s.version} (${s.institutionKind}) from ${s.effectiveFrom}${s.provisional ? ', provisional' : ''}: ${s.title}`);
}

/**
 * The local mail catcher and SMS gateway the notification service delivers to (unless SMTP_URL / SMS_GATEWAY_URL
 * name real ones): every mail lands as an .eml file in .local/mail/, every SMS request as a .json file in .local/sms/.
 */
async function startMessageCatchers() {
  const OFFSET = Number(process.env.PORT_OFFSET ?? 0);
  require('@swc-node/register');
  const { MailCatcher, SmsGateway } = require(path.join(ROOT, 'libs', 'testing', 'src', 'index.ts'));
  const env = {};
  if (!process.env.SMTP_URL) {
    const mail = await new MailCatcher({ port: 1025 + OFFSET, dir: path.join(ROOT, '.local', 'mail') }).start();
    env.SMTP_URL = mail.url;
  }
  if (!process.env.SMS_GATEWAY_URL) {
    const sms = await new SmsGateway({ port: 1026 + OFFSET, dir: path.join(ROOT, '.local', 'sms') }).start();
    env.SMS_GATEWAY_URL = sms.url;
  }
  return env;
}

/** The web console: built when its sources changed, then its server (static files + proxy) as one more process. */
async function startConsole(env) {
  consoleApp.buildIfStale(say);
  supervise('console', ['-r', '@swc-node/register', consoleApp.entry], {
    ...env,
    ...consoleApp.consoleEnv(services),
    ...idp?.consoleEnv,
    PORT: String(consoleApp.port),
  });
  await waitReady({ name: 'console', port: consoleApp.port });
  say('ready    console');
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('\nstopping...');
  const running = supervised.map((e) => e.child).filter((c) => c && c.exitCode === null && c.signalCode === null);
  for (const c of running) c.kill('SIGTERM');
  await Promise.all(running.map((c) => new Promise((r) => c.once('exit', r))));
  if (kafkaStartedHere) await broker.stop();
  await idp?.stop();
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
    say(`Kafka: local broker on ${broker.settings().brokers[0]} (the first run fetches Apache Kafka from Maven Central)...`);
    const r = await broker.start();
    brokers = r.brokers;
    kafkaStartedHere = r.startedNow;
    say(`Kafka: ${r.startedNow ? 'started' : 'already running'} at ${brokers.join(',')}`);
  }
  const topics = await broker.createTopics(brokers, broker.catalogueTopics());
  say(`Kafka: topics ready (${topics.created.length} created, ${topics.existing} already there)`);

  if (chosenIdp()) idp = await startKeycloakIdp(say);

  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  say(`PostgreSQL: ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`);

  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    AUTH_DEV_MODE: process.env.AUTH_DEV_MODE ?? 'true',
    CLOCK_MODE: process.env.CLOCK_MODE ?? 'controllable',
    // Notices that fall due when `npm run demo` moves the clock close within seconds rather than the default 30 s.
    NOTICE_POLL_MS: process.env.NOTICE_POLL_MS ?? '2000',
    // The console server on this machine forwards each visitor's address (objection rate limits are per address).
    TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback',
    // The address a filing notice's QR code opens (publication): this machine's console, PORT_OFFSET included.
    PUBLIC_CONSOLE_URL: process.env.PUBLIC_CONSOLE_URL ?? `http://127.0.0.1:${consoleApp.port}`,
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    ...idp?.serviceEnv,
  };
  Object.assign(env, await startMessageCatchers());
  for (const s of services) {
    supervise(s.name, ['-r', '@swc-node/register', path.join('services', s.dir, 'src', 'main.ts')], { ...env, ...s.env, PORT: String(s.port) });
    say(`starting ${s.name} on :${s.port}`);
  }
  // A service that is slow or keeps failing is reported; the others stay up, and supervision keeps trying.
  await Promise.all(
    services.map((s) =>
      waitReady(s).then(
        () => say(`ready    ${s.name}`),
        (err) => say(`not ready ${s.name}: ${err.message}`),
      ),
    ),
  );
  await startConsole(env).catch((err) => say(`not ready console: ${err.message}`));
  // Demo data is a convenience: the platform stays up without it.
  await loadDemoData().catch((err) => say(`Demo data not loaded: ${err.message}`));
  const experts = idp
    ? await idp
        .provisionDemoExperts(`http://127.0.0.1:${portOf('expert-pool')}`)
        .catch((err) => (say(`Demo expert accounts not provisioned: ${err.message}`), []))
    : [];

  say('\nThe platform is up (migrations ran at start-up; logs in .local/logs/):');
  say(
    `  console        http://127.0.0.1:${consoleApp.port}   公示、备案机构查询、抽取验证、机构申报、待办案件 (${idp ? `sign-in through Keycloak, ${idp.issuer}` : 'development sign-in'})`,
  );
  for (const s of services) say(`  ${s.name.padEnd(14)} http://127.0.0.1:${s.port}   OpenAPI http://127.0.0.1:${s.port}/docs`);
  say(`  AsyncAPI       ${path.join(ROOT, 'libs', 'contracts', 'asyncapi.yaml')}`);
  say(
    `  mail           ${env.SMTP_URL === process.env.SMTP_URL ? `delivered to ${env.SMTP_URL.replace(/:[^:@/]*@/, ':***@')}` : `caught at ${env.SMTP_URL}; read them in ${path.join(ROOT, '.local', 'mail')} (.eml)`}`,
  );
  say(
    `  SMS            ${env.SMS_GATEWAY_URL === process.env.SMS_GATEWAY_URL ? `sent through ${env.SMS_GATEWAY_URL}` : `caught at ${env.SMS_GATEWAY_URL}; requests in ${path.join(ROOT, '.local', 'sms')} (.json)`}`,
  );
  if (idp) {
    idp.printUsers(experts);
    say('Press Ctrl-C to stop everything.');
    return;
  }
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
