import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, RuleRefusal } from '@filing/runtime';
import { runDraw } from '../../domain/draw';
import { PoolEntry } from '../../domain/draw-snapshot';
import { UnmetRequirementError } from '../../domain/group-selection';
import { assertOfficer } from '../../draw-access';
import { drawView } from '../../draw-view';
import { drawSeedCipher } from '../../infrastructure/draw-seed.cipher';
import { SeatedExpert } from '../../infrastructure/draw.entity';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { ExpertDatabaseRepository } from '../../infrastructure/expert-database.repository';
import { ExpertNotifications } from '../../infrastructure/expert-notifications';
import { ExpertPoolConfig } from '../../../infrastructure/expert-pool.config';

/**
 * 抽取: the officer adds their entropy; the committed pool is shuffled by the HMAC-DRBG seeded from the secret seed and
 * that entropy; members are seated in order while meeting the requirements and the rest of the order ranks the
 * reserves. When the requirements cannot be met, nothing is drawn, but the attempt stays on record.
 */
@Injectable()
export class PerformDrawHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly draws: DrawRepository,
    private readonly experts: ExpertDatabaseRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly notifications: ExpertNotifications,
    private readonly config: ExpertPoolConfig,
  ) {}

  async execute(id: string, officerEntropy: string, p: Principal) {
    const result = await this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id, { secrets: true });
      assertOfficer(d, p);
      if (d.status !== 'COMMITTED' || !d.snapshot || !d.seed) {
        throw new IllegalStep({
          message: `draw ${id} is ${d.status}; the officer draws once, after a commitment`,
          status: d.status,
          allowed: d.status === 'QUEUED' ? ['commitment'] : [],
        });
      }
      let outcome;
      try {
        outcome = runDraw(d.snapshot, drawSeedCipher.open(d.id, d.seed), officerEntropy, d.snapshotHash ?? undefined);
      } catch (err) {
        if (!(err instanceof UnmetRequirementError)) throw err;
        // Nothing is drawn, but the attempt stays on record with its entropy.
        d.failedAttempts = [
          ...d.failedAttempts,
          { officerEntropy: officerEntropy, requirement: err.requirement, message: err.message, by: p.sub, at: this.clock.now().toISOString() },
        ];
        await this.draws.save(m, d);
        return { unmet: err };
      }
      const names = await this.experts.namesOf(
        m,
        [...outcome.members, ...outcome.reserves].map((e) => e.expertId),
      );
      const seat = (e: PoolEntry): SeatedExpert => ({
        expertId: e.expertId,
        name: names.get(e.expertId) ?? '',
        employer: e.employer,
        occupationCodes: e.occupationCodes,
        state: 'drawn',
      });
      Object.assign(d, {
        status: 'DRAWN',
        officerEntropy: officerEntropy,
        drawnAt: this.clock.now(),
        drawnBy: p.sub,
        groupId: randomUUID(),
        drawnMembers: outcome.members.map((e) => e.expertId),
        drawnReserves: outcome.reserves.map((e) => e.expertId),
        members: outcome.members.map(seat),
        reserves: outcome.reserves.map(seat),
      });
      await this.draws.save(m, d);
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: 'drawn',
        fromStage: 'COMMITTED',
        toStage: 'DRAWN',
        actor: principalActor(p, 'discipline-officer'),
        at: d.drawnAt!.toISOString(),
        details: { drawId: d.id, groupId: d.groupId, officerEntropy: officerEntropy, members: d.drawnMembers, reserves: d.drawnReserves },
      });
      // The drawn members are invited at once (as expert-draw systems do); reserves only when they take a seat.
      const confirmBy = new Date(d.drawnAt!.getTime() + this.config.invitationConfirmHours * 3600 * 1000);
      await this.notifications.tell(
        m,
        d,
        d.members.map((x) => x.expertId),
        'expert-invited',
        `${d.id}|drawn`,
        {
          drawnAt: d.drawnAt!.toISOString(),
          confirmBy: confirmBy.toISOString(),
        },
      );
      return { view: drawView(d, p) };
    });
    if (result.unmet) {
      const err = result.unmet;
      throw new RuleRefusal({
        error: 'Unprocessable Entity',
        message: `nothing drawn: ${err.message}`,
        unmet: [{ requirement: err.requirement, message: err.message }],
      });
    }
    return result.view!;
  }
}
