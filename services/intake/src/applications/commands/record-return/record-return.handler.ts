import { Injectable } from '@nestjs/common';
import { CaseReturned } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { afterReturn } from '../../domain/application-status';
import { ApplicantNotifications } from '../../infrastructure/applicant-notifications';
import { RecordOnTimelineHandler } from '../record-on-timeline.handler';

/** Materials returned (材料退回): the reasons go to the applicant, who may now upload new versions and resubmit. */
@Injectable()
export class RecordReturnHandler {
  constructor(
    private readonly timeline: RecordOnTimelineHandler,
    private readonly notifications: ApplicantNotifications,
  ) {}

  async on(event: CaseReturned, ctx: EventContext): Promise<void> {
    const application = await this.timeline.record(
      ctx,
      event.caseId,
      {
        kind: 'returned',
        stageFrom: event.atStage,
        stageTo: 'RETURNED',
        action: 'return',
        reason: event.reasons.join('\n'),
        details: { reasons: event.reasons, returnCount: event.returnCount },
        occurredAt: new Date(event.returnedAt),
      },
      (application) => {
        const next = afterReturn(application, event.returnCount);
        return { status: next.status, returnCount: next.returnCount };
      },
    );
    await this.notifications.tell(ctx.manager, application, 'materials-returned', ctx.meta.id, {
      returnedAt: event.returnedAt,
      reasons: event.reasons.join('\n'),
    });
  }
}
