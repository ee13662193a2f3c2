import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { instanceToPlain } from 'class-transformer';
import { isCityJurisdiction, RecheckRequested } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { appendAudit } from '../../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../../infrastructure/review.config';
import { RecheckRequestRepository } from '../../infrastructure/recheck-request.repository';

/**
 * The province instance puts every city's re-check request into its centre staff's queue, keeping the snapshot the
 * request carried (it keeps no copy of city cases). City instances ignore the requests.
 */
@Injectable()
export class QueueRecheckHandler {
  constructor(
    private readonly clock: Clock,
    private readonly rechecks: RecheckRequestRepository,
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
  }
}
