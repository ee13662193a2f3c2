import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseStageChanged, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { Application } from '../../domain/application.entity';
import { isNewerStage } from '../../domain/application-status';
import { CaseEvent } from '../../domain/case-event.entity';
import { applicationForEvent } from '../../infrastructure/application-for-event';

/** Every stage change of the case goes on the applicant's timeline; the newest one is the current stage. */
@Controller()
export class RecordStageChangeMessageController {
  @OnEvent(Events.caseStageChanged)
  async on(@Payload() event: CaseStageChanged, @Ctx() ctx: EventContext): Promise<void> {
    const application = await applicationForEvent(ctx.manager, event.caseId, ctx.topic);
    const at = new Date(event.at);
    await ctx.manager.insert(CaseEvent, {
      eventId: ctx.meta.id,
      applicationId: application.id,
      kind: 'stage-changed',
      stageFrom: event.from ?? null,
      stageTo: event.to,
      action: event.action,
      reason: event.reason ?? null,
      details: { actor: { role: event.actor.role, jurisdiction: event.actor.jurisdiction } },
      occurredAt: at,
    });
    if (isNewerStage({ at: application.caseStageAt }, at)) {
      await ctx.manager.update(Application, { id: application.id }, { caseStage: event.to, caseStageAt: at });
    }
  }
}
