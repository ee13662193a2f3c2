import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, InstanceHeartbeat } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { RecordHeartbeatHandler } from './record-heartbeat.handler';

/** Kafka adapter for RecordHeartbeatHandler: translates the event and calls the handler. */
@Controller()
export class RecordHeartbeatMessageController {
  constructor(private readonly handler: RecordHeartbeatHandler) {}

  @OnEvent(Events.instanceHeartbeat)
  async on(@Payload() e: InstanceHeartbeat, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.execute(e, ctx);
  }
}
