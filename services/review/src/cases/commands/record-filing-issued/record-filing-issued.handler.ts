import { Injectable } from '@nestjs/common';
import { FilingIssued, PROVINCE_CODE } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review.config';
import { LifecycleStep, actorOnBehalfOf } from '../lifecycle-step';

/** The provincial department issued the filing notice (备案通知): the case's procedure is complete. */
@Injectable()
export class RecordFilingIssuedHandler {
  constructor(private readonly stepper: LifecycleStep) {}

  async execute(e: FilingIssued, ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.institution.jurisdiction)) return;
    const c = await this.stepper.loadLocked(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`filing issued for case ${e.caseId} of ${e.institution.jurisdiction}, which this instance does not know`);
    await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action: 'filing-issued',
        actor: actorOnBehalfOf(`publication:${e.filingId}`, 'approver', PROVINCE_CODE, e.issuingAuthority),
        by: 'event',
        details: { filingId: e.filingId, noticeNumber: e.noticeNumber, noticeDate: e.noticeDate, eventId: ctx.meta.id },
        // Issued after the notice closed, but the closing travels on another topic and may still be on its way.
        earlyAt: ['PUBLIC_NOTICE'],
      },
      c,
    );
  }
}
