import { Body, ConflictException, Controller, HttpCode, Param, ParseUUIDPipe, Post, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { runDraw } from '../../domain/draw';
import { PoolEntry } from '../../domain/draw-snapshot';
import { UnmetRequirementError } from '../../domain/group-selection';
import { Draw, SeatedExpert } from '../../infrastructure/draw.entity';
import { assertOfficer, drawForUpdate } from '../../draw-access';
import { drawView } from '../../draw-view';
import { PerformDrawRequest } from './perform-draw.request';

/**
 * 抽取: the officer adds their entropy; the committed pool is shuffled by the HMAC-DRBG seeded from the secret seed and
 * that entropy; members are seated in order while meeting the requirements and the rest of the order ranks the
 * reserves. When the requirements cannot be met, nothing is drawn.
 */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class PerformDrawController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Post(':id/draw')
  @HttpCode(201)
  @Roles('discipline-officer')
  async draw(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PerformDrawRequest, @CurrentPrincipal() p: Principal) {
    const result = await this.dataSource.transaction(async (m) => {
      const d = await drawForUpdate(m, id, { secrets: true });
      assertOfficer(d, p);
      if (d.status !== 'COMMITTED' || !d.snapshot || !d.seed) {
        throw new ConflictException({ message: `draw ${id} is ${d.status}; the officer draws once, after a commitment`, status: d.status, allowed: d.status === 'QUEUED' ? ['commitment'] : [] });
      }
      let outcome;
      try {
        outcome = runDraw(d.snapshot, d.seed, body.officerEntropy);
      } catch (err) {
        if (!(err instanceof UnmetRequirementError)) throw err;
        // Nothing is drawn, but the attempt stays on record with its entropy.
        d.failedAttempts = [...d.failedAttempts, { officerEntropy: body.officerEntropy, requirement: err.requirement, message: err.message, by: p.sub, at: this.clock.now().toISOString() }];
        await m.save(Draw, d);
        return { unmet: err };
      }
      const rows: { id: string; name: string }[] = await m.query(`SELECT id, name FROM expert_pool.expert WHERE id = ANY($1)`, [
        [...outcome.members, ...outcome.reserves].map((e) => e.expertId),
      ]);
      const names = new Map(rows.map((r) => [r.id, r.name]));
      const seat = (e: PoolEntry): SeatedExpert => ({ expertId: e.expertId, name: names.get(e.expertId) ?? '', employer: e.employer, occupationCodes: e.occupationCodes, state: 'drawn' });
      Object.assign(d, {
        status: 'DRAWN',
        officerEntropy: body.officerEntropy,
        drawnAt: this.clock.now(),
        drawnBy: p.sub,
        groupId: randomUUID(),
        drawnMembers: outcome.members.map((e) => e.expertId),
        drawnReserves: outcome.reserves.map((e) => e.expertId),
        members: outcome.members.map(seat),
        reserves: outcome.reserves.map(seat),
      });
      await m.save(Draw, d);
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: 'drawn',
        fromStage: 'COMMITTED',
        toStage: 'DRAWN',
        actor: principalActor(p, 'discipline-officer'),
        at: d.drawnAt!.toISOString(),
        details: { drawId: d.id, groupId: d.groupId, officerEntropy: body.officerEntropy, members: d.drawnMembers, reserves: d.drawnReserves },
      });
      return { view: drawView(d, p) };
    });
    if (result.unmet) {
      const err = result.unmet;
      throw new UnprocessableEntityException({ error: 'Unprocessable Entity', message: `nothing drawn: ${err.message}`, unmet: [{ requirement: err.requirement, message: err.message }] });
    }
    return result.view!;
  }
}
