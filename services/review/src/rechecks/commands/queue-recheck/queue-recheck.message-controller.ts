import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { instanceToPlain } from 'class-transformer';
import { Events, isCityJurisdiction, RecheckRequested } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { appendAudit } from '../../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../../infrastructure/review-instance.config';

/**
 * The province instance puts every city's re-check request into its centre staff's queue, keeping the snapshot the
 * request carried (it keeps no copy of city cases). City instances ignore the requests.
 */
@Controller()
export class QueueRecheckMessageController {
  constructor(private readonly clock: Clock) {}

  @OnEvent(Events.recheckRequested)
  async on(@Payload() e: RecheckRequested, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.isProvince) return;
    // Only city cases pass the provincial gates; a request for anything else is a producer's bug.
    if (!isCityJurisdiction(e.jurisdiction)) throw new UnprocessableEventError(`re-check requested for ${e.jurisdiction}, which is not a city-level jurisdiction`);
    const s = reviewInstance.schema;
    const id = randomUUID();
    await ctx.manager.query(
      `INSERT INTO ${s}.recheck_request (id, case_id, jurisdiction, gate, snapshot, requested_at, received_at, status, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 1)`,
      [id, e.caseId, e.jurisdiction, e.gate, JSON.stringify(instanceToPlain(e)), e.requestedAt, this.clock.now()],
    );
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
