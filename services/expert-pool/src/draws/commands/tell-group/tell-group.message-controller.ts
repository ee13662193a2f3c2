import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseStageChanged, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { TellGroupHandler } from './tell-group.handler';

/** review.case.stage-changed.v1 → the group told when the on-site evaluation opens. */
@Controller()
export class TellGroupMessageController {
  constructor(private readonly handler: TellGroupHandler) {}

  @OnEvent(Events.caseStageChanged)
  async onStageChanged(@Payload() e: CaseStageChanged, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.onStageChanged(ctx.manager, e);
  }
}
