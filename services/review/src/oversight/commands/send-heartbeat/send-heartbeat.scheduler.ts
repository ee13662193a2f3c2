import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ReviewInstanceConfig } from '../../../infrastructure/review.config';
import { SendHeartbeatHandler } from './send-heartbeat.handler';

/**
 * Sends this instance's heartbeat every REVIEW_HEARTBEAT_INTERVAL_MS, the first at start-up. A pass that fails (the
 * database away) is logged and the next one tried: the province then sees the instance go stale, which is the truth.
 */
@Injectable()
export class SendHeartbeatScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Heartbeat');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly handler: SendHeartbeatHandler,
    @Inject(ReviewInstanceConfig) private readonly config: ReviewInstanceConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  private tick(): void {
    this.pass = this.handler
      .execute()
      .then(
        () => undefined,
        (err: Error) => this.logger.warn(`heartbeat not sent: ${err.message}`),
      )
      .then(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.config.heartbeatIntervalMs);
      });
  }
}
