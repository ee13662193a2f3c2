import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, CaseApproved, CaseRejected } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordOutcomeHandler } from './record-outcome.handler';

/** The Kafka adapter of RecordOutcomeHandler: caseApproved, caseRejected. */
@Controller()
export class RecordOutcomeMessageController {
  constructor(private readonly handler: RecordOutcomeHandler) {}

  @OnEvent(Events.caseApproved)
  onApproved(@Payload() event: CaseApproved, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.onApproved(event, ctx);
  }

  @OnEvent(Events.caseRejected)
  onRejected(@Payload() event: CaseRejected, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.onRejected(event, ctx);
  }
}
