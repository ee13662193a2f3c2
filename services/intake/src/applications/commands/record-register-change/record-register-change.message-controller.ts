import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, FilingStatusChanged } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordRegisterChangeHandler } from './record-register-change.handler';

/** The Kafka adapter of RecordRegisterChangeHandler: filingStatusChanged. */
@Controller()
export class RecordRegisterChangeMessageController {
  constructor(private readonly handler: RecordRegisterChangeHandler) {}

  @OnEvent(Events.filingStatusChanged)
  on(@Payload() event: FilingStatusChanged, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.on(event, ctx);
  }
}
