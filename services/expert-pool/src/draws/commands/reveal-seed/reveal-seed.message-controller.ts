import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseRejected, Events, OpinionSubmitted } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RevealSeedHandler } from './reveal-seed.handler';

/** assessment.opinion.submitted.v1 and review.case.rejected.v1 → the draws' seeds revealed. */
@Controller()
export class RevealSeedMessageController {
  constructor(private readonly handler: RevealSeedHandler) {}

  @OnEvent(Events.opinionSubmitted)
  async onOpinion(@Payload() e: OpinionSubmitted, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.afterOpinion(ctx.manager, e, ctx);
  }

  @OnEvent(Events.caseRejected)
  async onRejected(@Payload() e: CaseRejected, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.afterRejection(ctx.manager, e, ctx);
  }
}
