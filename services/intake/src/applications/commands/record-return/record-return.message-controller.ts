import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseReturned, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { afterReturn } from '../../domain/application-status';
import { RecordOnTimelineHandler } from '../record-on-timeline.handler';

/** Materials returned (材料退回): the reasons go to the applicant, who may now upload new versions and resubmit. */
@Controller()
export class RecordReturnMessageController {
  constructor(private readonly timeline: RecordOnTimelineHandler) {}

  @OnEvent(Events.caseReturned)
  async on(@Payload() event: CaseReturned, @Ctx() ctx: EventContext): Promise<void> {
    await this.timeline.record(
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
  }
}
