import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, RuleRefusal } from '@filing/runtime';
import { ExpertPoolConfig } from '../../../infrastructure/expert-pool.config';
import { applyAvoidance } from '../../domain/avoidance';
import { buildSnapshot, commitmentOf, employerKey, poolEntryOf, snapshotHash } from '../../domain/draw-snapshot';
import { unmetRequirements } from '../../domain/group-selection';
import { assertOfficer } from '../../draw-access';
import { drawView } from '../../draw-view';
import { drawSeedCipher } from '../../infrastructure/draw-seed.cipher';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { ExpertDatabaseRepository } from '../../infrastructure/expert-database.repository';

/**
 * Commit before the draw: apply avoidance (回避) to the database, freeze the eligible pool as a snapshot, pick a fresh
 * secret seed, and record and show sha-256(snapshot hash ‖ seed). Committing again before the draw (the database
 * changed) supersedes the earlier commitment, which stays on record.
 */
@Injectable()
export class CommitDrawHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly draws: DrawRepository,
    private readonly experts: ExpertDatabaseRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    @Inject(ExpertPoolConfig) private readonly config: ExpertPoolConfig,
  ) {}

  execute(id: string, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id, { secrets: true });
      assertOfficer(d, p);
      if (d.status !== 'QUEUED' && d.status !== 'COMMITTED')
        throw new IllegalStep({ message: `draw ${id} is ${d.status}; a commitment is made only before the draw`, status: d.status });
      const now = this.clock.now();
      const database = await this.experts.wholeDatabase(m, d.databaseLevel);
      const { eligible, excluded } = applyAvoidance(database, {
        applicant: d.applicant,
        databaseLevel: d.databaseLevel,
        today: this.clock.today(),
        formerEmployerYears: this.config.formerEmployerYears,
        recentServiceMonths: this.config.recentServiceMonths,
      });
      const pool = eligible.map((e) => poolEntryOf(e.id, employerKey(e.employer.name, e.employer.creditCode), e.occupationCodes));
      const unmet = unmetRequirements(pool, d.requirements, this.config);
      if (unmet.length) {
        throw new RuleRefusal({
          error: 'Unprocessable Entity',
          message: `not enough eligible experts: ${unmet.map((u) => u.message).join('; ')}`,
          unmet: unmet.map((u) => ({ requirement: u.requirement, message: u.message })),
          eligibleCount: pool.length,
          excludedCount: excluded.length,
        });
      }
      const snapshot = buildSnapshot({ drawId: d.id, caseId: d.caseId, databaseLevel: d.databaseLevel, requirements: d.requirements, pool });
      const hash = snapshotHash(snapshot);
      const seed = randomBytes(32).toString('hex');
      if (d.commitment && d.snapshotHash && d.seed && d.committedAt) {
        d.supersededCommitments = [
          ...d.supersededCommitments,
          { commitment: d.commitment, snapshotHash: d.snapshotHash, seed: d.seed, committedAt: d.committedAt.toISOString(), supersededAt: now.toISOString() },
        ];
      }
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: 'draw-committed',
        fromStage: d.status,
        toStage: 'COMMITTED',
        actor: principalActor(p, 'discipline-officer'),
        at: now.toISOString(),
        details: {
          drawId: d.id,
          databaseLevel: d.databaseLevel,
          commitment: commitmentOf(hash, seed),
          snapshotHash: hash,
          eligibleCount: pool.length,
          excludedCount: excluded.length,
        },
      });
      const names = new Map(database.map((e) => [e.id, e.name]));
      Object.assign(d, {
        status: 'COMMITTED',
        snapshot,
        snapshotHash: hash,
        // Encrypted at rest (DRAW_SEED_KEY); opened only to draw and at the reveal.
        seed: drawSeedCipher.seal(d.id, seed),
        commitment: commitmentOf(hash, seed),
        committedAt: now,
        committedBy: p.sub,
        exclusions: excluded.map((x) => ({ expertId: x.expertId, name: names.get(x.expertId) ?? '', hits: x.hits })),
        eligibleCount: pool.length,
        excludedCount: excluded.length,
      });
      await this.draws.save(m, d);
      return drawView(d, p);
    });
  }
}
