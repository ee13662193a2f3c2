import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupFormed, GroupMemberReplaced } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordExpertGroupHandler } from './record-expert-group.handler';

/** The Kafka adapter of RecordExpertGroupHandler: groupFormed, groupMemberReplaced. */
@Controller()
export class RecordExpertGroupMessageController {
  constructor(private readonly handler: RecordExpertGroupHandler) {}

  @OnEvent(Events.groupFormed)
  onFormed(@Payload() e: GroupFormed, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.onFormed(e, ctx);
  }

  @OnEvent(Events.groupMemberReplaced)
  onReplaced(@Payload() e: GroupMemberReplaced, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.onReplaced(e, ctx);
  }
}
