import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseStageChanged, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { isNewerStage } from '../../domain/application-status';
import { RecordOnTimelineHandler } from '../record-on-timeline.handler';

/** Every stage change of the case goes on the applicant's timeline; the newest one is the current stage. */
@Controller()
export class RecordStageChangeMessageController {
  constructor(private readonly timeline: RecordOnTimelineHandler) {}

  @OnEvent(Events.caseStageChanged)
  async on(@Payload() event: CaseStageChanged, @Ctx() ctx: EventContext): Promise<void> {
    const at = new Date(event.at);
    await this.timeline.record(
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
  }
}
