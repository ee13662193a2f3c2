import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events, NotificationKind } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { Application } from './application.entity';

const MOBILE = /^(\+?86)?1\d{10}$/;

/**
 * Intake owns the applicant's contact data, so it decides that the applicant is told (ADR 0019): a notification
 * request through its outbox, in the caller's transaction. The institution's applicant accounts read it in the console
 * inbox; its contact's e-mail and mobile (only a mobile number: SMS cannot reach a landline) travel with it.
 */
@Injectable()
export class ApplicantNotifications {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** `because`: the id of what happened (the consumed event, or the decision), so the notice is given once. */
  async tell(m: EntityManager, application: Application, kind: NotificationKind, because: string, params: Record<string, string>): Promise<void> {
    const recipient = `institution:${application.creditCode}`;
    const contact = application.institution.contact;
    const phone = contact.phone.replace(/[\s\-()]/g, '');
    await this.outbox.add(m, Events.applicantNotificationRequested, {
      caseId: application.id,
      jurisdiction: application.jurisdiction,
      kind,
      recipient: {
        id: recipient,
        role: 'applicant',
        name: application.institution.name,
        ...(contact.email ? { email: contact.email } : {}),
        ...(MOBILE.test(phone) ? { mobile: phone } : {}),
      },
      params: { institution: application.institution.name, ...params },
      link: `/applicant/applications/${application.id}`,
      dedupeKey: `${because}|${recipient}`,
      requestedAt: this.clock.now().toISOString(),
    });
  }
}
