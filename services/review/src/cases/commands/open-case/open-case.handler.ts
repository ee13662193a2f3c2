import { Injectable, Logger } from '@nestjs/common';
import { ApplicationSubmitted, Events, findJurisdiction } from '@filing/contracts';
import { EventContext, OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { appendAudit } from '../../../audit/infrastructure/audit-log.store';
import { CaseRepository } from '../../infrastructure/case.repository';
import { reviewInstance } from '../../../infrastructure/review.config';
import { StaffNotifications } from '../../../infrastructure/staff-notifications';

/**
 * A submitted application opens a case at the review instance serving its jurisdiction; every other instance ignores
 * it (the province instance ignores the cities listed in REVIEW_CITY_INSTANCES).
 */
@Injectable()
export class OpenCaseHandler {
  private readonly logger = new Logger('OpenCase');

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly cases: CaseRepository,
    private readonly staff: StaffNotifications,
  ) {}

  async onSubmitted(event: ApplicationSubmitted, ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(event.jurisdiction)) return;
    // The province instance would otherwise adopt any code it does not know as a city without an instance.
    if (!findJurisdiction(event.jurisdiction)) throw new UnprocessableEventError(`jurisdiction ${event.jurisdiction} is not a Jilin filing jurisdiction`);
    const submittedAt = new Date(event.submittedAt);
    await this.cases.insert(ctx.manager, {
      id: event.caseId,
      jurisdiction: event.jurisdiction,
      applicationKind: event.applicationKind,
      stage: 'SUBMITTED',
      institution: event.institution,
      occupations: event.occupations,
      existingFilingNumber: event.existingFilingNumber ?? null,
      submittedAt,
      stageEnteredAt: submittedAt,
      version: 1,
    });
    const actor = { subject: event.institution.creditCode, role: 'applicant' as const, jurisdiction: event.jurisdiction, name: event.institution.name };
    await appendAudit(ctx.manager, reviewInstance.schema, {
      caseId: event.caseId,
      jurisdiction: event.jurisdiction,
      action: 'open',
      fromStage: null,
      toStage: 'SUBMITTED',
      actor,
      at: event.submittedAt,
      reason: null,
      details: { applicationKind: event.applicationKind, occupations: event.occupations.map((o) => o.code), eventId: ctx.meta.id },
    });
    await this.outbox.add(ctx.manager, Events.caseStageChanged, {
      caseId: event.caseId,
      jurisdiction: event.jurisdiction,
      institutionName: event.institution.name,
      to: 'SUBMITTED',
      action: 'open',
      actor,
      at: event.submittedAt,
    });
    // The case waits in the centre staff's queue for acceptance (受理).
    await this.staff.tell(ctx.manager, {
      caseId: event.caseId,
      jurisdiction: event.jurisdiction,
      kind: 'case-in-queue',
      role: 'center-staff',
      queueOf: event.jurisdiction,
      params: { institution: event.institution.name, stage: 'SUBMITTED', arrivedAt: event.submittedAt },
      link: `/cases/${event.caseId}`,
      because: `${event.caseId}|v1`,
      at: event.submittedAt,
    });
    this.logger.log(`case ${event.caseId} opened for ${event.institution.name} (${event.jurisdiction})`);
  }
}
