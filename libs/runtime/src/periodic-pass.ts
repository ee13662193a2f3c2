import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Work a service does on its own every interval (a heartbeat, an overdue check), the first pass at start-up. A pass
 * never overlaps the next (the next is timed from the end of the last), and shutdown waits for the one under way.
 * A pass handles its own failure (logs it): the next one is tried all the same.
 */
export abstract class PeriodicPass implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = false;

  /** How long after a pass the next one starts. */
  protected abstract intervalMs(): number;
  /** One pass; it must not reject. */
  protected abstract runPass(): Promise<void>;

  onApplicationBootstrap(): void {
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  private tick(): void {
    this.pass = this.runPass().then(() => {
      if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.intervalMs());
    });
  }
}
