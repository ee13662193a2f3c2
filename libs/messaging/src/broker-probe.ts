import { Admin, Kafka } from 'kafkajs';
import { createKafka } from './kafka.client';

export interface BrokerState {
  reachable: boolean;
  detail?: string;
  /** Since when the broker has been in this state. */
  since: Date;
}

const PROBE_EVERY_MS = 5000;

/**
 * Whether the Kafka cluster answers right now. kafkajs reports DISCONNECT only when we disconnect ourselves, so a
 * producer that lost its broker looks "connected" for ever: this asks the cluster (a metadata request through one
 * admin connection per process, at most every 5 s) instead. Also lends its admin client to the consumer watchdog.
 */
export class BrokerProbe {
  private readonly kafka: Kafka;
  private admin?: Admin;
  private state: BrokerState = { reachable: false, detail: 'not probed yet', since: new Date() };
  private checkedAt = 0;
  private inFlight?: Promise<BrokerState>;

  constructor(clientName: string) {
    this.kafka = createKafka(`${clientName}-probe`, { retry: { retries: 0 }, connectionTimeout: 3000, requestTimeout: 5000 });
  }

  current(): BrokerState {
    return this.state;
  }

  async check(): Promise<BrokerState> {
    if (Date.now() - this.checkedAt < PROBE_EVERY_MS) return this.state;
    this.inFlight ??= this.probe().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** A connected admin client, or an error when the broker cannot be reached. */
  async adminClient(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  private async probe(): Promise<BrokerState> {
    let next: Omit<BrokerState, 'since'>;
    try {
      const admin = await this.adminClient();
      const cluster = await admin.describeCluster();
      next = cluster.brokers.length > 0 ? { reachable: true } : { reachable: false, detail: 'the cluster lists no brokers' };
    } catch (err) {
      next = { reachable: false, detail: `broker unreachable: ${(err as Error).message}` };
      // A broken admin connection is not reused: the next probe connects afresh.
      await this.close();
    }
    this.checkedAt = Date.now();
    if (next.reachable !== this.state.reachable) this.state = { ...next, since: new Date() };
    else this.state = { ...next, since: this.state.since };
    return this.state;
  }
}
