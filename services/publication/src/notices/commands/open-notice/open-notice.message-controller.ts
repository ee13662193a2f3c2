import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { CaseApproved, Events, findJurisdiction } from '@filing/contracts';
import { CalendarNotCoveredError } from '@filing/calendar';
import { AuditLog, eventActor } from '@filing/audit';
import { EventContext, OnEvent, OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { CalendarRepository } from '../../../calendar/calendar.repository';
import { SCHEMA } from '../../../infrastructure/database';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { noticeWindow } from '../../domain/notice-window';

/**
 * An approved case (审定) goes on public notice. The notice goes up on the day publication processes the approval
 * (the clock's China date), or on the next working day if that day is not one; its last day is fixed now and stored.
 */
@Controller()
export class OpenNoticeMessageController {
  private readonly logger = new Logger('OpenNotice');

  constructor(
    private readonly calendars: CalendarRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  @OnEvent(Events.caseApproved)
  async onApproved(@Payload() event: CaseApproved, @Ctx() ctx: EventContext): Promise<void> {
    if (!findJurisdiction(event.jurisdiction)) throw new UnprocessableEventError(`case ${event.caseId}: unknown jurisdiction ${event.jurisdiction}`);
    const calendar = await this.calendars.calendar(ctx.manager);
    const rules = { workingDays: this.config.noticeWorkingDays, publicationDayCounts: this.config.publicationDayCounts };
    let window;
    try {
      window = noticeWindow(calendar, this.clock.today(), rules);
    } catch (err) {
      // Retrying cannot help until an administrator loads the year: dead-letter now, re-drive after loading it.
      if (err instanceof CalendarNotCoveredError) throw new UnprocessableEventError(`case ${event.caseId}: cannot date the notice: ${err.message}`);
      throw err;
    }
    const noticeId = randomUUID();
    const openedAt = this.clock.now();
    const inserted: { id: string }[] = await ctx.manager.query(
      `INSERT INTO ${SCHEMA}.notice (id, case_id, jurisdiction, application_kind, institution, occupations, existing_filing_number, approved_at,
         start_date, end_date, working_days, publication_day_counts, closes_at, status, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'open', $14)
       ON CONFLICT (case_id) DO NOTHING RETURNING id`,
      [
        noticeId,
        event.caseId,
        event.jurisdiction,
        event.applicationKind,
        JSON.stringify(event.institution),
        JSON.stringify(event.occupations),
        event.existingFilingNumber ?? null,
        new Date(event.approvedAt),
        window.startDate,
        window.endDate,
        rules.workingDays,
        rules.publicationDayCounts,
        window.closesAt,
        openedAt,
      ],
    );
    // A second approval of the same case (a new event id) changes nothing: one notice per case.
    if (inserted.length === 0) {
      this.logger.warn(`case ${event.caseId}: already on notice; approval event ${ctx.meta.id} ignored`);
      return;
    }
    await this.outbox.add(ctx.manager, Events.noticeOpened, {
      caseId: event.caseId,
      jurisdiction: event.jurisdiction,
      noticeId,
      startDate: window.startDate,
      endDate: window.endDate,
      workingDays: rules.workingDays,
      publicationDayCounts: rules.publicationDayCounts,
      institution: event.institution,
      occupations: event.occupations,
      openedAt: openedAt.toISOString(),
    });
    await this.audit.append(ctx.manager, {
      caseId: event.caseId,
      jurisdiction: event.jurisdiction,
      action: 'notice-opened',
      toStage: 'open',
      actor: eventActor(ctx, event.jurisdiction),
      at: openedAt.toISOString(),
      details: { noticeId, startDate: window.startDate, endDate: window.endDate, closesAt: window.closesAt, workingDays: rules.workingDays, publicationDayCounts: rules.publicationDayCounts },
    });
    this.logger.log(`notice ${noticeId} for ${event.institution.name}: ${window.startDate} – ${window.endDate}`);
  }
}
