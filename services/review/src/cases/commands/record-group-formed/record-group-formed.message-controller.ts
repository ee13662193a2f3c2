import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupFormed } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordGroupFormedHandler } from './record-group-formed.handler';

/** Kafka adapter for RecordGroupFormedHandler: translates the event and calls the handler. */
@Controller()
export class RecordGroupFormedMessageController {
  constructor(private readonly handler: RecordGroupFormedHandler) {}

  @OnEvent(Events.groupFormed)
  async on(@Payload() e: GroupFormed, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
