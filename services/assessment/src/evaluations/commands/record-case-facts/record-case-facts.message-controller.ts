import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, ExpertGroupRequested } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { EvaluationStore } from '../../evaluation-store';

/** The work plan and expert request tells assessment what it evaluates: institution kind, application kind, occupations. */
@Controller()
export class RecordCaseFactsMessageController {
  private readonly logger = new Logger('RecordCaseFacts');

  constructor(private readonly store: EvaluationStore) {}

  @OnEvent(Events.expertGroupRequested)
  async on(@Payload() e: ExpertGroupRequested, @Ctx() ctx: EventContext): Promise<void> {
    const ev = await this.store.ensureLocked(ctx.manager, e.caseId);
    if (ev.standardSeq && (ev.institutionKind !== e.applicant.kind || ev.applicationKind !== e.applicationKind)) {
      throw new UnprocessableEventError(
        `case ${e.caseId} is already evaluated as ${ev.institutionKind}/${ev.applicationKind} against a pinned standard; the request says ${e.applicant.kind}/${e.applicationKind}`,
      );
    }
    ev.jurisdiction = e.jurisdiction;
    ev.institutionKind = e.applicant.kind;
    ev.applicationKind = e.applicationKind;
    ev.applicant = { name: e.applicant.name, creditCode: e.applicant.creditCode };
    ev.occupations = e.occupations;
    await this.store.pinStandardIfReady(ctx.manager, ev);
    await ctx.manager.save(ev);
    this.logger.log(`case ${e.caseId}: facts recorded (${e.applicant.kind}, ${e.applicationKind})`);
  }
}
