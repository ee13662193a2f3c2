import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, NotificationRequested } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { AcceptRequestHandler } from './accept-request.handler';

/** The request topics of every owner of contact data: applicants (intake), experts (expert-pool), objectors (publication). */
@Controller()
export class AcceptRequestMessageController {
  constructor(private readonly handler: AcceptRequestHandler) {}

  @OnEvent(Events.applicantNotificationRequested)
  async onApplicant(@Payload() r: NotificationRequested, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.accept(ctx, r);
  }

  @OnEvent(Events.expertNotificationRequested)
  async onExpert(@Payload() r: NotificationRequested, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.accept(ctx, r);
  }

  @OnEvent(Events.publicationNotificationRequested)
  async onObjector(@Payload() r: NotificationRequested, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.accept(ctx, r);
  }
}
