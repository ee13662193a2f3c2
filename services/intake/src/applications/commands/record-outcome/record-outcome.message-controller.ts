import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseApproved, CaseRejected, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { Application } from '../../domain/application.entity';
import { afterOutcome } from '../../domain/application-status';
import { CaseEvent } from '../../domain/case-event.entity';
import { applicationForEvent } from '../../infrastructure/application-for-event';

/** The applicant learns the result: approved (审定通过) or ended without a filing, with the reason. */
@Controller()
export class RecordOutcomeMessageController {
  @OnEvent(Events.caseApproved)
  async onApproved(@Payload() event: CaseApproved, @Ctx() ctx: EventContext): Promise<void> {
    const application = await applicationForEvent(ctx.manager, event.caseId, ctx.topic);
    await ctx.manager.insert(CaseEvent, {
      eventId: ctx.meta.id,
      applicationId: application.id,
      kind: 'approved',
      stageFrom: 'APPROVAL',
      stageTo: null,
      action: 'approve',
      reason: null,
      details: { approvalBody: event.approvalBody, ...(event.meetingReference ? { meetingReference: event.meetingReference } : {}), occupations: event.occupations },
      occurredAt: new Date(event.approvedAt),
    });
    await ctx.manager.update(Application, { id: application.id }, { status: afterOutcome(application, 'approved').status });
  }

  @OnEvent(Events.caseRejected)
  async onRejected(@Payload() event: CaseRejected, @Ctx() ctx: EventContext): Promise<void> {
    const application = await applicationForEvent(ctx.manager, event.caseId, ctx.topic);
    await ctx.manager.insert(CaseEvent, {
      eventId: ctx.meta.id,
      applicationId: application.id,
      kind: 'rejected',
      stageFrom: event.atStage,
      stageTo: event.finalStage,
      action: 'reject',
      reason: event.reason,
      details: {},
      occurredAt: new Date(event.decidedAt),
    });
    await ctx.manager.update(Application, { id: application.id }, { status: afterOutcome(application, 'rejected').status });
  }
}
