import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, FilingIssued } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordFilingIssuedHandler } from './record-filing-issued.handler';

/** Kafka adapter for RecordFilingIssuedHandler: translates the event and calls the handler. */
@Controller()
export class RecordFilingIssuedMessageController {
  constructor(private readonly handler: RecordFilingIssuedHandler) {}

  @OnEvent(Events.filingIssued)
  async on(@Payload() e: FilingIssued, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
