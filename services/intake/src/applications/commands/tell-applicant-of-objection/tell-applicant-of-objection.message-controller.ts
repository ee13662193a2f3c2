import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, ObjectionReceived, ObjectionResolved } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { TellApplicantOfObjectionHandler } from './tell-applicant-of-objection.handler';

/** The Kafka adapter of TellApplicantOfObjectionHandler: objectionReceived, objectionResolved. */
@Controller()
export class TellApplicantOfObjectionMessageController {
  constructor(private readonly handler: TellApplicantOfObjectionHandler) {}

  @OnEvent(Events.objectionReceived)
  onReceived(@Payload() event: ObjectionReceived, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.onReceived(event, ctx);
  }

  @OnEvent(Events.objectionResolved)
  onResolved(@Payload() event: ObjectionResolved, @Ctx() ctx: EventContext): Promise<void> {
    return this.handler.onResolved(event, ctx);
  }
}
