import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ApplicationSubmitted, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { OpenCaseHandler } from './open-case.handler';

/** Kafka adapter for OpenCaseHandler: translates the event and calls the handler. */
@Controller()
export class OpenCaseMessageController {
  constructor(private readonly handler: OpenCaseHandler) {}

  @OnEvent(Events.applicationSubmitted)
  async onSubmitted(@Payload() event: ApplicationSubmitted, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.onSubmitted(event, ctx);
  }
}
