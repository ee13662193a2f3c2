import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, NoticeAwaitingCalendar, NoticeOpened, ObjectionReceived, ObjectionResolved } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordPublicNoticeHandler } from './record-public-notice.handler';

/** Kafka adapter for RecordPublicNoticeHandler: translates the event and calls the handler. */
@Controller()
export class RecordPublicNoticeMessageController {
  constructor(private readonly handler: RecordPublicNoticeHandler) {}

  @OnEvent(Events.noticeAwaitingCalendar)
  async awaitingCalendar(@Payload() e: NoticeAwaitingCalendar, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.awaitingCalendar(e, ctx);
  }

  @OnEvent(Events.noticeOpened)
  async opened(@Payload() e: NoticeOpened, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.opened(e, ctx);
  }

  @OnEvent(Events.objectionReceived)
  async received(@Payload() e: ObjectionReceived, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.received(e, ctx);
  }

  @OnEvent(Events.objectionResolved)
  async resolved(@Payload() e: ObjectionResolved, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.resolved(e, ctx);
  }
}
