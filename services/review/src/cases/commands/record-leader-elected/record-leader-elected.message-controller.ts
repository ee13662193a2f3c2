import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupLeaderElected } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordLeaderElectedHandler } from './record-leader-elected.handler';

/** Kafka adapter for RecordLeaderElectedHandler: translates the event and calls the handler. */
@Controller()
export class RecordLeaderElectedMessageController {
  constructor(private readonly handler: RecordLeaderElectedHandler) {}

  @OnEvent(Events.groupLeaderElected)
  async on(@Payload() e: GroupLeaderElected, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
