import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupMemberReplaced } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordMemberReplacedHandler } from './record-member-replaced.handler';

/** Kafka adapter for RecordMemberReplacedHandler: translates the event and calls the handler. */
@Controller()
export class RecordMemberReplacedMessageController {
  constructor(private readonly handler: RecordMemberReplacedHandler) {}

  @OnEvent(Events.groupMemberReplaced)
  async on(@Payload() e: GroupMemberReplaced, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
