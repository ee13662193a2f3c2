import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, FilingIssued } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordFilingHandler } from './record-filing.handler';

/** The Kafka adapter of RecordFilingHandler: filingIssued. */
@Controller()
export class RecordFilingMessageController {
  constructor(private readonly handler: RecordFilingHandler) {}

  @OnEvent(Events.filingIssued)
  on(@Payload() event: FilingIssued, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.on(event, ctx);
  }
}
