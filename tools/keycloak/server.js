// A real Keycloak for development, tests and `npm start -- --idp keycloak`. The distribution comes from Maven Central
// through Maven (org.keycloak:keycloak-quarkus-dist, cached in ~/.m2) and is unpacked under .local/; nothing is
// downloaded by hand. Each instance runs from its own copy of the distribution (Keycloak writes its build into its
// home), on loopback, on its own port, and is stopped by its own pid.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const KEYCLOAK_VERSION = '26.5.6';
const REALM = 'jl-filing';
const REALM_FILE = path.join(ROOT, 'deploy', 'keycloak', `${REALM}-realm.json`);
/** Keycloak 26 needs Java 21 or newer; the machines' default java is 17. */
const MIN_JAVA = 21;
const PREFERRED_JAVA_HOME = '/usr/lib/jvm/temurin-25-jdk-amd64';
/** The master realm's administrator of a local instance (its password is drawn per instance, never a default). */
const ADMIN_USER = 'keycloak-admin';
/** Every demo user's password (deploy/keycloak/jl-filing-realm.json): for local use only. */
const DEMO_PASSWORD = 'demo-local-only';

function log(msg) {
  process.stderr.write(`[keycloak] ${msg}\n`);
}

/**
 * mode 'dev': `start-dev` with an in-memory database, the realm imported fresh at every start (tests, npm start).
 * mode 'prod': production mode (`build` once, then `start --optimized`) with PostgreSQL as its database.
 */
function settings(overrides = {}) {
  const offset = Number(process.env.PORT_OFFSET ?? 0);
  const port = Number(overrides.port ?? process.env.KEYCLOAK_PORT ?? 8180 + offset);
  const mode = overrides.mode ?? process.env.KEYCLOAK_MODE ?? 'dev';
  if (!['dev', 'prod'].includes(mode)) throw new Error(`Keycloak mode must be dev or prod, got ${mode}`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Keycloak port must be a port number, got ${port}`);
  const home = path.resolve(overrides.home ?? process.env.KEYCLOAK_HOME ?? path.join(ROOT, '.local', `keycloak-${mode}-${port}`));
  const distDir = path.resolve(process.env.KEYCLOAK_DIST_DIR ?? path.join(ROOT, '.local', `keycloak-dist-${KEYCLOAK_VERSION}`));
  const url = `http://127.0.0.1:${port}`;
  return {
    port,
    mode,
    home,
    distDir,
    url,
    realm: REALM,
    issuer: `${url}/realms/${REALM}`,
    jwksUrl: `${url}/realms/${REALM}/protocol/openid-connect/certs`,
    tokenUrl: `${url}/realms/${REALM}/protocol/openid-connect/token`,
    consoleUrl: overrides.consoleUrl ?? process.env.JL_FILING_CONSOLE_URL ?? `http://127.0.0.1:${3000 + offset}`,
    databaseUrl: overrides.databaseUrl ?? process.env.KEYCLOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/filing_keycloak',
    env: overrides.env ?? {},
  };
}

function javaMajor(javaHome) {
  const java = path.join(javaHome, 'bin', 'java');
  if (!fs.existsSync(java)) return 0;
  const r = spawnSync(java, ['-XshowSettings:properties', '-version'], { encoding: 'utf8' });
  const m = /java\.specification\.version = (\d+)/.exec(`${r.stderr}${r.stdout}`);
  return m ? Number(m[1]) : 0;
}

/** A JDK of version 21 or newer: KEYCLOAK_JAVA_HOME, JAVA_HOME, Temurin 25, or any under /usr/lib/jvm. */
function javaHome() {
  const candidates = [process.env.KEYCLOAK_JAVA_HOME, process.env.JAVA_HOME, PREFERRED_JAVA_HOME];
  try {
    for (const d of fs.readdirSync('/usr/lib/jvm')) candidates.push(path.join('/usr/lib/jvm', d));
  } catch {
    // no /usr/lib/jvm on this machine
  }
  for (const c of candidates.filter(Boolean)) if (javaMajor(c) >= MIN_JAVA) return c;
  throw new Error(
    `Keycloak ${KEYCLOAK_VERSION} needs Java ${MIN_JAVA} or newer and none was found (looked at KEYCLOAK_JAVA_HOME, JAVA_HOME, ` +
      `${PREFERRED_JAVA_HOME} and /usr/lib/jvm/*). Install a JDK ${MIN_JAVA}+ and set KEYCLOAK_JAVA_HOME to it.`,
  );
}

/** Unpacks the distribution with Maven into distDir (once; ~/.m2 caches the download). */
function fetchDistribution(s = settings()) {
  const marker = path.join(s.distDir, '.complete');
  if (fs.existsSync(marker)) return s.distDir;
  log(`fetching Keycloak ${KEYCLOAK_VERSION} from Maven Central into ${s.distDir} (first run only, about 160 MB)...`);
  const unpackTo = `${s.distDir}.partial`;
  fs.rmSync(unpackTo, { recursive: true, force: true });
  const scratch = `${s.distDir}.maven`;
  fs.mkdirSync(scratch, { recursive: true });
  const res = spawnSync(
    'mvn',
    [
      '-B',
      '--no-transfer-progress',
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack',
      `-Dartifact=org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`,
      `-DoutputDirectory=${unpackTo}`,
      // A marker left from an earlier unpack must not make Maven skip this one.
      '-Dmdep.overWriteReleases=true',
    ],
    // Without a project Maven writes its markers under the working directory: a scratch one, removed after.
    { cwd: scratch, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  fs.rmSync(scratch, { recursive: true, force: true });
  if (res.status !== 0) throw new Error(`Maven could not fetch the Keycloak distribution (exit ${res.status})`);
  const unpacked = path.join(unpackTo, `keycloak-${KEYCLOAK_VERSION}`);
  if (!fs.existsSync(path.join(unpacked, 'bin', 'kc.sh'))) throw new Error(`bin/kc.sh missing after unpacking into ${unpackTo}`);
  fs.rmSync(s.distDir, { recursive: true, force: true });
  fs.renameSync(unpacked, s.distDir);
  fs.rmSync(unpackTo, { recursive: true, force: true });
  fs.writeFileSync(marker, new Date().toISOString());
  return s.distDir;
}

function readPid(s) {
  try {
    return Number(fs.readFileSync(path.join(s.home, 'keycloak.pid'), 'utf8').trim()) || undefined;
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

/** True when the realm's OpenID configuration answers (the realm is imported and the server serves). */
async function answers(s) {
  try {
    const res = await fetch(`${s.issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3000) });
    if (res.status !== 200) return false;
    return (await res.json()).issuer === s.issuer;
  } catch {
    return false;
  }
}

async function waitUntilReady(s, pid, timeoutMs = 240000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (pid && !alive(pid)) throw new Error(`Keycloak exited during start-up; see ${path.join(s.home, 'keycloak.log')}:\n${tail(s)}`);
    if (await answers(s)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Keycloak at ${s.url} did not answer its OpenID configuration within ${timeoutMs} ms; see ${path.join(s.home, 'keycloak.log')}`);
}

function tail(s) {
  try {
    return fs.readFileSync(path.join(s.home, 'keycloak.log'), 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

/** Its own copy of the distribution: Keycloak writes its build (lib/quarkus) into its home. */
function prepareHome(s) {
  const marker = path.join(s.home, '.copied');
  if (!fs.existsSync(marker)) {
    fs.rmSync(s.home, { recursive: true, force: true });
    fs.cpSync(s.distDir, s.home, { recursive: true, preserveTimestamps: true });
    fs.rmSync(path.join(s.home, '.complete'), { force: true });
    fs.writeFileSync(marker, KEYCLOAK_VERSION);
  }
  const importDir = path.join(s.home, 'data', 'import');
  fs.rmSync(importDir, { recursive: true, force: true });
  fs.mkdirSync(importDir, { recursive: true });
  fs.copyFileSync(REALM_FILE, path.join(importDir, path.basename(REALM_FILE)));
  const passwordFile = path.join(s.home, 'admin-password');
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(passwordFile, 'utf8').trim();
}

/** postgres://user:pass@host:port/db → Keycloak's --db-url, --db-username, --db-password. */
function jdbcOptions(databaseUrl) {
  const u = new URL(databaseUrl);
  const opts = [`--db-url=jdbc:postgresql://${u.hostname}:${u.port || 5432}${u.pathname}`, `--db-username=${decodeURIComponent(u.username || 'postgres')}`];
  if (u.password) opts.push(`--db-password=${decodeURIComponent(u.password)}`);
  return opts;
}

async function ensureDatabase(databaseUrl) {
  const { Client } = require('pg');
  const target = new URL(databaseUrl);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid Keycloak database name ${name}`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function run(s, java, args, out) {
  return spawn(path.join(s.home, 'bin', 'kc.sh'), args, {
    cwd: s.home,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      JAVA_HOME: java,
      JAVA_OPTS_KC_HEAP: '-Xms64m -Xmx512m',
      // A dev instance lives for a test run or a demo: the quick C1 compiler alone starts it about a third sooner
      // (measured here: 26.6 s → 18.5 s) and is fast enough for that.
      ...(s.mode === 'dev' && !process.env.JAVA_OPTS_APPEND ? { JAVA_OPTS_APPEND: '-XX:TieredStopAtLevel=1' } : {}),
      ...s.env,
    },
  });
}

/**
 * Starts Keycloak unless ours already answers on that port, and waits until its realm's OpenID configuration answers.
 * Returns the settings plus { pid, startedNow, startMs, adminPassword }.
 */
async function start(overrides = {}) {
  const s = settings(overrides);
  const existing = readPid(s);
  if (alive(existing)) {
    await waitUntilReady(s, existing);
    return { ...s, pid: existing, startedNow: false, startMs: 0, adminPassword: fs.readFileSync(path.join(s.home, 'admin-password'), 'utf8').trim() };
  }
  if (await portOpen(s.port)) throw new Error(`port ${s.port} is taken by another process; set KEYCLOAK_PORT`);
  const java = javaHome();
  fetchDistribution(s);
  const adminPassword = prepareHome(s);
  s.env = {
    KC_BOOTSTRAP_ADMIN_USERNAME: ADMIN_USER,
    KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    // Placeholder in the realm file: the console's address for its redirect URIs.
    JL_FILING_CONSOLE_URL: s.consoleUrl,
    ...s.env,
  };
  const out = fs.openSync(path.join(s.home, 'keycloak.log'), 'a');
  // One node, no cluster: a local cache keeps Keycloak off JGroups' ports and other hosts' addresses.
  const common = ['--http-host=127.0.0.1', `--http-port=${s.port}`, `--hostname=${s.url}`, '--cache=local', '--import-realm', '--log-console-color=false'];
  let args;
  if (s.mode === 'dev') {
    args = ['start-dev', '--db=dev-mem', ...common];
  } else {
    await ensureDatabase(s.databaseUrl);
    const built = path.join(s.home, '.built-prod');
    if (!fs.existsSync(built)) {
      log('building the production-mode server (first start of this instance only)...');
      const b = spawnSync(path.join(s.home, 'bin', 'kc.sh'), ['build', '--db=postgres'], {
        cwd: s.home,
        stdio: ['ignore', out, out],
        env: { ...process.env, JAVA_HOME: java },
      });
      if (b.status !== 0) throw new Error(`kc.sh build failed (exit ${b.status}); see ${path.join(s.home, 'keycloak.log')}`);
      fs.writeFileSync(built, new Date().toISOString());
    }
    // Production mode on loopback: plain HTTP is acceptable only because nothing leaves 127.0.0.1.
    args = ['start', '--optimized', '--http-enabled=true', ...jdbcOptions(s.databaseUrl), ...common];
  }
  log(`starting Keycloak ${KEYCLOAK_VERSION} (${s.mode} mode) on ${s.url} (home ${s.home})`);
  const started = Date.now();
  const child = run(s, java, args, out);
  child.unref();
  fs.writeFileSync(path.join(s.home, 'keycloak.pid'), String(child.pid));
  try {
    await waitUntilReady(s, child.pid);
  } catch (error) {
    // Not left running behind a failed start (npm start gives up; its Ctrl-C would not know this instance).
    await stop(s);
    throw error;
  }
  const startMs = Date.now() - started;
  log(`Keycloak ready in ${(startMs / 1000).toFixed(1)} s (pid ${child.pid}); realm ${s.issuer}`);
  return { ...s, pid: child.pid, startedNow: true, startMs, adminPassword };
}

/** Stops our Keycloak by its own pid (SIGTERM) and waits for it to exit; `remove` also deletes its home. */
async function stop(overrides = {}, { remove = false } = {}) {
  const s = settings(overrides);
  const pid = readPid(s);
  let stopped = false;
  if (alive(pid)) {
    process.kill(pid, 'SIGTERM');
    const started = Date.now();
    while (alive(pid)) {
      if (Date.now() - started > 30000) process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
    }
    fs.rmSync(path.join(s.home, 'keycloak.pid'), { force: true });
    log(`Keycloak ${pid} stopped`);
    stopped = true;
  } else {
    log('no Keycloak of ours is running');
  }
  if (remove) fs.rmSync(s.home, { recursive: true, force: true });
  return stopped;
}

/** A token from the realm's token endpoint with the password grant (test and local clients only). */
async function passwordToken(s, { username, password = DEMO_PASSWORD, clientId = 'jl-filing-test' }) {
  const res = await fetch(s.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`Keycloak refused a token for ${username} (${res.status}): ${JSON.stringify(body)}`);
  return body.access_token;
}

/** A master-realm admin token, for the admin REST API (provisioning, tests). */
async function adminToken(s, adminPassword) {
  const res = await fetch(`${s.url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: ADMIN_USER, password: adminPassword }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`Keycloak refused the admin token (${res.status}): ${JSON.stringify(body)}`);
  return body.access_token;
}

/** Admin tokens per instance, reused for 30 s (Keycloak's master-realm tokens live 60 s): one per call doubled them. */
const adminTokens = new Map();

async function reusedAdminToken(s, adminPassword, fresh = false) {
  const key = `${s.url} ${adminPassword}`;
  const held = adminTokens.get(key);
  if (!fresh && held && held.until > Date.now()) return held.token;
  const token = await adminToken(s, adminPassword);
  adminTokens.set(key, { token, until: Date.now() + 30000 });
  return token;
}

/** The realm's admin REST API as the master-realm administrator: `admin('GET', '/users?...')`. */
function adminApi(s, adminPassword) {
  return async (method, apiPath, body) => {
    const call = async (fresh) =>
      fetch(`${s.url}/admin/realms/${REALM}${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${await reusedAdminToken(s, adminPassword, fresh)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    let res = await call(false);
    // A token of an instance restarted on the same port: once more with a fresh one.
    if (res.status === 401) res = await call(true);
    if (res.status >= 300) throw new Error(`Keycloak admin ${method} ${apiPath} answered ${res.status} ${await res.text()}`);
    return res.status === 201 || res.status === 204 ? undefined : res.json();
  };
}

/**
 * What the province's administrator does for an expert (README, "How the province provisions accounts"): a user with
 * the client role expert and the attributes jurisdiction = the database level and expertId = the record's id.
 * Creates the user or updates one of that name; returns its id, the `sub` of its tokens (what the centre links).
 */
async function provisionExpertAccount(s, adminPassword, { username, name, level, expertId, password = DEMO_PASSWORD }) {
  const admin = adminApi(s, adminPassword);
  const user = {
    username,
    enabled: true,
    firstName: name,
    email: `${username}@demo.jl-filing.local`,
    emailVerified: true,
    attributes: { jurisdiction: [level], expertId: [expertId] },
  };
  const find = async () => (await admin('GET', `/users?exact=true&username=${encodeURIComponent(username)}`))[0];
  let existing = await find();
  if (existing) await admin('PUT', `/users/${existing.id}`, user);
  else {
    await admin('POST', '/users', { ...user, credentials: [{ type: 'password', value: password, temporary: false }] });
    existing = await find();
  }
  const [client] = await admin('GET', '/clients?clientId=jl-filing');
  const role = await admin('GET', `/clients/${client.id}/roles/expert`);
  await admin('POST', `/users/${existing.id}/role-mappings/clients/${client.id}`, [role]);
  return existing.id;
}

/**
 * Lets the console at `consoleUrl` sign in as client jl-filing-console: its `<url>/*` as a redirect and post-logout
 * URI, its origin as a web origin (CORS for the token endpoint). The realm file registers the console URL of the
 * start; this serves a console on another port (a test's free port, or a production-mode realm imported earlier
 * with another PORT_OFFSET). `accessTokenLifespanSeconds` sets the console's own token lifetime (tests of renewal).
 */
async function allowConsole(s, adminPassword, { consoleUrl, accessTokenLifespanSeconds } = {}) {
  const admin = adminApi(s, adminPassword);
  const [client] = await admin('GET', '/clients?clientId=jl-filing-console');
  if (!client) throw new Error('the realm has no client jl-filing-console');
  const origin = consoleUrl ? new URL(consoleUrl).origin : undefined;
  const add = (list, v) => (v && !list.includes(v) ? [...list, v] : list);
  const attributes = { ...client.attributes };
  if (origin) {
    const logout = (attributes['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean);
    attributes['post.logout.redirect.uris'] = add(logout, `${origin}/*`).join('##');
  }
  if (accessTokenLifespanSeconds) attributes['access.token.lifespan'] = String(accessTokenLifespanSeconds);
  await admin('PUT', `/clients/${client.id}`, {
    ...client,
    redirectUris: add(client.redirectUris ?? [], origin && `${origin}/*`),
    webOrigins: add(client.webOrigins ?? [], origin),
    attributes,
  });
}

/** The demo users of the realm file: username, name, roles, attributes (for printing, tests and the demo loader). */
function demoUsers() {
  const realm = JSON.parse(fs.readFileSync(REALM_FILE, 'utf8'));
  return realm.users.map((u) => ({
    username: u.username,
    name: u.firstName,
    roles: u.clientRoles?.['jl-filing'] ?? [],
    jurisdiction: u.attributes?.jurisdiction?.[0],
    creditCode: u.attributes?.creditCode?.[0],
    password: DEMO_PASSWORD,
  }));
}

module.exports = {
  KEYCLOAK_VERSION,
  REALM,
  REALM_FILE,
  ADMIN_USER,
  DEMO_PASSWORD,
  settings,
  javaHome,
  fetchDistribution,
  start,
  stop,
  answers,
  passwordToken,
  adminToken,
  adminApi,
  provisionExpertAccount,
  allowConsole,
  demoUsers,
};
