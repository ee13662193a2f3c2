import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { instanceToPlain } from 'class-transformer';
import { isCityJurisdiction, PROVINCE_CODE, RecheckRequested } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { appendAudit } from '../../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../../infrastructure/review.config';
import { StaffNotifications } from '../../../infrastructure/staff-notifications';
import { RecheckRequestRepository } from '../../infrastructure/recheck-request.repository';

/**
 * The province instance puts every city's re-check request into its centre staff's queue, keeping the snapshot the
 * request carried (it keeps no copy of city cases), and tells them. City instances ignore the requests.
 */
@Injectable()
export class QueueRecheckHandler {
  constructor(
    private readonly clock: Clock,
    private readonly rechecks: RecheckRequestRepository,
    private readonly staff: StaffNotifications,
  ) {}

  async execute(e: RecheckRequested, ctx: EventContext): Promise<void> {
    if (!reviewInstance.isProvince) return;
    // Only city cases pass the provincial gates; a request for anything else is a producer's bug.
    if (!isCityJurisdiction(e.jurisdiction))
      throw new UnprocessableEventError(`re-check requested for ${e.jurisdiction}, which is not a city-level jurisdiction`);
    const s = reviewInstance.schema;
    const id = randomUUID();
    await this.rechecks.add(ctx.manager, {
      id,
      caseId: e.caseId,
      jurisdiction: e.jurisdiction,
      gate: e.gate,
      snapshot: instanceToPlain(e),
      requestedAt: e.requestedAt,
      receivedAt: this.clock.now(),
    });
    await appendAudit(ctx.manager, s, {
      caseId: e.caseId,
      jurisdiction: e.jurisdiction,
      action: 'recheck-queued',
      fromStage: null,
      toStage: null,
      actor: { ...e.requestedBy },
      at: this.clock.now().toISOString(),
      reason: null,
      details: { recheckId: id, gate: e.gate, opinion: { ...e.opinion }, eventId: ctx.meta.id },
    });
    await this.staff.tell(ctx.manager, {
      caseId: e.caseId,
      jurisdiction: e.jurisdiction,
      kind: 'recheck-queued',
      role: 'center-staff',
      queueOf: PROVINCE_CODE,
      params: { institution: e.institution.name, gate: e.gate, requestedAt: e.requestedAt },
      link: `/rechecks/${id}`,
      // One per request (a case returned to its group comes back to the same gate with a later request).
      because: `${e.caseId}|recheck|${e.gate}|${e.requestedAt}`,
      at: this.clock.now().toISOString(),
    });
  }
}
