import { Injectable } from '@nestjs/common';
import { NoticeAwaitingCalendar, NoticeOpened, ObjectionReceived, ObjectionResolved } from '@filing/contracts';
import { EventContext, EventTooEarlyError, UnprocessableEventError } from '@filing/messaging';
import { NoticeData, ReviewCase } from '../../infrastructure/case.entity';
import { CaseRepository } from '../../infrastructure/case.repository';
import { recordCaseFact } from '../case-facts';

/**
 * The public notice (公示) as publication runs it: its window and the objections (异议) raised and settled. The case
 * stays at PUBLIC_NOTICE until the notice closes; centre staff and the applicant see the window and open objections,
 * or, before it opens, why it waits (a year of the working-day calendar not loaded yet).
 */
@Injectable()
export class RecordPublicNoticeHandler {
  constructor(private readonly cases: CaseRepository) {}

  async awaitingCalendar(e: NoticeAwaitingCalendar, ctx: EventContext): Promise<void> {
    await recordCaseFact(
      this.cases,
      ctx.manager,
      {
        caseId: e.caseId,
        jurisdiction: e.jurisdiction,
        what: 'notice-awaiting-calendar',
        reportedBy: 'publication',
        at: e.waitingSince,
        details: { year: e.year, eventId: ctx.meta.id },
      },
      // A notice that opened meanwhile (its event overtook this one) wins.
      (c) => (c.notice || c.noticeWaiting?.year === e.year ? null : { noticeWaiting: { reason: 'calendar', year: e.year, since: e.waitingSince } }),
    );
  }

  async opened(e: NoticeOpened, ctx: EventContext): Promise<void> {
    await recordCaseFact(
      this.cases,
      ctx.manager,
      {
        caseId: e.caseId,
        jurisdiction: e.jurisdiction,
        what: 'notice-opened',
        reportedBy: `publication:${e.noticeId}`,
        at: e.openedAt,
        details: { noticeId: e.noticeId, startDate: e.startDate, endDate: e.endDate, workingDays: e.workingDays, eventId: ctx.meta.id },
      },
      () => ({
        notice: { noticeId: e.noticeId, startDate: e.startDate, endDate: e.endDate, workingDays: e.workingDays, openObjections: [], resolvedObjections: [] },
        noticeWaiting: null,
      }),
    );
  }

  async received(e: ObjectionReceived, ctx: EventContext): Promise<void> {
    await recordCaseFact(
      this.cases,
      ctx.manager,
      {
        caseId: e.caseId,
        jurisdiction: e.jurisdiction,
        what: 'objection-received',
        reportedBy: `publication:${e.noticeId}`,
        at: e.receivedAt,
        details: { noticeId: e.noticeId, objectionId: e.objectionId, receiptNumber: e.receiptNumber, eventId: ctx.meta.id },
      },
      (c) => {
        const notice = noticeOf(c, e.noticeId, 'objection');
        // Received again under a new event id, or settled already: nothing changes.
        if (notice.openObjections.includes(e.objectionId) || notice.resolvedObjections.some((r) => r.objectionId === e.objectionId)) return null;
        return { notice: { ...notice, openObjections: [...notice.openObjections, e.objectionId] } };
      },
    );
  }

  async resolved(e: ObjectionResolved, ctx: EventContext): Promise<void> {
    await recordCaseFact(
      this.cases,
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
        const notice = noticeOf(c, e.noticeId, 'objection settled');
        if (notice.resolvedObjections.some((r) => r.objectionId === e.objectionId)) return null;
        // The objection itself travels on another topic and may not be here yet.
        if (!notice.openObjections.includes(e.objectionId))
          throw new EventTooEarlyError(`objection ${e.objectionId} settled before it was received on case ${c.id}`);
        return {
          notice: {
            ...notice,
            openObjections: notice.openObjections.filter((o) => o !== e.objectionId),
            resolvedObjections: [
              ...notice.resolvedObjections,
              { objectionId: e.objectionId, outcome: e.outcome, struckOccupationCodes: e.struckOccupationCodes },
            ],
          },
        };
      },
    );
  }
}

/** The case's notice, once notice-opened (another topic) has arrived; an objection can overtake it. */
function noticeOf(c: ReviewCase, noticeId: string, what: string): NoticeData {
  if (!c.notice) throw new EventTooEarlyError(`${what} on notice ${noticeId} before case ${c.id} learnt of its notice`);
  if (c.notice.noticeId !== noticeId) throw new UnprocessableEventError(`${what} on notice ${noticeId}, but case ${c.id} is on notice ${c.notice.noticeId}`);
  return c.notice;
}
