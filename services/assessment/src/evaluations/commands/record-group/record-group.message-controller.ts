import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupFormed, GroupLeaderElected, GroupMemberReplaced } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordGroupHandler } from './record-group.handler';

/** expert-pool's group events → the group that evaluates the case. */
@Controller()
export class RecordGroupMessageController {
  constructor(private readonly handler: RecordGroupHandler) {}

  @OnEvent(Events.groupFormed)
  async onFormed(@Payload() e: GroupFormed, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.formed(ctx.manager, e);
  }

  @OnEvent(Events.groupMemberReplaced)
  async onReplaced(@Payload() e: GroupMemberReplaced, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.memberReplaced(ctx.manager, e);
  }

  @OnEvent(Events.groupLeaderElected)
  async onLeaderElected(@Payload() e: GroupLeaderElected, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.leaderElected(ctx.manager, e);
  }
}
