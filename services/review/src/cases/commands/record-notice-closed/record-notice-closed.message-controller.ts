import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, NoticeClosed } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordNoticeClosedHandler } from './record-notice-closed.handler';

/** Kafka adapter for RecordNoticeClosedHandler: translates the event and calls the handler. */
@Controller()
export class RecordNoticeClosedMessageController {
  constructor(private readonly handler: RecordNoticeClosedHandler) {}

  @OnEvent(Events.noticeClosed)
  async on(@Payload() e: NoticeClosed, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
