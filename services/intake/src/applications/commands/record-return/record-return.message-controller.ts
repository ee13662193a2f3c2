import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, CaseReturned } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordReturnHandler } from './record-return.handler';

/** The Kafka adapter of RecordReturnHandler: caseReturned. */
@Controller()
export class RecordReturnMessageController {
  constructor(private readonly handler: RecordReturnHandler) {}

  @OnEvent(Events.caseReturned)
  on(@Payload() event: CaseReturned, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.on(event, ctx);
  }
}
