import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, NotificationRequested } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { AcceptRequestHandler } from './accept-request.handler';

/**
 * The request topics of every owner of contact data: applicants (intake), experts (expert-pool), objectors
 * (publication) and the queues of centre staff and approvers (review, which holds no one's addresses).
 */
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

  @OnEvent(Events.reviewNotificationRequested)
  async onQueue(@Payload() r: NotificationRequested, @Ctx() ctx: EventContext): Promise<void> {
    if (!r.recipient.id.startsWith('role:'))
      throw new UnprocessableEventError(`notification ${r.dedupeKey}: review addresses roles only (role:<role>@<jurisdiction>), not ${r.recipient.id}`);
    await this.handler.accept(ctx, r);
  }

  @OnEvent(Events.publicationNotificationRequested)
  async onObjector(@Payload() r: NotificationRequested, @Ctx() ctx: EventContext): Promise<void> {
    await this.handler.accept(ctx, r);
  }
}
