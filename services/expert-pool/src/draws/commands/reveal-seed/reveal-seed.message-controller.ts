import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseRejected, Events, OpinionSubmitted } from '@filing/contracts';
import { EventContext, OnEvent, OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { AuditLog, eventActor } from '@filing/audit';
import { Draw } from '../../infrastructure/draw.entity';
import { drawsOfCase, revealSeeds } from './reveal-seed';

/**
 * Reveal after: once the comprehensive opinion (综合技术评估意见) is in, the evaluation is over and the draw's seed is
 * published so anyone can verify it. A case that ends early (rejected) reveals drawn seeds too and cancels the draws
 * whose group has not been formed.
 */
@Controller()
export class RevealSeedMessageController {
  private readonly logger = new Logger('RevealSeed');

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @OnEvent(Events.opinionSubmitted)
  async onOpinion(@Payload() e: OpinionSubmitted, @Ctx() ctx: EventContext): Promise<void> {
    if (e.kind !== 'comprehensive') return;
    const n = await revealSeeds(ctx.manager, this.outbox, await drawsOfCase(ctx.manager, e.caseId, e.jurisdiction), this.clock.now(), {
      log: this.audit,
      actor: eventActor(ctx, e.jurisdiction),
    });
    this.logger.log(`comprehensive opinion for case ${e.caseId}: ${n} draw seed(s) revealed`);
  }

  @OnEvent(Events.caseRejected)
  async onRejected(@Payload() e: CaseRejected, @Ctx() ctx: EventContext): Promise<void> {
    const draws = await drawsOfCase(ctx.manager, e.caseId, e.jurisdiction);
    // A group not yet formed will never meet; a formed one stays as it was, on record.
    for (const d of draws.filter((x) => x.status === 'QUEUED' || x.status === 'COMMITTED' || x.status === 'DRAWN')) {
      d.status = 'CANCELLED';
      await ctx.manager.update(Draw, { id: d.id }, { status: d.status, version: d.version + 1 });
    }
    await revealSeeds(ctx.manager, this.outbox, draws, this.clock.now(), { log: this.audit, actor: eventActor(ctx, e.jurisdiction) });
  }
}
