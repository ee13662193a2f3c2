import { Injectable } from '@nestjs/common';
import { NoticeClosed } from '@filing/contracts';
import { EventContext, OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review.config';
import { addCaseRejected } from '../case-outcome';
import { LifecycleStep, actorOnBehalfOf } from '../lifecycle-step';

/** The public notice (公示) closed: an upheld objection ends the case; otherwise the filing notice is requested. */
@Injectable()
export class RecordNoticeClosedHandler {
  constructor(
    private readonly stepper: LifecycleStep,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(e: NoticeClosed, ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.loadLocked(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`notice closed for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    const upheld = e.outcome === 'objection-upheld';
    const actor = actorOnBehalfOf(`publication:${e.noticeId}`, 'center-staff', c.jurisdiction);
    const reason = upheld ? 'objection upheld during the public notice (公示异议成立)' : `public notice closed: ${e.outcome}`;
    const { before, after } = await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action: upheld ? 'objection-upheld' : 'notice-passed',
        actor,
        by: 'event',
        reason,
        details: { noticeId: e.noticeId, outcome: e.outcome, remainingOccupations: e.remainingOccupations.map((o) => o.code), eventId: ctx.meta.id },
        changes: () => (e.outcome === 'occupations-struck' && e.remainingOccupations.length ? { occupations: e.remainingOccupations } : {}),
      },
      c,
    );
    if (upheld) {
      await addCaseRejected(this.outbox, ctx.manager, { before, after }, reason, actor);
    }
  }
}
