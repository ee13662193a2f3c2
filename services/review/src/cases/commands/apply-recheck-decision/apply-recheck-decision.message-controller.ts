import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, RecheckDecided } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { ApplyRecheckDecisionHandler } from './apply-recheck-decision.handler';

/** Kafka adapter for ApplyRecheckDecisionHandler: translates the event and calls the handler. */
@Controller()
export class ApplyRecheckDecisionMessageController {
  constructor(private readonly handler: ApplyRecheckDecisionHandler) {}

  @OnEvent(Events.recheckDecided)
  async on(@Payload() e: RecheckDecided, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
