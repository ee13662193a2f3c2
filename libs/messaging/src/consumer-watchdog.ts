import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrokerProbe } from './broker-probe';

export interface StuckPartition {
  topic: string;
  partition: number;
  lag: number;
  idleSeconds: number;
}

/**
 * Tells a wedged consumer from a waiting one (docs/architecture.md §5.5). A partition is stuck when it has had lag
 * (messages behind the group's committed offset) for KAFKA_STUCK_AFTER_MS and in that time neither our handler nor the
 * committed offset moved, while both the broker and the database answer. The clock starts when the lag is first seen:
 * a partition that was quiet for an hour is not stuck the moment its next message arrives. An outage of either restarts the clock: a
 * consumer waiting for its infrastructure is not stuck. Only partitions assigned to this process count, so one
 * replica never condemns itself for another's work.
 */
export class ConsumerWatchdog {
  private readonly log = new Logger('ConsumerWatchdog');
  private readonly progressAt = new Map<string, number>();
  private readonly committed = new Map<string, { offset: string; at: number }>();
  /** When each partition was first seen with lag (since it last had none). */
  private readonly lagSince = new Map<string, number>();
  private assignment: Record<string, number[]> | undefined;
  /** Nothing before this instant counts as idle time (start, rejoin, end of an outage). */
  private baseline = Date.now();
  private timer?: NodeJS.Timeout;
  private stuck?: StuckPartition;

  constructor(
    private readonly deps: {
      probe: BrokerProbe;
      dataSource: DataSource;
      groupId: string;
      topics: string[];
      stuckAfterMs: number;
      onStuck: (p: StuckPartition) => void;
    },
  ) {}

  start(): void {
    const every = Math.max(1000, Math.min(15000, Math.floor(this.deps.stuckAfterMs / 4)));
    const tick = async () => {
      try {
        await this.check();
      } catch (err) {
        this.log.warn(`consumer watchdog: ${(err as Error).message}`);
      }
      if (!this.stuck) this.timer = setTimeout(tick, every).unref();
    };
    this.timer = setTimeout(tick, every).unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** The partitions this process holds since its last (re)join; undefined while it is not a group member. */
  assigned(assignment: Record<string, number[]> | undefined): void {
    this.assignment = assignment;
    this.baseline = Date.now();
  }

  progressed(topic: string, partition: number): void {
    this.progressAt.set(`${topic}:${partition}`, Date.now());
  }

  /** The stuck partition found, if any. */
  verdict(): StuckPartition | undefined {
    return this.stuck;
  }

  async check(): Promise<StuckPartition | undefined> {
    const now = Date.now();
    const broker = await this.deps.probe.check();
    const database = await this.deps.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    if (!broker.reachable || !database || !this.assignment) {
      this.baseline = now;
      return undefined;
    }
    const admin = await this.deps.probe.adminClient();
    const groupOffsets = await admin.fetchOffsets({ groupId: this.deps.groupId, topics: this.deps.topics });
    for (const { topic, partitions } of groupOffsets) {
      const mine = new Set(this.assignment[topic] ?? []);
      if (mine.size === 0) continue;
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
      for (const { partition, offset } of partitions) {
        if (!mine.has(partition)) continue;
        const key = `${topic}:${partition}`;
        const end = ends.get(partition);
        if (!end) continue;
        const start = offset === '-1' ? Number(end.low) : Number(offset);
        const lag = Number(end.high) - start;
        const before = this.committed.get(key);
        if (!before || before.offset !== offset) this.committed.set(key, { offset, at: now });
        if (lag <= 0) {
          this.lagSince.delete(key);
          continue;
        }
        if (!this.lagSince.has(key)) this.lagSince.set(key, now);
        const lastMove = Math.max(this.baseline, this.lagSince.get(key)!, this.progressAt.get(key) ?? 0, this.committed.get(key)!.at);
        if (now - lastMove > this.deps.stuckAfterMs) {
          this.stuck = { topic, partition, lag, idleSeconds: Math.round((now - lastMove) / 1000) };
          this.log.error(`consumer stuck: ${topic}[${partition}] has ${lag} message(s) waiting and no progress for ${this.stuck.idleSeconds} s`);
          this.deps.onStuck(this.stuck);
          return this.stuck;
        }
      }
    }
    return undefined;
  }
}
