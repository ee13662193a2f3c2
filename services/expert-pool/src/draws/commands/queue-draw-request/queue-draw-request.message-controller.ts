import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Events, ExpertGroupRequested } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { Draw } from '../../infrastructure/draw.entity';
import { expertPoolConfig } from '../../../infrastructure/expert-pool.config';

/** The centre's expert request (专家需求) lands in the queue of the discipline officer of `databaseLevel`. */
@Controller()
export class QueueDrawRequestMessageController {
  private readonly logger = new Logger('QueueDrawRequest');

  @OnEvent(Events.expertGroupRequested)
  async on(@Payload() e: ExpertGroupRequested, @Ctx() ctx: EventContext): Promise<void> {
    // A level with no database cannot be served by retrying: dead-letter it for an operator.
    if (!expertPoolConfig.keepsDatabase(e.databaseLevel)) throw new UnprocessableEventError(`jurisdiction ${e.databaseLevel} keeps no expert database here`);
    await ctx.manager.insert(Draw, {
      id: randomUUID(),
      caseId: e.caseId,
      caseJurisdiction: e.jurisdiction,
      databaseLevel: e.databaseLevel,
      requestEventId: ctx.meta.id,
      applicationKind: e.applicationKind,
      applicant: { name: e.applicant.name, creditCode: e.applicant.creditCode, kind: e.applicant.kind },
      occupations: e.occupations,
      requirements: {
        groupSize: e.groupSize,
        reserves: Math.max(e.reserves, expertPoolConfig.minReserves),
        maxPerEmployer: e.maxPerEmployer ?? expertPoolConfig.defaultMaxPerEmployer,
        occupationCodes: [...new Set(e.occupations.map((o) => o.code))].sort(),
      },
      workPlan: e.workPlan,
      plannedOnsiteDate: e.plannedOnsiteDate ?? null,
      requestedBy: e.requestedBy,
      requestedAt: new Date(e.requestedAt),
      status: 'QUEUED',
      snapshot: null,
      snapshotHash: null,
      seed: null,
      commitment: null,
      committedAt: null,
      committedBy: null,
      exclusions: null,
      eligibleCount: null,
      excludedCount: null,
      supersededCommitments: [],
      failedAttempts: [],
      officerEntropy: null,
      drawnAt: null,
      drawnBy: null,
      groupId: null,
      drawnMembers: null,
      drawnReserves: null,
      members: [],
      reserves: [],
      replacements: [],
      formedAt: null,
      votes: [],
      electionRound: 1,
      leaderExpertId: null,
      leaderElectedAt: null,
      seedRevealedAt: null,
      version: 1,
    });
    this.logger.log(`draw request for case ${e.caseId} queued at ${e.databaseLevel}`);
  }
}
