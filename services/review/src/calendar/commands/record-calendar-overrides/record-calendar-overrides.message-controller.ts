import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CalendarOverridesLoaded, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordCalendarOverridesHandler } from './record-calendar-overrides.handler';

/** Kafka adapter for RecordCalendarOverridesHandler: translates the event and calls the handler. */
@Controller()
export class RecordCalendarOverridesMessageController {
  constructor(private readonly handler: RecordCalendarOverridesHandler) {}

  @OnEvent(Events.calendarOverridesLoaded)
  async on(@Payload() e: CalendarOverridesLoaded, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
