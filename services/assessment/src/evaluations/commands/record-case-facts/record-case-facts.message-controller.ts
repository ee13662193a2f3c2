import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, ExpertGroupRequested } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordCaseFactsHandler } from './record-case-facts.handler';

/** review.expert-group.requested.v1 → the case's facts. */
@Controller()
export class RecordCaseFactsMessageController {
  constructor(private readonly handler: RecordCaseFactsHandler) {}

  @OnEvent(Events.expertGroupRequested)
  async on(@Payload() e: ExpertGroupRequested, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.execute(ctx.manager, e);
  }
}
