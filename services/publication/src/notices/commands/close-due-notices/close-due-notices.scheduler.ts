import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HealthRegistry } from '@filing/runtime';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { OpenNoticeHandler } from '../open-notice/open-notice.handler';
import { CloseDueNoticesHandler } from './close-due-notices.handler';

/**
 * Polls for notices whose window has ended, using the injected clock, and opens the notices that waited for a year
 * of the working-day calendar once it is there. The first pass runs at start-up, so a notice that fell due while the
 * service was down closes as soon as it is back. NOTICE_SCHEDULER=off disables it.
 */
@Injectable()
export class CloseDueNoticesScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CloseDueNotices');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = false;
  private lastError?: string;

  constructor(
    private readonly closer: CloseDueNoticesHandler,
    private readonly opener: OpenNoticeHandler,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
    health: HealthRegistry,
  ) {
    health.register('notice-scheduler', () => ({ ok: !this.lastError, detail: this.lastError }));
  }

  /** The first pass finishes before the process reports ready: notices that fell due while it was down close first. */
  async onApplicationBootstrap(): Promise<void> {
    if (process.env.NOTICE_SCHEDULER === 'off') {
      this.logger.warn('notice scheduler disabled (NOTICE_SCHEDULER=off)');
      return;
    }
    this.tick();
    await this.pass;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  private tick(): void {
    this.pass = this.closer
      .closeDue()
      .then(() => this.opener.openWaiting())
      .then(() => (this.lastError = undefined))
      .catch((err: Error) => {
        this.lastError = err.message;
        this.logger.warn(`the notice scheduler's pass failed: ${err.message}`);
      })
      .then(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.config.noticePollMs);
      });
  }
}
