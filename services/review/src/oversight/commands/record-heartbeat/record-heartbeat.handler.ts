import { Injectable } from '@nestjs/common';
import { InstanceHeartbeat } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { OversightRepository } from '../../infrastructure/oversight.repository';

/** An instance's heartbeat: when the province last heard from it (its own clock) and what it reported. */
@Injectable()
export class RecordHeartbeatHandler {
  constructor(
    private readonly oversight: OversightRepository,
    private readonly clock: Clock,
  ) {}

  async execute(e: InstanceHeartbeat, ctx: EventContext): Promise<void> {
    await this.oversight.recordHeartbeat(ctx.manager, e, this.clock.now());
  }
}
