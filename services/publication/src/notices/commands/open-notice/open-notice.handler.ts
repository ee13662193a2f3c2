import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { EntityManager } from 'typeorm';
import { CaseApproved, Events } from '@filing/contracts';
import { CalendarNotCoveredError } from '@filing/calendar';
import { AuditActor, AuditLog, systemActor } from '@filing/audit';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { CalendarRepository } from '../../../calendar/infrastructure/calendar.repository';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { noticeWindow } from '../../domain/notice-window';
import { NoticesRepository } from '../../infrastructure/notices.repository';

export type OpenOutcome = 'opened' | 'awaiting-calendar' | 'already-on-notice';

const BATCH = 20;

/**
 * Puts an approved case on public notice: the notice goes up on the clock's China date (or the next working day) and
 * its last day is fixed now. When the window reaches a year the calendar has no data for, the approval waits in
 * `notice_awaiting_calendar` (named, visible at review as "waiting for the <year> calendar") and opens by itself on
 * the first scheduler pass after an administrator loaded that year (or chinese-days learnt it).
 */
@Injectable()
export class OpenNoticeHandler {
  private readonly logger = new Logger('OpenNotice');

  constructor(
    private readonly notices: NoticesRepository,
    private readonly calendars: CalendarRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  async openOrWait(manager: EntityManager, approval: CaseApproved, approvalEventId: string, actor: AuditActor): Promise<OpenOutcome> {
    const calendar = await this.calendars.calendar(manager);
    const rules = { workingDays: this.config.noticeWorkingDays, publicationDayCounts: this.config.publicationDayCounts };
    let window;
    try {
      window = noticeWindow(calendar, this.clock.today(), rules);
    } catch (err) {
      if (!(err instanceof CalendarNotCoveredError)) throw err;
      await this.wait(manager, approval, approvalEventId, err.year, actor);
      return 'awaiting-calendar';
    }
    const noticeId = randomUUID();
    const openedAt = this.clock.now();
    const inserted = await this.notices.insertNotice(manager, {
      id: noticeId,
      approval,
      startDate: window.startDate,
      endDate: window.endDate,
      workingDays: rules.workingDays,
      publicationDayCounts: rules.publicationDayCounts,
      closesAt: window.closesAt,
      openedAt,
    });
    await this.notices.stopAwaiting(manager, approval.caseId);
    // A second approval of the same case (a new event id) changes nothing: one notice per case.
    if (!inserted) return 'already-on-notice';
    await this.outbox.add(manager, Events.noticeOpened, {
      caseId: approval.caseId,
      jurisdiction: approval.jurisdiction,
      noticeId,
      startDate: window.startDate,
      endDate: window.endDate,
      workingDays: rules.workingDays,
      publicationDayCounts: rules.publicationDayCounts,
      institution: approval.institution,
      occupations: approval.occupations,
      openedAt: openedAt.toISOString(),
    });
    await this.audit.append(manager, {
      caseId: approval.caseId,
      jurisdiction: approval.jurisdiction,
      action: 'notice-opened',
      toStage: 'open',
      actor,
      at: openedAt.toISOString(),
      details: {
        noticeId,
        startDate: window.startDate,
        endDate: window.endDate,
        closesAt: window.closesAt,
        workingDays: rules.workingDays,
        publicationDayCounts: rules.publicationDayCounts,
      },
    });
    this.logger.log(`notice ${noticeId} for ${approval.institution.name}: ${window.startDate} – ${window.endDate}`);
    return 'opened';
  }

  /** One pass over the approvals waiting for the calendar; returns how many notices opened. */
  async openWaiting(): Promise<number> {
    let opened = 0;
    for (;;) {
      const { tried, n } = await this.notices.transaction(async (manager) => {
        const rows = await this.notices.lockAwaiting(manager, BATCH);
        const calendar = await this.calendars.calendar(manager);
        let count = 0;
        for (const r of rows) {
          // Still uncovered: nothing to try (the row records the year it waits for).
          if (!calendar.isCovered(r.year)) continue;
          const approval = plainToInstance(CaseApproved, r.approval);
          if ((await this.openOrWait(manager, approval, r.approval_event_id, systemActor('publication', r.jurisdiction))) === 'opened') count++;
        }
        return { tried: rows.length, n: count };
      });
      opened += n;
      if (tried < BATCH || n === 0) return opened;
    }
  }

  private async wait(manager: EntityManager, approval: CaseApproved, approvalEventId: string, year: number, actor: AuditActor): Promise<void> {
    const now = this.clock.now();
    const before = await this.notices.lockAwaitingOf(manager, approval.caseId);
    if (before?.year === year) return;
    const since = before?.waiting_since ?? now;
    await this.notices.await(manager, {
      caseId: approval.caseId,
      jurisdiction: approval.jurisdiction,
      approval: instanceToPlain(approval),
      approvalEventId,
      year,
      since,
    });
    await this.outbox.add(manager, Events.noticeAwaitingCalendar, {
      caseId: approval.caseId,
      jurisdiction: approval.jurisdiction,
      year,
      approvedAt: approval.approvedAt,
      waitingSince: new Date(since).toISOString(),
    });
    await this.audit.append(manager, {
      caseId: approval.caseId,
      jurisdiction: approval.jurisdiction,
      action: 'notice-awaiting-calendar',
      toStage: 'awaiting-calendar',
      actor,
      at: now.toISOString(),
      details: { year },
    });
    this.logger.warn(`case ${approval.caseId}: the notice waits for the ${year} working-day calendar (load it with POST /calendar/overrides)`);
  }
}
