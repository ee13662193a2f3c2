import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, RecheckDecided } from '@filing/contracts';
import { EventContext, OnEvent, OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { recheckGateOf } from '../../domain/case-lifecycle';
import { CaseStepper } from '../../infrastructure/case-stepper';

/**
 * The provincial centre's re-check decision (复核) comes back to the instance that owns the city case. Preliminary gate:
 * pass → on-site evaluation, fail → returned (退回). Comprehensive gate: pass → approval, fail → not passed.
 */
@Controller()
export class ApplyRecheckDecisionMessageController {
  constructor(
    private readonly stepper: CaseStepper,
    private readonly outbox: OutboxWriter,
  ) {}

  @OnEvent(Events.recheckDecided)
  async on(@Payload() e: RecheckDecided, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.load(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`re-check decision for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    const gate = recheckGateOf(c.stage);
    if (gate && gate !== e.gate) throw new UnprocessableEventError(`re-check decision for the ${e.gate} gate, but case ${c.id} waits at the ${gate} gate`);
    const returning = e.gate === 'preliminary' && e.decision === 'fail';
    const { before, after } = await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action: e.decision === 'pass' ? 'recheck-pass' : 'recheck-fail',
        actor: e.decidedBy,
        by: 'event',
        reason: e.reason,
        details: { gate: e.gate, decision: e.decision, eventId: ctx.meta.id },
        changes: (b) => (returning ? { returnCount: b.returnCount + 1 } : {}),
      },
      c,
    );
    const at = after.stageEnteredAt.toISOString();
    if (returning) {
      await this.outbox.add(ctx.manager, Events.caseReturned, {
        caseId: c.id,
        jurisdiction: c.jurisdiction,
        atStage: before.stage,
        reasons: [e.reason],
        returnCount: after.returnCount,
        returnedBy: e.decidedBy,
        returnedAt: at,
      });
    } else if (after.stage === 'NOT_PASSED') {
      await this.outbox.add(ctx.manager, Events.caseRejected, {
        caseId: c.id,
        jurisdiction: c.jurisdiction,
        atStage: before.stage,
        finalStage: after.stage,
        reason: e.reason,
        decidedBy: e.decidedBy,
        decidedAt: at,
      });
    }
  }
}
