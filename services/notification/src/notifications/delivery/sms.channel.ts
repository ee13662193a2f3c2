import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../../infrastructure/notification.config';
import { renderNotice } from '../domain/templates';
import type { NotificationKind } from '@filing/contracts';
import type { DueDelivery } from '../infrastructure/notification.repository';
import type { DeliveryChannel, SendOutcome } from './channel';

/**
 * The province's SMS gateway, through its one HTTP interface (services/notification/README.md): a POST of the
 * registered template's id and its parameters, never free text. 2xx = accepted; 4xx = refused (bad number, unknown
 * template), final; 5xx or no answer = tried again.
 */
@Injectable()
export class SmsChannel implements DeliveryChannel {
  constructor(private readonly config: NotificationConfig) {}

  async send(d: DueDelivery): Promise<SendOutcome> {
    if (!this.config.smsGatewayUrl) return { ok: false, retry: false, reason: 'SMS is not configured (SMS_GATEWAY_URL)' };
    const { sms } = renderNotice(d.kind as NotificationKind, { caseId: d.caseId, name: d.recipientName ?? undefined, params: d.params, url: '' });
    let res: Response;
    try {
      res = await fetch(this.config.smsGatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requestId: d.id, phoneNumber: d.address, signName: this.config.smsSignName, templateId: sms.templateId, params: sms.params }),
        signal: AbortSignal.timeout(this.config.sendTimeoutMs),
      });
    } catch (err) {
      return { ok: false, retry: true, reason: `gateway unreachable: ${(err as Error).message}`.slice(0, 500) };
    }
    const text = (await res.text().catch(() => '')).slice(0, 300);
    if (res.ok) {
      let messageId: string | undefined;
      try {
        messageId = (JSON.parse(text) as { messageId?: string }).messageId;
      } catch {
        messageId = undefined;
      }
      return { ok: true, providerId: messageId };
    }
    return { ok: false, retry: res.status >= 500, reason: `gateway answered ${res.status}${text ? `: ${text}` : ''}` };
  }
}
