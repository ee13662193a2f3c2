import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Counter } from 'prom-client';
import { HealthRegistry, metricsRegistry } from '@filing/runtime';
import { NotificationConfig } from '../../infrastructure/notification.config';
import { backoffMs, scrubAddresses } from '../domain/channels';
import { NotificationRepository } from '../infrastructure/notification.repository';
import { DeliveryChannel } from './channel';
import { EmailChannel } from './email.channel';
import { SmsChannel } from './sms.channel';

const deliveries = new Counter({
  name: 'notification_deliveries_total',
  help: 'E-mail and SMS attempts, by channel and outcome (sent, retry, failed)',
  labelNames: ['channel', 'outcome'],
  registers: [metricsRegistry],
});

/**
 * Sends queued e-mails and SMS: each pass claims due deliveries (locked, so replicas share the work), sends them, and
 * records the outcome in the same transaction — sent, tried again later with backoff, or failed with the reason once
 * the attempts are spent or the channel refused for good. Shutdown waits for the pass in flight.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Delivery');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = false;
  private lastError?: string;
  private readonly channels: Record<'email' | 'sms', DeliveryChannel>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NotificationRepository,
    private readonly config: NotificationConfig,
    private readonly email: EmailChannel,
    sms: SmsChannel,
    health: HealthRegistry,
  ) {
    this.channels = { email, sms };
    health.register('delivery-worker', () => ({ ok: !this.lastError, detail: this.lastError }));
  }

  onApplicationBootstrap(): void {
    if (this.config.configuredChannels.length === 0) {
      this.logger.log('no e-mail or SMS configured (SMTP_URL, SMS_GATEWAY_URL): notices go to the console inbox only');
    }
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
    this.email.close();
  }

  private tick(): void {
    this.pass = this.drain()
      .then(() => (this.lastError = undefined))
      .catch((err: Error) => {
        this.lastError = err.message;
        this.logger.warn(`a delivery pass failed: ${err.message}`);
      })
      .then(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.config.pollMs);
      });
  }

  /** Passes until nothing is due (or the process is stopping). */
  private async drain(): Promise<void> {
    while (!this.stopped && (await this.onePass()) > 0);
  }

  private async onePass(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const due = await this.notices.claimDue(m, 10);
      for (const d of due) {
        const attempts = d.attempts + 1;
        const sent = await this.channels[d.channel].send(d);
        const outcome = sent.ok ? sent : { ...sent, reason: scrubAddresses(sent.reason) };
        if (outcome.ok) {
          await this.notices.settleSent(m, d.id, attempts, outcome.providerId);
          deliveries.inc({ channel: d.channel, outcome: 'sent' });
          this.logger.log(`${d.channel} ${d.kind} for case ${d.caseId} sent to ${d.addressMasked} (attempt ${attempts})`);
        } else if (outcome.retry && attempts < this.config.maxAttempts) {
          const wait = backoffMs(attempts, this.config.retryBackoffMs, this.config.retryMaxMs);
          await this.notices.retryLater(m, d.id, attempts, outcome.reason, wait);
          deliveries.inc({ channel: d.channel, outcome: 'retry' });
          this.logger.warn(`${d.channel} to ${d.addressMasked} failed (attempt ${attempts}), again in ${wait} ms: ${outcome.reason}`);
        } else {
          await this.notices.settleFailed(m, d.id, attempts, outcome.reason);
          deliveries.inc({ channel: d.channel, outcome: 'failed' });
          this.logger.warn(`${d.channel} to ${d.addressMasked} failed for good after ${attempts} attempt(s): ${outcome.reason}`);
        }
      }
      return due.length;
    });
  }
}
