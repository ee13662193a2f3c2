import { Injectable } from '@nestjs/common';
import { Events, OpinionSubmitted } from '@filing/contracts';
import { EventContext, OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review.config';
import { caseLevel } from '../../domain/case-access';
import { CaseAction } from '../../domain/case-lifecycle';
import { OpinionData, ReviewCase } from '../../infrastructure/case.entity';
import { addCaseRejected, addCaseReturned } from '../case-outcome';
import { LifecycleStep, actorOnBehalfOf } from '../lifecycle-step';

/**
 * The group leader's opinion (assessment). 初评意见: a city case goes to the provincial re-check, a province case passes
 * to the on-site evaluation or is returned (退回). 技术评估意见: on to the comprehensive review. 综合技术评估意见: a
 * city case's goes to the provincial re-check, pass or fail; a province case's goes to approval or ends not passed.
 */
@Injectable()
export class RecordOpinionHandler {
  constructor(
    private readonly stepper: LifecycleStep,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(e: OpinionSubmitted, ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.loadLocked(ctx.manager, e.caseId);
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
      ...(e.round !== undefined ? { round: e.round } : {}),
      ...(e.occupationOutcomes ? { occupationOutcomes: e.occupationOutcomes } : {}),
      ...(e.overrideReason ? { overrideReason: e.overrideReason } : {}),
    };
    const returning = action === 'preliminary-fail';
    const { before, after } = await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action,
        actor: actorOnBehalfOf(e.leaderExpertId, 'expert', c.jurisdiction),
        by: 'event',
        reason: e.result === 'fail' ? e.summary : undefined,
        details: {
          kind: e.kind,
          opinionId: e.opinionId,
          result: e.result,
          total: e.total,
          vetoes: e.vetoes,
          ...(e.occupationOutcomes ? { occupations: e.occupationOutcomes.map((o) => ({ code: o.code, result: o.result, levels: o.levels })) } : {}),
          eventId: ctx.meta.id,
        },
        changes: (b) => ({ opinions: { ...b.opinions, [e.kind]: opinion }, ...(returning ? { returnCount: b.returnCount + 1 } : {}) }),
        // The leader's preliminary opinion can overtake the group's formation and election (expert-pool's topics).
        earlyAt: e.kind === 'preliminary' ? ['EXPERT_GROUP_REQUESTED', 'GROUP_FORMED'] : [],
      },
      c,
    );
    const at = after.stageEnteredAt.toISOString();
    if (after.stage === 'PROVINCIAL_RECHECK_PRELIMINARY' || after.stage === 'PROVINCIAL_RECHECK_COMPREHENSIVE') {
      await this.requestRecheck(ctx, after, e, at);
    } else if (action === 'preliminary-fail') {
      await addCaseReturned(this.outbox, ctx.manager, { before, after }, [e.summary], actorOnBehalfOf(e.leaderExpertId, 'expert', c.jurisdiction));
    } else if (action === 'comprehensive-fail') {
      await addCaseRejected(this.outbox, ctx.manager, { before, after }, e.summary, actorOnBehalfOf(e.leaderExpertId, 'expert', c.jurisdiction));
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
      opinion: {
        result: e.result,
        summary: e.summary,
        opinionId: e.opinionId,
        ...(e.total !== undefined ? { total: e.total } : {}),
        ...(e.occupationOutcomes ? { occupationOutcomes: e.occupationOutcomes } : {}),
        ...(e.overrideReason ? { overrideReason: e.overrideReason } : {}),
      },
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
