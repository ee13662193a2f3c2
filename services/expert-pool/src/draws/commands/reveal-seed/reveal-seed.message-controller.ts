import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseRejected, Events, OpinionSubmitted } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { TellGroupHandler } from '../tell-group/tell-group.handler';
import { RevealSeedHandler } from './reveal-seed.handler';

/**
 * assessment.opinion.submitted.v1 and review.case.rejected.v1 → the draws' seeds revealed; an opinion also tells the
 * group's members it was submitted (one handler per topic, so both run here, in the one consumer transaction).
 */
@Controller()
export class RevealSeedMessageController {
  constructor(
    private readonly handler: RevealSeedHandler,
    private readonly tellGroup: TellGroupHandler,
  ) {}

  @OnEvent(Events.opinionSubmitted)
  async onOpinion(@Payload() e: OpinionSubmitted, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.afterOpinion(ctx.manager, e, ctx);
    await this.tellGroup.onOpinion(ctx.manager, e);
  }

  @OnEvent(Events.caseRejected)
  async onRejected(@Payload() e: CaseRejected, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.afterRejection(ctx.manager, e, ctx);
  }
}
