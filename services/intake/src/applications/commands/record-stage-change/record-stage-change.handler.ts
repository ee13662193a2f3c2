import { Injectable } from '@nestjs/common';
import { CaseStageChanged } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { isNewerStage } from '../../domain/application-status';
import { ApplicantNotifications } from '../../infrastructure/applicant-notifications';
import { RecordOnTimelineHandler } from '../record-on-timeline.handler';

/** Every stage change of the case goes on the applicant's timeline; the newest one is the current stage. */
@Injectable()
export class RecordStageChangeHandler {
  constructor(
    private readonly timeline: RecordOnTimelineHandler,
    private readonly notifications: ApplicantNotifications,
  ) {}

  async on(event: CaseStageChanged, ctx: EventContext): Promise<void> {
    const at = new Date(event.at);
    const application = await this.timeline.record(
      ctx,
      event.caseId,
      {
        kind: 'stage-changed',
        stageFrom: event.from ?? null,
        stageTo: event.to,
        action: event.action,
        reason: event.reason ?? null,
        details: { actor: { role: event.actor.role, jurisdiction: event.actor.jurisdiction } },
        occurredAt: at,
      },
      (application) => (isNewerStage({ at: application.caseStageAt }, at) ? { caseStage: event.to, caseStageAt: at } : null),
    );
    // 受理, and the on-site evaluation ahead (after 初评): the applicant is told; the other steps reach them by their
    // own events (returned, approved, …).
    if (event.to === 'ACCEPTED') await this.notifications.tell(ctx.manager, application, 'application-accepted', ctx.meta.id, { acceptedAt: event.at });
    if (event.to === 'ONSITE_EVALUATION')
      await this.notifications.tell(ctx.manager, application, 'onsite-evaluation-due', ctx.meta.id, { enteredAt: event.at });
  }
}
