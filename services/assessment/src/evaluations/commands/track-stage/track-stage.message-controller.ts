import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseStageChanged, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { EvaluationStore } from '../../evaluation-store';

/**
 * Review owns the stage; assessment follows it to know what the group may do. A return (退回) opens a new preliminary
 * round, so the leader can submit a new 初评意见 once the applicant has resubmitted.
 */
@Controller()
export class TrackStageMessageController {
  constructor(private readonly store: EvaluationStore) {}

  @OnEvent(Events.caseStageChanged)
  async on(@Payload() e: CaseStageChanged, @Ctx() ctx: EventContext): Promise<void> {
    const ev = await this.store.ensureLocked(ctx.manager, e.caseId);
    ev.jurisdiction = ev.jurisdiction ?? e.jurisdiction;
    ev.stage = e.to;
    if (e.to === 'RETURNED') ev.preliminaryRound += 1;
    await ctx.manager.save(ev);
  }
}
