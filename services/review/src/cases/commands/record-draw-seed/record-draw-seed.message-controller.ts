import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DrawSeedRevealed, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordDrawSeedHandler } from './record-draw-seed.handler';

/** Kafka adapter for RecordDrawSeedHandler: translates the event and calls the handler. */
@Controller()
export class RecordDrawSeedMessageController {
  constructor(private readonly handler: RecordDrawSeedHandler) {}

  @OnEvent(Events.drawSeedRevealed)
  async on(@Payload() e: DrawSeedRevealed, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
