import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events, NotificationKind, Role } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';

export interface StaffNotice {
  caseId: string;
  /** The case's jurisdiction. */
  jurisdiction: string;
  kind: NotificationKind;
  role: Role;
  /** Whose queue: the case's jurisdiction, or the province's for a re-check. */
  queueOf: string;
  params: Record<string, string>;
  link: string;
  /** What happened, once per case (the step's version, the re-check's id), so each is told once. */
  because: string;
  at: string;
}

/**
 * Review owns the queues, so it tells whoever holds a role at a jurisdiction what arrived in theirs (ADR 0019): a
 * notification request through its outbox, in the caller's transaction, addressed to the role (`role:<role>@<code>`),
 * read in the console inbox; no personal address travels.
 */
@Injectable()
export class StaffNotifications {
  constructor(private readonly outbox: OutboxWriter) {}

  async tell(m: EntityManager, n: StaffNotice): Promise<void> {
    const recipient = `role:${n.role}@${n.queueOf}`;
    await this.outbox.add(m, Events.reviewNotificationRequested, {
      caseId: n.caseId,
      jurisdiction: n.jurisdiction,
      kind: n.kind,
      recipient: { id: recipient, role: n.role },
      params: n.params,
      link: n.link,
      dedupeKey: `${n.because}|${recipient}`,
      requestedAt: n.at,
    });
  }
}
