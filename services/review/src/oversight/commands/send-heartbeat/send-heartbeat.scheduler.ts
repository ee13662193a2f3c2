import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicPass } from '@filing/runtime';
import { ReviewInstanceConfig } from '../../../infrastructure/review.config';
import { SendHeartbeatHandler } from './send-heartbeat.handler';

/**
 * Sends this instance's heartbeat every REVIEW_HEARTBEAT_INTERVAL_MS, the first at start-up. A pass that fails (the
 * database away) is logged and the next one tried: the province then sees the instance go stale, which is the truth.
 */
@Injectable()
export class SendHeartbeatScheduler extends PeriodicPass {
  private readonly logger = new Logger('Heartbeat');

  constructor(
    private readonly handler: SendHeartbeatHandler,
    @Inject(ReviewInstanceConfig) private readonly config: ReviewInstanceConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.heartbeatIntervalMs;
  }

  protected runPass(): Promise<void> {
    return this.handler.execute().then(
      () => undefined,
      (err: Error) => this.logger.warn(`heartbeat not sent: ${err.message}`),
    );
  }
}
