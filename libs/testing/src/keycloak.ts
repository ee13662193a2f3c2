import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from './service-process';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A real Keycloak started by a test (tools/keycloak), with the platform's realm imported fresh. */
export interface TestKeycloak {
  url: string;
  issuer: string;
  jwksUrl: string;
  tokenUrl: string;
  /** How long it took from spawn until the realm's OpenID configuration answered. */
  startMs: number;
  /** The master realm's administrator password of this instance (user `keycloak-admin`). */
  adminPassword: string;
  /** What a service needs to verify this realm's tokens. */
  serviceEnv: Record<string, string>;
  /** An access token with the password grant (client `jl-filing-test` unless named); demo users share one password. */
  token(username: string, clientId?: string): Promise<string>;
  /** A master-realm admin token for the admin REST API. */
  adminToken(): Promise<string>;
  /** Lets a console at `url` sign in as jl-filing-console (redirect, post-logout URI, web origin); optionally its token lifetime. */
  allowConsole(url: string, opts?: { accessTokenLifespanSeconds?: number }): Promise<void>;
  /** Creates (or updates) an expert's account as the province's administrator would; answers its `sub`. */
  provisionExpert(account: { username: string; name: string; level: string; expertId: string }): Promise<string>;
  /** Stops this instance by its pid and deletes its home (a shared instance is left to the end of the test run). */
  stop(): Promise<void>;
}

export interface TestKeycloakOptions {
  /** Realm placeholders, e.g. JL_FILING_CONSOLE_URL for the console's redirect URIs. */
  env?: Record<string, string>;
  consoleUrl?: string;
  /**
   * One Keycloak for every spec of the test run that asks for it (it takes 20-70 s to start): started by the first,
   * found by the next through its home, stopped by the run's global teardown (tools/test/test-environment.js).
   */
  shared?: boolean;
}

function running(pidFile: string): boolean {
  try {
    process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/** The home of the test run's shared Keycloak: one per run, keyed like the run's broker. */
export function sharedKeycloakHome(): string {
  return path.join(ROOT, '.local', `keycloak-test-shared-${process.env.TEST_KAFKA_PORT ?? 19092}`);
}

/**
 * Starts Keycloak in dev mode (in-memory database) on a free loopback port, in a home of its own under .local/,
 * and waits until it answers. The later console browser test signs in through `url` with client jl-filing-console.
 */
export async function startTestKeycloak(opts: TestKeycloakOptions = {}): Promise<TestKeycloak> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const keycloak = require('@filing/keycloak-local');
  const sharedHome = opts.shared ? sharedKeycloakHome() : undefined;
  const portFile = sharedHome && path.join(sharedHome, 'shared-port');
  const known = portFile && fs.existsSync(portFile) && running(path.join(sharedHome, 'keycloak.pid')) ? Number(fs.readFileSync(portFile, 'utf8')) : undefined;
  const port = known ?? (await freePort());
  const where = { port, mode: 'dev', home: sharedHome ?? path.join(ROOT, '.local', `keycloak-test-${port}`), env: opts.env ?? {}, consoleUrl: opts.consoleUrl };
  let started;
  try {
    // A shared instance already running is found by its pid file and answers at once (startMs 0).
    started = await keycloak.start(where);
  } catch (error) {
    await keycloak.stop(where, { remove: true });
    throw error;
  }
  if (portFile) fs.writeFileSync(portFile, String(port));
  return {
    url: started.url,
    issuer: started.issuer,
    jwksUrl: started.jwksUrl,
    tokenUrl: started.tokenUrl,
    startMs: started.startMs,
    adminPassword: started.adminPassword,
    serviceEnv: { AUTH_JWKS_URL: started.jwksUrl, AUTH_ISSUER: started.issuer, AUTH_AUDIENCE: 'jl-filing' },
    token: (username, clientId) => keycloak.passwordToken(started, { username, clientId }),
    adminToken: () => keycloak.adminToken(started, started.adminPassword),
    provisionExpert: (account) => keycloak.provisionExpertAccount(started, started.adminPassword, account),
    allowConsole: (url, o = {}) => keycloak.allowConsole(started, started.adminPassword, { consoleUrl: url, ...o }),
    stop: async () => {
      if (!sharedHome) await keycloak.stop(where, { remove: true });
    },
  };
}
