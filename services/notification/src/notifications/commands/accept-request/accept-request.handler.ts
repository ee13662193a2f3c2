import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NotificationRequested } from '@filing/contracts';
import { maskPhone } from '@filing/auth';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { channelsFor, maskEmail } from '../../domain/channels';
import { missingParams, renderNotice } from '../../domain/templates';
import { NotificationRepository } from '../../infrastructure/notification.repository';
import { NotificationConfig } from '../../../infrastructure/notification.config';

/**
 * A notification request becomes one notice in the person's inbox and, where their preference, the jurisdiction's
 * switch and this deployment allow, one queued delivery per external channel, all in the consumer's transaction.
 * A second request with the same dedupe key (a redelivery, a replay, a producer retrying) changes nothing.
 */
@Injectable()
export class AcceptRequestHandler {
  private readonly logger = new Logger('AcceptNotificationRequest');

  constructor(
    private readonly notices: NotificationRepository,
    private readonly config: NotificationConfig,
  ) {}

  async accept(ctx: EventContext, r: NotificationRequested): Promise<void> {
    const missing = missingParams(r.kind, r.params);
    if (missing.length) throw new UnprocessableEventError(`notification ${r.dedupeKey}: ${r.kind} needs ${missing.join(', ')}`);
    for (const [k, v] of Object.entries(r.params)) {
      if (typeof v !== 'string') throw new UnprocessableEventError(`notification ${r.dedupeKey}: parameter ${k} is not a string`);
    }
    // The notice is dated when its owner decided (its clock), not when this service got round to it.
    const decidedAt = new Date(r.requestedAt);
    const id = randomUUID();
    const url = `${this.config.consoleUrl}${r.link}`;
    const rendered = renderNotice(r.kind, { caseId: r.caseId, name: r.recipient.name, params: r.params, url });
    const inserted = await this.notices.insertNotice(ctx.manager, {
      id,
      dedupeKey: r.dedupeKey,
      eventId: ctx.meta.id,
      caseId: r.caseId,
      jurisdiction: r.jurisdiction,
      kind: r.kind,
      recipientId: r.recipient.id,
      recipientRole: r.recipient.role,
      recipientName: r.recipient.name ?? null,
      title: rendered.title,
      body: rendered.body,
      link: r.link,
      params: r.params,
      createdAt: decidedAt,
    });
    if (!inserted) {
      this.logger.log(`notification ${r.dedupeKey} already taken; request ${ctx.meta.id} changes nothing`);
      return;
    }
    // A role is read by whoever holds it, in the console: no one's personal address goes with it.
    if (r.recipient.id.startsWith('role:')) return;
    const channels = channelsFor({
      email: r.recipient.email,
      mobile: r.recipient.mobile,
      preferred: await this.notices.preferenceOf(ctx.manager, r.recipient.id),
      jurisdictionOff: !(await this.notices.externalOn(ctx.manager, r.jurisdiction)),
      configured: this.config.configuredChannels,
    });
    for (const c of channels) {
      await this.notices.queueDelivery(ctx.manager, {
        id: randomUUID(),
        noticeId: id,
        channel: c.channel,
        address: c.address,
        addressMasked: c.channel === 'email' ? maskEmail(c.address) : maskPhone(c.address),
      });
    }
  }
}
