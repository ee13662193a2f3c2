import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events, NotificationKind } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';

const MOBILE = /^(\+?86)?1\d{10}$/;

export interface ObjectorContact {
  objectionId: string;
  receiptNumber: string;
  name: string;
  phone: string;
  email: string | null;
}

/**
 * Publication owns the objector's contact data, so it decides that they are told (ADR 0019): a notification request
 * through its outbox, in the caller's transaction. An objector is a member of the public with no account: the recipient
 * is the objection itself, reached by the e-mail they gave and by SMS when their phone is a mobile number (a landline
 * cannot take one); the link is the public page that reads the objection by its receipt number.
 */
@Injectable()
export class ObjectorNotifications {
  constructor(private readonly outbox: OutboxWriter) {}

  /** `because`: what happened to the objection (`received`, `decided`), so each is told once. */
  async tell(
    m: EntityManager,
    o: ObjectorContact,
    about: { caseId: string; jurisdiction: string; institution: string },
    kind: NotificationKind,
    because: string,
    at: Date,
    params: Record<string, string>,
  ): Promise<void> {
    const recipient = `objection:${o.objectionId}`;
    const phone = o.phone.replace(/[\s\-()]/g, '');
    await this.outbox.add(m, Events.publicationNotificationRequested, {
      caseId: about.caseId,
      jurisdiction: about.jurisdiction,
      kind,
      recipient: {
        id: recipient,
        role: 'public',
        name: o.name,
        ...(o.email ? { email: o.email } : {}),
        ...(MOBILE.test(phone) ? { mobile: phone } : {}),
      },
      params: { institution: about.institution, receiptNumber: o.receiptNumber, ...params },
      link: `/objections/${encodeURIComponent(o.receiptNumber)}`,
      dedupeKey: `${o.objectionId}|${because}|${recipient}`,
      requestedAt: at.toISOString(),
    });
  }

  /**
   * The centre staff of the notice's jurisdiction are told an objection awaits their investigation: by role, in the
   * console inbox (nothing of the objector's but the receipt number).
   */
  async tellCentre(
    m: EntityManager,
    o: { objectionId: string; receiptNumber: string; receivedAt: Date },
    about: { caseId: string; jurisdiction: string; institution: string },
  ): Promise<void> {
    const recipient = `role:center-staff@${about.jurisdiction}`;
    await this.outbox.add(m, Events.publicationNotificationRequested, {
      caseId: about.caseId,
      jurisdiction: about.jurisdiction,
      kind: 'objection-lodged',
      recipient: { id: recipient, role: 'center-staff' },
      params: { institution: about.institution, receiptNumber: o.receiptNumber, receivedAt: o.receivedAt.toISOString() },
      link: `/cases/${about.caseId}`,
      dedupeKey: `${o.objectionId}|lodged|${recipient}`,
      requestedAt: o.receivedAt.toISOString(),
    });
  }
}
