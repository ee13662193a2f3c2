import { Inject, Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { metricsRegistry, PeriodicPass } from '@filing/runtime';
import { ReviewInstanceConfig } from '../../../infrastructure/review.config';
import { NotifyOverdueHandler } from './notify-overdue.handler';

const passes = new Counter({
  name: 'review_overdue_check_passes_total',
  help: 'Passes of the overdue check (督办), by outcome (done, failed)',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

/**
 * Runs the overdue check every REVIEW_OVERDUE_CHECK_INTERVAL_MS, the first at start-up, against the service's clock.
 * A pass that fails (the database away) is logged and the next one tried; nothing is lost, the case is still overdue.
 */
@Injectable()
export class NotifyOverdueScheduler extends PeriodicPass {
  private readonly logger = new Logger('Overdue');

  constructor(
    private readonly handler: NotifyOverdueHandler,
    @Inject(ReviewInstanceConfig) private readonly config: ReviewInstanceConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.overdueCheckIntervalMs;
  }

  protected runPass(): Promise<void> {
    return this.handler.execute().then(
      (told) => {
        passes.inc({ outcome: 'done' });
        if (told.length) this.logger.log(`overdue (督办): told the queues of ${told.length} case(s)`);
      },
      (err: Error) => {
        passes.inc({ outcome: 'failed' });
        this.logger.warn(`overdue check failed: ${err.message}`);
      },
    );
  }
}
