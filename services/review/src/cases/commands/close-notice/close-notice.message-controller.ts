import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, NoticeClosed } from '@filing/contracts';
import { EventContext, OnEvent, OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { CaseStepper, eventActor } from '../../infrastructure/case-stepper';

/** The public notice (公示) closed: an upheld objection ends the case; otherwise the filing notice is requested. */
@Controller()
export class CloseNoticeMessageController {
  constructor(
    private readonly stepper: CaseStepper,
    private readonly outbox: OutboxWriter,
  ) {}

  @OnEvent(Events.noticeClosed)
  async on(@Payload() e: NoticeClosed, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.load(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`notice closed for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    const upheld = e.outcome === 'objection-upheld';
    const actor = eventActor(`publication:${e.noticeId}`, 'center-staff', c.jurisdiction);
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
      await this.outbox.add(ctx.manager, Events.caseRejected, {
        caseId: c.id,
        jurisdiction: c.jurisdiction,
        atStage: before.stage,
        finalStage: after.stage,
        reason,
        decidedBy: actor,
        decidedAt: after.stageEnteredAt.toISOString(),
      });
    }
  }
}
