import { Injectable } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import { NotificationConfig } from '../../infrastructure/notification.config';
import type { DueDelivery } from '../infrastructure/notification.repository';
import type { DeliveryChannel, SendOutcome } from './channel';

/**
 * E-mail over SMTP (nodemailer, SMTP_URL). The Message-ID is the delivery's id, so a mail sent again after a crash
 * between sending and recording is recognisably the same mail. A 5xx answer (mailbox unknown, refused) is final;
 * anything else (connection, timeout, 4xx) is tried again.
 */
@Injectable()
export class EmailChannel implements DeliveryChannel {
  private readonly transport?: nodemailer.Transporter;

  constructor(private readonly config: NotificationConfig) {
    if (config.smtpUrl) {
      const timeout = config.sendTimeoutMs;
      this.transport = nodemailer.createTransport(config.smtpUrl, {
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      } as nodemailer.TransportOptions);
    }
  }

  async send(d: DueDelivery): Promise<SendOutcome> {
    if (!this.transport) return { ok: false, retry: false, reason: 'e-mail is not configured (SMTP_URL)' };
    try {
      const info = await this.transport.sendMail({
        from: this.config.mailFrom,
        to: d.recipientName ? { name: d.recipientName, address: d.address } : d.address,
        subject: d.title,
        text: d.body,
        messageId: `<${d.id}@notification.jl-filing>`,
        headers: { 'X-Filing-Case': d.caseId, 'X-Filing-Kind': d.kind },
      });
      return { ok: true, providerId: info.messageId };
    } catch (err) {
      const e = err as Error & { responseCode?: number; code?: string };
      const reason = `${e.code ?? 'SMTP'} ${e.responseCode ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim().slice(0, 500);
      return { ok: false, retry: !(e.responseCode && e.responseCode >= 500), reason };
    }
  }

  close(): void {
    this.transport?.close();
  }
}
