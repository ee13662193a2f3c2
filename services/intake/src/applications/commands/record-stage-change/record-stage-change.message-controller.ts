import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, CaseStageChanged } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordStageChangeHandler } from './record-stage-change.handler';

/** The Kafka adapter of RecordStageChangeHandler: caseStageChanged. */
@Controller()
export class RecordStageChangeMessageController {
  constructor(private readonly handler: RecordStageChangeHandler) {}

  @OnEvent(Events.caseStageChanged)
  on(@Payload() event: CaseStageChanged, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.on(event, ctx);
  }
}
