import { Injectable } from '@nestjs/common';
import { DrawSeedRevealed } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { CaseRepository } from '../../infrastructure/case.repository';
import { recordCaseFact } from '../case-facts';

/** The draw's secret seed was revealed after the comprehensive opinion: the case records it so the draw can be checked. */
@Injectable()
export class RecordDrawSeedHandler {
  constructor(private readonly cases: CaseRepository) {}

  async execute(e: DrawSeedRevealed, ctx: EventContext): Promise<void> {
    await recordCaseFact(
      this.cases,
      ctx.manager,
      {
        caseId: e.caseId,
        jurisdiction: e.jurisdiction,
        what: 'draw-seed-revealed',
        reportedBy: `expert-pool:${e.drawId}`,
        at: e.revealedAt,
        details: { drawId: e.drawId, commitment: e.commitment, seed: e.seed, eventId: ctx.meta.id },
      },
      () => ({ drawSeed: { drawId: e.drawId, commitment: e.commitment, seed: e.seed, revealedAt: e.revealedAt } }),
    );
  }
}
