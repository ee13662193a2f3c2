import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseStageChanged, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordStageChangeHandler } from './record-stage-change.handler';

/** review.case.stage-changed.v1 → the stage the group acts at. */
@Controller()
export class RecordStageChangeMessageController {
  constructor(private readonly handler: RecordStageChangeHandler) {}

  @OnEvent(Events.caseStageChanged)
  async on(@Payload() e: CaseStageChanged, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.execute(ctx.manager, e);
  }
}
