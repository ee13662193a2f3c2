import { ConflictException, Controller, HttpCode, Param, ParseUUIDPipe, Post, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource, EntityManager } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { applyAvoidance, AvoidanceCandidate } from '../../domain/avoidance';
import { buildSnapshot, commitmentOf, employerKey, snapshotHash } from '../../domain/draw-snapshot';
import { unmetRequirements } from '../../domain/group-selection';
import { Draw } from '../../infrastructure/draw.entity';
import { assertOfficer, drawForUpdate } from '../../draw-access';
import { drawView } from '../../draw-view';
import { expertPoolConfig } from '../../../infrastructure/expert-pool.config';

interface PoolRow extends AvoidanceCandidate {
  name: string;
  occupationCodes: string[];
}

/** The whole database of a level, as avoidance and the snapshot need it. */
export async function loadDatabase(m: EntityManager, level: string): Promise<PoolRow[]> {
  const rows: any[] = await m.query(
    `SELECT id, level, name, status, to_char(term_start, 'YYYY-MM-DD') AS term_start, to_char(term_end, 'YYYY-MM-DD') AS term_end,
            employer, occupation_codes, former_employers, declared_conflicts, relatives_employers, service_history
       FROM expert_pool.expert WHERE level = $1`,
    [level],
  );
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    name: r.name,
    status: r.status,
    termStart: r.term_start,
    termEnd: r.term_end,
    employer: r.employer,
    occupationCodes: r.occupation_codes,
    formerEmployers: r.former_employers,
    declaredConflicts: r.declared_conflicts,
    relativesEmployers: r.relatives_employers,
    serviceHistory: r.service_history,
  }));
}

/**
 * Commit before the draw: apply avoidance (回避) to the database, freeze the eligible pool as a snapshot, pick a fresh
 * secret seed, and record and show sha-256(snapshot hash ‖ seed). Committing again before the draw (the database
 * changed) supersedes the earlier commitment, which stays on record.
 */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class CommitDrawController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Post(':id/commitment')
  @HttpCode(201)
  @Roles('discipline-officer')
  commit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await drawForUpdate(m, id, { secrets: true });
      assertOfficer(d, p);
      if (d.status !== 'QUEUED' && d.status !== 'COMMITTED') throw new ConflictException({ message: `draw ${id} is ${d.status}; a commitment is made only before the draw`, status: d.status });
      const now = this.clock.now();
      const database = await loadDatabase(m, d.databaseLevel);
      const { eligible, excluded } = applyAvoidance(database, {
        applicant: d.applicant,
        databaseLevel: d.databaseLevel,
        today: this.clock.today(),
        formerEmployerYears: expertPoolConfig.formerEmployerYears,
        recentServiceMonths: expertPoolConfig.recentServiceMonths,
      });
      const pool = eligible.map((e) => ({ expertId: e.id, employer: employerKey(e.employer.name, e.employer.creditCode), occupationCodes: e.occupationCodes }));
      const unmet = unmetRequirements(pool, d.requirements, expertPoolConfig);
      if (unmet.length) {
        throw new UnprocessableEntityException({
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
        details: { drawId: d.id, databaseLevel: d.databaseLevel, commitment: commitmentOf(hash, seed), snapshotHash: hash, eligibleCount: pool.length, excludedCount: excluded.length },
      });
      const names = new Map(database.map((e) => [e.id, e.name]));
      Object.assign(d, {
        status: 'COMMITTED',
        snapshot,
        snapshotHash: hash,
        seed,
        commitment: commitmentOf(hash, seed),
        committedAt: now,
        committedBy: p.sub,
        exclusions: excluded.map((x) => ({ expertId: x.expertId, name: names.get(x.expertId) ?? '', hits: x.hits })),
        eligibleCount: pool.length,
        excludedCount: excluded.length,
      });
      await m.save(Draw, d);
      return drawView(d, p);
    });
  }
}
