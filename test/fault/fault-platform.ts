import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, ServiceProcess, startServiceProcess } from '@filing/testing';
import { PlatformUrls } from '../e2e/procedure/procedure-driver';
import { PrivatePostgres } from './private-postgres';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const broker = require('@filing/kafka-local');
const ROOT = path.resolve(__dirname, '..', '..');

export interface ServiceSpec {
  name: string;
  service: string;
  env: Record<string, string>;
  /** Its schema and consumer group, for the checks. */
  schema: string;
  groupId: string;
}

/** The processes of the platform, as `npm start` runs them: five services and Changchun's review instance. */
export const SERVICES: ServiceSpec[] = [
  { name: 'intake', service: 'intake', env: {}, schema: 'intake', groupId: 'intake' },
  {
    name: 'review-220000',
    service: 'review',
    env: { REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' },
    schema: 'review_220000',
    groupId: 'review-220000',
  },
  { name: 'review-220100', service: 'review', env: { REVIEW_JURISDICTION: '220100' }, schema: 'review_220100', groupId: 'review-220100' },
  { name: 'expert-pool', service: 'expert-pool', env: {}, schema: 'expert_pool', groupId: 'expert-pool' },
  { name: 'assessment', service: 'assessment', env: {}, schema: 'assessment', groupId: 'assessment' },
  { name: 'publication', service: 'publication', env: {}, schema: 'publication', groupId: 'publication' },
];

/** Monday 2 June 2025, 09:00 in China: a date the working-day calendar covers, whatever today is. */
const VIRTUAL_START = Date.parse('2025-06-02T01:00:00.000Z');

/**
 * The whole platform on infrastructure of its own: a private PostgreSQL cluster and a private Kafka broker on free
 * ports, and every service as its own OS process on a port it keeps across restarts. Faults are injected on these
 * only; nothing else on the machine is touched.
 */
export class FaultPlatform {
  readonly procs = new Map<string, ServiceProcess | undefined>();
  private readonly ports = new Map<string, number>();
  private env: Record<string, string> = {};
  kafkaSettings!: { port: number; controllerPort: number; dataDir: string };
  brokers!: string[];
  pg!: PrivatePostgres;
  databaseUrl!: string;

  static async start(extraEnv: Record<string, string> = {}): Promise<FaultPlatform> {
    const p = new FaultPlatform();
    p.pg = await PrivatePostgres.start();
    p.databaseUrl = await p.pg.createDatabase('filing_fault');
    const [port, controllerPort] = [await freePort(), await freePort()];
    p.kafkaSettings = { port, controllerPort, dataDir: path.join(ROOT, '.local', `fault-kafka-${port}`) };
    const started = await broker.start(p.kafkaSettings);
    p.brokers = started.brokers;
    await broker.createTopics(p.brokers, broker.catalogueTopics());
    p.env = {
      DATABASE_URL: p.databaseUrl,
      KAFKA_BROKERS: p.brokers.join(','),
      CLOCK_MODE: 'controllable',
      // Every process, and every restart of one, starts at the same virtual instant (see ControllableClock).
      CLOCK_OFFSET_MS: String(VIRTUAL_START - Date.now()),
      NOTICE_POLL_MS: '1000',
      EVENT_RETRY_BACKOFF_MS: '100',
      AUTH_DEV_MODE: 'true',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    };
    for (const s of SERVICES) p.ports.set(s.name, await freePort());
    await Promise.all(SERVICES.map((s) => p.startService(s.name)));
    return p;
  }

  urls(): PlatformUrls {
    const u = (name: string) => `http://127.0.0.1:${this.ports.get(name)}`;
    return {
      intake: u('intake'),
      reviewProvince: u('review-220000'),
      reviewCities: { '220100': u('review-220100') },
      expertPool: u('expert-pool'),
      assessment: u('assessment'),
      publication: u('publication'),
    };
  }

  url(name: string): string {
    return `http://127.0.0.1:${this.ports.get(name)}`;
  }

  spec(name: string): ServiceSpec {
    const s = SERVICES.find((x) => x.name === name);
    if (!s) throw new Error(`no service ${name}`);
    return s;
  }

  /** Starts (again) a service on its port; resolves once it answers /health/live (it may still be catching up). */
  async startService(name: string): Promise<ServiceProcess> {
    const s = this.spec(name);
    const proc = await startServiceProcess({
      service: s.service,
      name: `fault-${name}`,
      port: this.ports.get(name),
      env: { ...this.env, ...s.env },
      waitFor: 'live',
      timeoutMs: 180000,
    });
    this.procs.set(name, proc);
    return proc;
  }

  async kill(name: string): Promise<void> {
    const proc = this.procs.get(name);
    this.procs.set(name, undefined);
    await proc?.stop('SIGKILL');
  }

  async stopService(name: string): Promise<void> {
    const proc = this.procs.get(name);
    this.procs.set(name, undefined);
    await proc?.stop('SIGTERM');
  }

  async stopKafka(): Promise<void> {
    await broker.stop(this.kafkaSettings);
  }

  async startKafka(): Promise<void> {
    await broker.start(this.kafkaSettings);
  }

  kafka(): Kafka {
    return new Kafka({ clientId: 'fault-suite', brokers: this.brokers, logLevel: logLevel.NOTHING });
  }

  /** Every process alive, and each of them answering /health/live and /health/ready with 200. */
  async allHealthy(names = SERVICES.map((s) => s.name)): Promise<boolean> {
    for (const n of names) {
      const proc = this.procs.get(n);
      if (!proc) return false;
      for (const probe of ['live', 'ready']) {
        const r = await fetch(`${this.url(n)}/health/${probe}`).catch(() => undefined);
        if (r?.status !== 200) return false;
      }
    }
    return true;
  }

  /** Whether a service's consumer is back in its group (the readiness body says so; it does not affect readiness). */
  async consumerJoined(name: string): Promise<boolean> {
    const r = await fetch(`${this.url(name)}/health/ready`).catch(() => undefined);
    if (r?.status !== 200) return false;
    const body = (await r.json()) as { checks: Record<string, { ok: boolean }> };
    return body.checks['kafka-consumer']?.ok === true;
  }

  /** Messages a consumer group has not yet committed, over the topics it consumes. */
  async groupLag(groupId: string, topics: string[]): Promise<number> {
    const admin = this.kafka().admin();
    await admin.connect();
    try {
      let lag = 0;
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
        const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
        for (const p of partitions) {
          const end = ends.get(p.partition)!;
          lag += Number(end.high) - (p.offset === '-1' ? Number(end.low) : Number(p.offset));
        }
      }
      return lag;
    } finally {
      await admin.disconnect();
    }
  }

  /** Moves every service's clock (and the offset a later restart would start with). */
  async setClock(iso: string): Promise<void> {
    this.env.CLOCK_OFFSET_MS = String(Date.parse(iso) - Date.now());
    for (const s of SERVICES) {
      const r = await fetch(`${this.url(s.name)}/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: iso }),
      });
      if (r.status !== 201) throw new Error(`setting the clock of ${s.name}: ${r.status}`);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.procs.values()].map((p) => p?.stop()));
    await this.stopKafka().catch(() => undefined);
    this.pg?.stop();
    if (process.env.FAULT_KEEP_DATA === 'true') return;
    this.pg?.remove();
    fs.rmSync(this.kafkaSettings.dataDir, { recursive: true, force: true });
  }
}
