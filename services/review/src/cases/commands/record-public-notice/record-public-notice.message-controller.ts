import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, NoticeOpened, ObjectionReceived, ObjectionResolved } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { recordCaseFact } from '../../infrastructure/case-facts';

/**
 * The public notice (公示) as publication runs it: its window and the objections (异议) raised and settled. The case
 * stays at PUBLIC_NOTICE until the notice closes; centre staff and the applicant see the window and open objections.
 */
@Controller()
export class RecordPublicNoticeMessageController {
  @OnEvent(Events.noticeOpened)
  async opened(@Payload() e: NoticeOpened, @Ctx() ctx: EventContext): Promise<void> {
    await recordCaseFact(
      ctx.manager,
      { caseId: e.caseId, jurisdiction: e.jurisdiction, what: 'notice-opened', reportedBy: `publication:${e.noticeId}`, at: e.openedAt, details: { noticeId: e.noticeId, startDate: e.startDate, endDate: e.endDate, workingDays: e.workingDays, eventId: ctx.meta.id } },
      () => ({ notice: { noticeId: e.noticeId, startDate: e.startDate, endDate: e.endDate, workingDays: e.workingDays, openObjections: [], resolvedObjections: [] } }),
    );
  }

  @OnEvent(Events.objectionReceived)
  async received(@Payload() e: ObjectionReceived, @Ctx() ctx: EventContext): Promise<void> {
    await recordCaseFact(
      ctx.manager,
      { caseId: e.caseId, jurisdiction: e.jurisdiction, what: 'objection-received', reportedBy: `publication:${e.noticeId}`, at: e.receivedAt, details: { noticeId: e.noticeId, objectionId: e.objectionId, receiptNumber: e.receiptNumber, eventId: ctx.meta.id } },
      (c) => {
        if (!c.notice || c.notice.noticeId !== e.noticeId) throw new UnprocessableEventError(`objection to notice ${e.noticeId}, but case ${c.id} has no such notice`);
        return { notice: { ...c.notice, openObjections: [...c.notice.openObjections.filter((o) => o !== e.objectionId), e.objectionId] } };
      },
    );
  }

  @OnEvent(Events.objectionResolved)
  async resolved(@Payload() e: ObjectionResolved, @Ctx() ctx: EventContext): Promise<void> {
    await recordCaseFact(
      ctx.manager,
      {
        caseId: e.caseId,
        jurisdiction: e.jurisdiction,
        what: 'objection-resolved',
        reportedBy: e.resolvedBy.subject,
        at: e.resolvedAt,
        reason: e.reason,
        details: { noticeId: e.noticeId, objectionId: e.objectionId, outcome: e.outcome, struckOccupationCodes: e.struckOccupationCodes, eventId: ctx.meta.id },
      },
      (c) => {
        if (!c.notice || c.notice.noticeId !== e.noticeId) throw new UnprocessableEventError(`objection settled on notice ${e.noticeId}, but case ${c.id} has no such notice`);
        return {
          notice: {
            ...c.notice,
            openObjections: c.notice.openObjections.filter((o) => o !== e.objectionId),
            resolvedObjections: [...c.notice.resolvedObjections, { objectionId: e.objectionId, outcome: e.outcome, struckOccupationCodes: e.struckOccupationCodes }],
          },
        };
      },
    );
  }
}
