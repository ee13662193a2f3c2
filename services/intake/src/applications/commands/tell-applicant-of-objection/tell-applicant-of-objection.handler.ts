import { Injectable } from '@nestjs/common';
import { ObjectionReceived, ObjectionResolved } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { findApplicationForEvent } from '../../infrastructure/application-for-event';
import { ApplicantNotifications } from '../../infrastructure/applicant-notifications';

/**
 * An objection (异议) against the applicant's notice: the applicant is told that one was lodged and, later, how the
 * centre decided it — by the receipt number only, never who objected (publication keeps the objector's identity). A
 * case intake does not hold (a notice of the historical register, say) has no applicant here to tell.
 */
@Injectable()
export class TellApplicantOfObjectionHandler {
  constructor(private readonly notifications: ApplicantNotifications) {}

  async onReceived(event: ObjectionReceived, ctx: EventContext): Promise<void> {
    const application = await findApplicationForEvent(ctx.manager, event.caseId);
    if (!application) return;
    await this.notifications.tell(ctx.manager, application, 'notice-objection-received', ctx.meta.id, {
      receiptNumber: event.receiptNumber,
      receivedAt: event.receivedAt,
    });
  }

  async onResolved(event: ObjectionResolved, ctx: EventContext): Promise<void> {
    const application = await findApplicationForEvent(ctx.manager, event.caseId);
    if (!application) return;
    await this.notifications.tell(ctx.manager, application, 'notice-objection-decided', ctx.meta.id, {
      ...(event.receiptNumber ? { receiptNumber: event.receiptNumber } : {}),
      outcome: event.outcome,
      decidedAt: event.resolvedAt,
      reason: event.reason,
    });
  }
}
