import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseStageChanged, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordStageChangeHandler } from './record-stage-change.handler';

/** Kafka adapter for RecordStageChangeHandler: translates the event and calls the handler. */
@Controller()
export class RecordStageChangeMessageController {
  constructor(private readonly handler: RecordStageChangeHandler) {}

  @OnEvent(Events.caseStageChanged)
  async on(@Payload() e: CaseStageChanged, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
