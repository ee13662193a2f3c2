import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, OpinionSubmitted } from '@filing/contracts';
import { EventContext, OnEvent, OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { caseLevel } from '../../domain/case-access';
import { CaseAction } from '../../domain/case-lifecycle';
import { OpinionData, ReviewCase } from '../../domain/case.entity';
import { CaseStepper, eventActor } from '../../infrastructure/case-stepper';

/**
 * The group leader's opinion (assessment). 初评意见: a city case goes to the provincial re-check, a province case passes
 * to the on-site evaluation or is returned (退回). 技术评估意见: on to the comprehensive review. 综合技术评估意见: fail ends
 * the case; pass goes to the provincial re-check (city) or straight to approval (province).
 */
@Controller()
export class RecordOpinionMessageController {
  constructor(
    private readonly stepper: CaseStepper,
    private readonly outbox: OutboxWriter,
  ) {}

  @OnEvent(Events.opinionSubmitted)
  async on(@Payload() e: OpinionSubmitted, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.load(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`${e.kind} opinion for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    const level = caseLevel(c.jurisdiction);
    const action = actionFor(e, level);
    const opinion: OpinionData = {
      opinionId: e.opinionId,
      result: e.result,
      summary: e.summary,
      leaderExpertId: e.leaderExpertId,
      submittedAt: e.submittedAt,
      ...(e.total !== undefined ? { total: e.total } : {}),
    };
    const returning = action === 'preliminary-fail';
    const { before, after } = await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action,
        actor: eventActor(e.leaderExpertId, 'expert', c.jurisdiction),
        by: 'event',
        reason: e.result === 'fail' ? e.summary : undefined,
        details: { kind: e.kind, opinionId: e.opinionId, result: e.result, total: e.total, vetoes: e.vetoes, eventId: ctx.meta.id },
        changes: (b) => ({ opinions: { ...b.opinions, [e.kind]: opinion }, ...(returning ? { returnCount: b.returnCount + 1 } : {}) }),
      },
      c,
    );
    const at = after.stageEnteredAt.toISOString();
    if (after.stage === 'PROVINCIAL_RECHECK_PRELIMINARY' || after.stage === 'PROVINCIAL_RECHECK_COMPREHENSIVE') {
      await this.requestRecheck(ctx, after, e, at);
    } else if (action === 'preliminary-fail') {
      await this.outbox.add(ctx.manager, Events.caseReturned, {
        caseId: c.id,
        jurisdiction: c.jurisdiction,
        atStage: before.stage,
        reasons: [e.summary],
        returnCount: after.returnCount,
        returnedBy: eventActor(e.leaderExpertId, 'expert', c.jurisdiction),
        returnedAt: at,
      });
    } else if (action === 'comprehensive-fail') {
      await this.outbox.add(ctx.manager, Events.caseRejected, {
        caseId: c.id,
        jurisdiction: c.jurisdiction,
        atStage: before.stage,
        finalStage: after.stage,
        reason: e.summary,
        decidedBy: eventActor(e.leaderExpertId, 'expert', c.jurisdiction),
        decidedAt: at,
      });
    }
  }

  /** The province keeps no copy of city cases, so the request carries what the re-check needs. */
  private async requestRecheck(ctx: EventContext, c: ReviewCase, e: OpinionSubmitted, at: string): Promise<void> {
    await this.outbox.add(ctx.manager, Events.recheckRequested, {
      caseId: c.id,
      jurisdiction: c.jurisdiction,
      gate: e.kind === 'preliminary' ? 'preliminary' : 'comprehensive',
      applicationKind: c.applicationKind,
      institution: c.institution,
      occupations: c.occupations,
      opinion: { result: e.result, summary: e.summary, opinionId: e.opinionId, ...(e.total !== undefined ? { total: e.total } : {}) },
      requestedBy: { subject: `review-${reviewInstance.jurisdiction}`, role: 'center-staff', jurisdiction: c.jurisdiction },
      requestedAt: at,
    });
  }
}

function actionFor(e: OpinionSubmitted, level: 'city' | 'province'): CaseAction {
  switch (e.kind) {
    case 'preliminary':
      // A city's preliminary opinion, pass or fail, is re-checked by the province before anything follows from it.
      if (level === 'city') return 'preliminary-opinion';
      return e.result === 'pass' ? 'preliminary-pass' : 'preliminary-fail';
    case 'technical':
      return 'technical-opinion';
    case 'comprehensive':
      return e.result === 'pass' ? 'comprehensive-pass' : 'comprehensive-fail';
  }
}
