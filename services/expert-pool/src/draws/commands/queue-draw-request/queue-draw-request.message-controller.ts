import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, ExpertGroupRequested } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { QueueDrawRequestHandler } from './queue-draw-request.handler';

/** review.expert-group.requested.v1 → a draw request in the officer's queue. */
@Controller()
export class QueueDrawRequestMessageController {
  constructor(private readonly handler: QueueDrawRequestHandler) {}

  @OnEvent(Events.expertGroupRequested)
  async on(@Payload() e: ExpertGroupRequested, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.execute(ctx.manager, e, ctx.meta.id);
  }
}
