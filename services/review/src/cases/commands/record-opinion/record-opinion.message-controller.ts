import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, OpinionSubmitted } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordOpinionHandler } from './record-opinion.handler';

/** Kafka adapter for RecordOpinionHandler: translates the event and calls the handler. */
@Controller()
export class RecordOpinionMessageController {
  constructor(private readonly handler: RecordOpinionHandler) {}

  @OnEvent(Events.opinionSubmitted)
  async on(@Payload() e: OpinionSubmitted, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
