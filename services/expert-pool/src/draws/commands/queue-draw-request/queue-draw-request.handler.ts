import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ExpertGroupRequested } from '@filing/contracts';
import { UnprocessableEventError } from '@filing/messaging';
import { ExpertPoolConfig } from '../../../infrastructure/expert-pool.config';
import { DrawRepository } from '../../infrastructure/draw.repository';

/** The centre's expert request (专家需求) lands in the queue of the discipline officer of `databaseLevel`. */
@Injectable()
export class QueueDrawRequestHandler {
  private readonly logger = new Logger('QueueDrawRequest');

  constructor(
    private readonly draws: DrawRepository,
    @Inject(ExpertPoolConfig) private readonly config: ExpertPoolConfig,
  ) {}

  /** Runs in the consumer's transaction; `requestEventId` ties the draw to the request that queued it. */
  async execute(m: EntityManager, e: ExpertGroupRequested, requestEventId: string): Promise<void> {
    // A level with no database cannot be served by retrying: dead-letter it for an operator.
    if (!this.config.keepsDatabase(e.databaseLevel)) throw new UnprocessableEventError(`jurisdiction ${e.databaseLevel} keeps no expert database here`);
    await this.draws.insert(m, {
      id: randomUUID(),
      caseId: e.caseId,
      caseJurisdiction: e.jurisdiction,
      databaseLevel: e.databaseLevel,
      requestEventId,
      applicationKind: e.applicationKind,
      applicant: { name: e.applicant.name, creditCode: e.applicant.creditCode, kind: e.applicant.kind },
      occupations: e.occupations,
      requirements: {
        groupSize: e.groupSize,
        reserves: Math.max(e.reserves, this.config.minReserves),
        maxPerEmployer: e.maxPerEmployer ?? this.config.defaultMaxPerEmployer,
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
      declarations: [],
      kickOffMeeting: null,
      votes: [],
      electionRound: 1,
      election: null,
      leaderElection: null,
      leaderExpertId: null,
      leaderElectedAt: null,
      seedRevealedAt: null,
      version: 1,
    });
    this.logger.log(`draw request for case ${e.caseId} queued at ${e.databaseLevel}`);
  }
}
