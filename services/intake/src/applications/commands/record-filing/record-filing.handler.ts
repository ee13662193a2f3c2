import { Injectable, Logger } from '@nestjs/common';
import { FilingIssued } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { afterOutcome } from '../../domain/application-status';
import { creditCodeProblem } from '@filing/contracts';
import { findApplicationForEvent } from '../../infrastructure/application-for-event';
import { FiledInstitutionRepository } from '../../infrastructure/filed-institution.repository';
import { ApplicantNotifications } from '../../infrastructure/applicant-notifications';
import { RecordOnTimelineHandler } from '../record-on-timeline.handler';

/**
 * A filing notice (备案通知) was issued. Intake records the institution as filed, so it may later apply to add
 * occupations, and shows the notice on the application's timeline when the application is one of intake's (it
 * normally is; the register is kept either way). A filing whose credit code fails its check character is refused
 * to the dead-letter topic: intake never admits an invalid code into the register.
 */
@Injectable()
export class RecordFilingHandler {
  private readonly logger = new Logger('RecordFiling');

  constructor(
    private readonly register: FiledInstitutionRepository,
    private readonly timeline: RecordOnTimelineHandler,
    private readonly notifications: ApplicantNotifications,
  ) {}

  async on(event: FilingIssued, ctx: EventContext): Promise<void> {
    const code = event.institution.creditCode;
    if (creditCodeProblem(code)) throw new UnprocessableEventError(`filing ${event.filingId}: credit code ${code} fails the GB 32100-2015 check`);
    await this.register.register(ctx.manager, {
      filingId: event.filingId,
      creditCode: code,
      name: event.institution.name,
      noticeNumber: event.noticeNumber,
      filingNumber: event.filingNumber ?? null,
      noticeDate: event.noticeDate,
      jurisdiction: event.institution.jurisdiction,
      caseId: event.caseId,
      occupations: event.occupations,
      status: event.status,
      issuedAt: new Date(event.issuedAt),
    });

    const application = await findApplicationForEvent(ctx.manager, event.caseId);
    if (!application) {
      this.logger.log(`filing ${event.noticeNumber} for ${code} registered; case ${event.caseId} is not an intake application`);
      return;
    }
    await this.timeline.onApplication(
      ctx,
      application,
      {
        kind: 'filing-issued',
        stageFrom: null,
        stageTo: 'FILING_NOTICE_ISSUED',
        action: 'issue-filing',
        reason: null,
        details: {
          noticeNumber: event.noticeNumber,
          ...(event.filingNumber ? { filingNumber: event.filingNumber } : {}),
          noticeDate: event.noticeDate,
          issuingAuthority: event.issuingAuthority,
          filingId: event.filingId,
        },
        occurredAt: new Date(event.issuedAt),
      },
      (a) => ({ status: afterOutcome(a, 'filing-issued').status }),
    );
    await this.notifications.tell(ctx.manager, application, 'filing-issued', ctx.meta.id, {
      noticeNumber: event.noticeNumber,
      noticeDate: event.noticeDate,
      ...(event.filingNumber ? { filingNumber: event.filingNumber } : {}),
    });
  }
}
