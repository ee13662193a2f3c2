import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ApplicationResubmitted, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { ResumeAfterResubmissionHandler } from './resume-after-resubmission.handler';

/** Kafka adapter for ResumeAfterResubmissionHandler: translates the event and calls the handler. */
@Controller()
export class ResumeAfterResubmissionMessageController {
  constructor(private readonly handler: ResumeAfterResubmissionHandler) {}

  @OnEvent(Events.applicationResubmitted)
  async on(@Payload() e: ApplicationResubmitted, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
