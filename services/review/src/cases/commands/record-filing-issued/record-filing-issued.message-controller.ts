import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, FilingIssued, PROVINCE_CODE } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { CaseStepper, eventActor } from '../../infrastructure/case-stepper';

/** The provincial department issued the filing notice (备案通知): the case's procedure is complete. */
@Controller()
export class RecordFilingIssuedMessageController {
  constructor(private readonly stepper: CaseStepper) {}

  @OnEvent(Events.filingIssued)
  async on(@Payload() e: FilingIssued, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.institution.jurisdiction)) return;
    const c = await this.stepper.load(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`filing issued for case ${e.caseId} of ${e.institution.jurisdiction}, which this instance does not know`);
    await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action: 'filing-issued',
        actor: eventActor(`publication:${e.filingId}`, 'approver', PROVINCE_CODE, e.issuingAuthority),
        by: 'event',
        details: { filingId: e.filingId, noticeNumber: e.noticeNumber, noticeDate: e.noticeDate, eventId: ctx.meta.id },
      },
      c,
    );
  }
}
