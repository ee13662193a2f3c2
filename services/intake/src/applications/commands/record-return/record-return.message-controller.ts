import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseReturned, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { Application } from '../../domain/application.entity';
import { afterReturn } from '../../domain/application-status';
import { CaseEvent } from '../../domain/case-event.entity';
import { applicationForEvent } from '../../infrastructure/application-for-event';

/** Materials returned (材料退回): the reasons go to the applicant, who may now upload new versions and resubmit. */
@Controller()
export class RecordReturnMessageController {
  @OnEvent(Events.caseReturned)
  async on(@Payload() event: CaseReturned, @Ctx() ctx: EventContext): Promise<void> {
    const application = await applicationForEvent(ctx.manager, event.caseId, ctx.topic);
    await ctx.manager.insert(CaseEvent, {
      eventId: ctx.meta.id,
      applicationId: application.id,
      kind: 'returned',
      stageFrom: event.atStage,
      stageTo: 'RETURNED',
      action: 'return',
      reason: event.reasons.join('\n'),
      details: { reasons: event.reasons, returnCount: event.returnCount },
      occurredAt: new Date(event.returnedAt),
    });
    const next = afterReturn(application, event.returnCount);
    await ctx.manager.update(Application, { id: application.id }, { status: next.status, returnCount: next.returnCount });
  }
}
