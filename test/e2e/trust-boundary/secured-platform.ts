import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaPrincipal, platformPrincipals } from '@filing/contracts';
import { freePort, ServiceProcess, startServiceProcess } from '@filing/testing';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const broker = require('@filing/kafka-local');
const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface PlatformProcess {
  name: string;
  service: string;
  /** Its SCRAM user, consumer group and schema. */
  user: string;
  schema: string;
  env?: Record<string, string>;
}

/** Every process of the platform as `npm start` runs it: six services and Changchun's review instance. */
export const PLATFORM: PlatformProcess[] = [
  { name: 'intake', service: 'intake', user: 'intake', schema: 'intake' },
  {
    name: 'review-220000',
    service: 'review',
    user: 'review-220000',
    schema: 'review_220000',
    env: { REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' },
  },
  { name: 'review-220100', service: 'review', user: 'review-220100', schema: 'review_220100', env: { REVIEW_JURISDICTION: '220100' } },
  { name: 'expert-pool', service: 'expert-pool', user: 'expert-pool', schema: 'expert_pool' },
  { name: 'assessment', service: 'assessment', user: 'assessment', schema: 'assessment' },
  { name: 'publication', service: 'publication', user: 'publication', schema: 'publication' },
  { name: 'notification', service: 'notification', user: 'notification', schema: 'notification' },
];

export interface Credentials {
  username: string;
  password: string;
}

/**
 * A Kafka broker of its own with SASL/SCRAM-SHA-512 and the StandardAuthorizer (ADR 0013): one SCRAM user per
 * process with the ACLs the catalogue gives it (kafkaAccess), a super user for topics and ACLs, and the chosen
 * processes started against it, each with its own credentials, on this spec file's database.
 */
export class SecuredPlatform {
  readonly procs = new Map<string, ServiceProcess>();
  readonly principals: KafkaPrincipal[] = platformPrincipals(['220000', '220100']);
  readonly admin: Credentials = { username: 'platform-admin', password: secret() };
  readonly users = new Map<string, Credentials>(this.principals.map((p) => [p.user, { username: p.user, password: secret() }]));
  brokers: string[] = [];
  aclCount = 0;
  private settings?: { port: number; controllerPort: number; dataDir: string };

  /** Starts the broker, then the named processes. Kept by the caller first, so `close` can stop what a failure left. */
  async boot(names: string[], env: Record<string, string> = {}): Promise<this> {
    const port = Number(process.env.TEST_SASL_KAFKA_PORT ?? (await freePort()));
    const controllerPort = Number(process.env.TEST_SASL_KAFKA_CONTROLLER_PORT ?? (await freePort()));
    const settings = { port, controllerPort, dataDir: path.join(ROOT, '.local', `kafka-sasl-${port}`) };
    this.settings = settings;
    fs.rmSync(settings.dataDir, { recursive: true, force: true });
    const started = await broker.start({ ...settings, sasl: { admin: this.admin, users: [...this.users.values()] } });
    this.brokers = started.brokers;
    await broker.createTopics(this.brokers, broker.catalogueTopics(), this.admin);
    this.aclCount = await broker.applyAcls(this.brokers, this.principals, this.admin);
    await Promise.all(names.map((n) => this.startProcess(n, env)));
    return this;
  }

  static async start(names: string[], env: Record<string, string> = {}): Promise<SecuredPlatform> {
    return new SecuredPlatform().boot(names, env);
  }

  async startProcess(name: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
    const spec = PLATFORM.find((s) => s.name === name);
    if (!spec) throw new Error(`no process ${name}`);
    const creds = this.users.get(spec.user)!;
    const proc = await startServiceProcess({
      service: spec.service,
      name: `sasl-${name}`,
      env: {
        KAFKA_BROKERS: this.brokers.join(','),
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_USERNAME: creds.username,
        KAFKA_PASSWORD: creds.password,
        EVENT_RETRY_BACKOFF_MS: '50',
        LOG_LEVEL: 'warn',
        ...spec.env,
        ...env,
      },
      timeoutMs: 180000,
    });
    this.procs.set(name, proc);
    return proc;
  }

  url(name: string): string {
    const proc = this.procs.get(name);
    if (!proc) throw new Error(`${name} is not running`);
    return proc.url;
  }

  /** A client authenticating as `user` (a service's SCRAM user; the super user by default; `null`: no SASL at all). */
  kafka(user: Credentials | null = this.admin, clientId = 'trust-boundary'): Kafka {
    return new Kafka({
      clientId,
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 2, initialRetryTime: 200 },
      ...(user ? { sasl: { mechanism: 'scram-sha-512', username: user.username, password: user.password } } : {}),
    });
  }

  as(user: string): Credentials {
    const c = this.users.get(user);
    if (!c) throw new Error(`no SCRAM user ${user}`);
    return c;
  }

  /** Whether a process's consumer has joined its group (the readiness body says so). */
  async consumerJoined(name: string): Promise<boolean> {
    const r = await fetch(`${this.url(name)}/health/ready`).catch(() => undefined);
    if (r?.status !== 200) return false;
    const body = (await r.json()) as { checks: Record<string, { ok: boolean }> };
    return body.checks['kafka-consumer']?.ok === true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.procs.values()].map((p) => p.stop()));
    if (!this.settings) return;
    await broker.stop(this.settings).catch(() => undefined);
    fs.rmSync(this.settings.dataDir, { recursive: true, force: true });
  }
}

function secret(): string {
  return randomBytes(18)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x');
}

export interface TableState {
  rows: number;
  checksum: string;
}

/** Rows left out of a comparison: inbox rows of these events, and rows of these cases in the given schemas. */
export interface Excluded {
  eventIds: string[];
  caseIds?: string[];
  caseSchemas?: string[];
}

/**
 * Row count and checksum of every table of the given schemas: what "nothing changed" is measured with. `excluded`
 * leaves out the inbox rows of events a consumer took without use, and the rows a consumer that takes a case's facts in
 * any order keeps of those cases (assessment).
 */
export async function schemaState(db: Client, schemas: string[], excluded: Excluded = { eventIds: [] }): Promise<Map<string, TableState>> {
  const { rows: tables } = await db.query<{ s: string; t: string; case_id: boolean }>(
    `SELECT t.table_schema AS s, t.table_name AS t,
            EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'case_id') AS case_id
       FROM information_schema.tables t WHERE t.table_type = 'BASE TABLE' AND t.table_schema = ANY($1) ORDER BY 1, 2`,
    [schemas],
  );
  const out = new Map<string, TableState>();
  for (const { s, t, case_id } of tables) {
    let where = '';
    let params: unknown[] = [];
    if (t === 'inbox' && excluded.eventIds.length > 0) [where, params] = [' WHERE x.event_id <> ALL($1)', [excluded.eventIds]];
    else if (case_id && excluded.caseIds?.length && excluded.caseSchemas?.includes(s))
      [where, params] = [' WHERE x.case_id::text <> ALL($1)', [excluded.caseIds]];
    const q = `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS c FROM "${s}"."${t}" x${where}`;
    const { rows } = await db.query<{ n: number; c: string }>(q, params);
    out.set(`${s}.${t}`, { rows: rows[0].n, checksum: rows[0].c });
  }
  return out;
}

/** The tables whose count or checksum differs between two states (a table that appeared or vanished included). */
export function changedTables(before: Map<string, TableState>, after: Map<string, TableState>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n)?.checksum !== after.get(n)?.checksum || before.get(n)?.rows !== after.get(n)?.rows).sort();
}
