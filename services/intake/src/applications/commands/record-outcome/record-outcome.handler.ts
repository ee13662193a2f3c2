import { Injectable } from '@nestjs/common';
import { CaseApproved, CaseRejected } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { afterOutcome } from '../../domain/application-status';
import { ApplicantNotifications } from '../../infrastructure/applicant-notifications';
import { RecordOnTimelineHandler } from '../record-on-timeline.handler';

/**
 * The applicant learns the result: approved (审定通过) for the occupations that passed, those that did not with the
 * group's reason, or ended without a filing, with the reason.
 */
@Injectable()
export class RecordOutcomeHandler {
  constructor(
    private readonly timeline: RecordOnTimelineHandler,
    private readonly notifications: ApplicantNotifications,
  ) {}

  async onApproved(event: CaseApproved, ctx: EventContext): Promise<void> {
    const application = await this.timeline.record(
      ctx,
      event.caseId,
      {
        kind: 'approved',
        stageFrom: 'APPROVAL',
        stageTo: null,
        action: 'approve',
        reason: null,
        details: {
          approvalBody: event.approvalBody,
          ...(event.meetingReference ? { meetingReference: event.meetingReference } : {}),
          // The occupations approved (passed by the comprehensive opinion) and those that did not pass, with why.
          occupations: event.occupations,
          ...(event.occupationOutcomes ? { notPassedOccupations: event.occupationOutcomes.filter((o) => o.result !== 'pass') } : {}),
        },
        occurredAt: new Date(event.approvedAt),
      },
      (application) => ({ status: afterOutcome(application, 'approved').status }),
    );
    await this.notifications.tell(ctx.manager, application, 'approved-under-notice', ctx.meta.id, {
      approvedAt: event.approvedAt,
      approvalBody: event.approvalBody,
    });
  }

  async onRejected(event: CaseRejected, ctx: EventContext): Promise<void> {
    const application = await this.timeline.record(
      ctx,
      event.caseId,
      {
        kind: 'rejected',
        stageFrom: event.atStage,
        stageTo: event.finalStage,
        action: 'reject',
        reason: event.reason,
        details: {},
        occurredAt: new Date(event.decidedAt),
      },
      (application) => ({ status: afterOutcome(application, 'rejected').status }),
    );
    // Ended before acceptance: 不予受理; later: not passed.
    const kind = event.atStage === 'SUBMITTED' ? 'application-not-accepted' : 'not-passed';
    await this.notifications.tell(ctx.manager, application, kind, ctx.meta.id, { decidedAt: event.decidedAt, reason: event.reason });
  }
}
