import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events, NotificationKind } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { Draw } from './draw.entity';
import { ExpertDatabaseRepository } from './expert-database.repository';

const MOBILE = /^(\+?86)?1\d{10}$/;

/**
 * Expert-pool owns the experts' contact data, so it decides that an expert is told (ADR 0019): one notification
 * request per expert through its outbox, in the caller's transaction, with the expert's e-mail and mobile and a link
 * to the group's page (where the invitation is confirmed or declined).
 */
@Injectable()
export class ExpertNotifications {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly experts: ExpertDatabaseRepository,
  ) {}

  /**
   * `because`: what happened (`<draw>|drawn`, …), so each expert is told once whatever the retries. `link`: the
   * console page that acts on it, the group's page unless given (the evaluation page for scoring).
   */
  async tell(
    m: EntityManager,
    d: Draw,
    expertIds: string[],
    kind: NotificationKind,
    because: string,
    params: Record<string, string>,
    link = `/expert/draws/${d.id}`,
  ): Promise<void> {
    if (expertIds.length === 0) return;
    const rows = await this.experts.contacts(m, expertIds);
    for (const e of rows) {
      const recipient = `expert:${e.id}`;
      const phone = (e.contact.phone ?? '').replace(/[\s\-()]/g, '');
      await this.outbox.add(m, Events.expertNotificationRequested, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        kind,
        recipient: {
          id: recipient,
          role: 'expert',
          name: `${e.name} 专家`,
          ...(e.contact.email ? { email: e.contact.email } : {}),
          ...(MOBILE.test(phone) ? { mobile: phone } : {}),
        },
        params: { institution: d.applicant.name, ...params },
        link,
        dedupeKey: `${because}|${recipient}`,
        requestedAt: this.clock.now().toISOString(),
      });
    }
  }
}
