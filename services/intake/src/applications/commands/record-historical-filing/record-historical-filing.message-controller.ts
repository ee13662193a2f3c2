import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, RegisterEntryImported } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordHistoricalFilingHandler } from './record-historical-filing.handler';

/** The Kafka adapter of RecordHistoricalFilingHandler: registerEntryImported. */
@Controller()
export class RecordHistoricalFilingMessageController {
  constructor(private readonly handler: RecordHistoricalFilingHandler) {}

  @OnEvent(Events.registerEntryImported)
  on(@Payload() event: RegisterEntryImported, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.on(event, ctx);
  }
}
