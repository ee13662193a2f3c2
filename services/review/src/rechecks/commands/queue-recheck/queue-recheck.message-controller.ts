import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, RecheckRequested } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { QueueRecheckHandler } from './queue-recheck.handler';

/** Kafka adapter for QueueRecheckHandler: translates the event and calls the handler. */
@Controller()
export class QueueRecheckMessageController {
  constructor(private readonly handler: QueueRecheckHandler) {}

  @OnEvent(Events.recheckRequested)
  async on(@Payload() e: RecheckRequested, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
