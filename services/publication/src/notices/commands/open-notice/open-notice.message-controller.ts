import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseApproved, Events, findJurisdiction } from '@filing/contracts';
import { eventActor } from '@filing/audit';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { OpenNoticeHandler } from './open-notice.handler';

/**
 * An approved case (审定) goes on public notice (see OpenNoticeHandler): at once, or once the working-day calendar covers
 * the notice window.
 */
@Controller()
export class OpenNoticeMessageController {
  private readonly logger = new Logger('OpenNotice');

  constructor(private readonly opener: OpenNoticeHandler) {}

  @OnEvent(Events.caseApproved)
  async onApproved(@Payload() event: CaseApproved, @Ctx() ctx: EventContext): Promise<void> {
    if (!findJurisdiction(event.jurisdiction)) throw new UnprocessableEventError(`case ${event.caseId}: unknown jurisdiction ${event.jurisdiction}`);
    const outcome = await this.opener.openOrWait(ctx.manager, event, ctx.meta.id, eventActor(ctx, event.jurisdiction));
    if (outcome === 'already-on-notice') this.logger.warn(`case ${event.caseId}: already on notice; approval event ${ctx.meta.id} ignored`);
  }
}
