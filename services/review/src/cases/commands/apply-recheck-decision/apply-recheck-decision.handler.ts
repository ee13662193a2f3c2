import { Injectable } from '@nestjs/common';
import { RecheckDecided } from '@filing/contracts';
import { EventContext, OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review.config';
import { recheckGateOf } from '../../domain/case-lifecycle';
import { addCaseRejected, addCaseReturned } from '../case-outcome';
import { LifecycleStep } from '../lifecycle-step';

/**
 * The provincial centre's re-check decision (复核) comes back to the instance that owns the city case. Preliminary gate:
 * pass → on-site evaluation, fail → returned (退回). Comprehensive gate: pass → approval, fail → not passed (for a failing opinion: confirmed),
 * return-to-group → back to the comprehensive review, where assessment opens a new round of the plenary.
 */
@Injectable()
export class ApplyRecheckDecisionHandler {
  constructor(
    private readonly stepper: LifecycleStep,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(e: RecheckDecided, ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.loadLocked(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`re-check decision for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    const gate = recheckGateOf(c.stage);
    if (gate && gate !== e.gate) throw new UnprocessableEventError(`re-check decision for the ${e.gate} gate, but case ${c.id} waits at the ${gate} gate`);
    if (e.decision === 'return-to-group' && e.gate !== 'comprehensive')
      throw new UnprocessableEventError(
        `re-check decision return-to-group for the ${e.gate} gate of case ${c.id}: only the comprehensive opinion goes back to the group`,
      );
    if (e.gate === 'comprehensive' && e.decision === 'pass' && c.opinions.comprehensive?.result === 'fail')
      throw new UnprocessableEventError(
        `re-check decision pass for the failing comprehensive opinion of case ${c.id}: it is confirmed or sent back to the group`,
      );
    const returning = e.gate === 'preliminary' && e.decision === 'fail';
    const { before, after } = await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action: e.decision === 'pass' ? 'recheck-pass' : e.decision === 'fail' ? 'recheck-fail' : 'recheck-return-to-group',
        actor: e.decidedBy,
        by: 'event',
        reason: e.reason,
        details: { gate: e.gate, decision: e.decision, eventId: ctx.meta.id },
        changes: (b) => (returning ? { returnCount: b.returnCount + 1 } : {}),
      },
      c,
    );
    if (returning) {
      await addCaseReturned(this.outbox, ctx.manager, { before, after }, [e.reason], e.decidedBy);
    } else if (after.stage === 'NOT_PASSED') {
      await addCaseRejected(this.outbox, ctx.manager, { before, after }, e.reason, e.decidedBy);
    }
  }
}
