import { Body, ConflictException, Controller, ForbiddenException, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ActorPart, Events, PROVINCE_CODE } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { appendAudit } from '../../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { recheckStage, RecheckRequestRow } from '../../domain/recheck-request';
import { DecideRecheckRequest } from './decide-recheck.request';

/** The provincial centre decides a re-check (复核); the decision travels back to the city's instance as an event. */
@ApiTags('rechecks')
@ApiBearerAuth()
@Controller('rechecks')
export class DecideRecheckController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('center-staff')
  @ApiOkResponse({ description: 'Decided; review.recheck.decided.v1 is emitted to the city instance.' })
  @ApiConflictResponse({ description: 'The re-check was already decided.' })
  async decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideRecheckRequest, @CurrentPrincipal() p: Principal) {
    if (!reviewInstance.isProvince) throw new NotFoundException('re-checks are decided at the province review instance');
    if (p.jurisdiction !== PROVINCE_CODE) throw new ForbiddenException('re-checks (复核) are decided by the provincial centre staff (220000)');
    const s = reviewInstance.schema;
    return this.dataSource.transaction(async (manager) => {
      const rows: RecheckRequestRow[] = await manager.query(`SELECT * FROM ${s}.recheck_request WHERE id = $1`, [id]);
      const r = rows[0];
      if (!r) throw new NotFoundException(`re-check ${id} not found`);
      const stage = recheckStage(r.gate);
      if (r.status !== 'pending') {
        throw new ConflictException({ message: `re-check ${id} was already decided (${r.decision})`, currentStage: stage, allowedActions: [] });
      }
      const now = this.clock.now();
      const actor: ActorPart = { subject: p.sub, role: 'center-staff', jurisdiction: p.jurisdiction, ...(p.name ? { name: p.name } : {}) };
      // Optimistic lock: of two concurrent decisions only one finds the row still pending at its version.
      const updated: unknown[] = await manager.query(
        `UPDATE ${s}.recheck_request SET status = 'decided', decision = $1, reason = $2, decided_by = $3, decided_at = $4, version = version + 1
         WHERE id = $5 AND version = $6 AND status = 'pending' RETURNING id`,
        [body.decision, body.reason, JSON.stringify(actor), now, id, r.version],
      );
      if ((updated[0] as unknown[]).length !== 1) {
        throw new ConflictException({ message: `re-check ${id} was decided concurrently`, currentStage: stage, allowedActions: [] });
      }
      await appendAudit(manager, s, {
        caseId: r.case_id,
        jurisdiction: r.jurisdiction,
        action: 'recheck-decided',
        fromStage: stage,
        toStage: null,
        actor,
        at: now.toISOString(),
        reason: body.reason,
        details: { recheckId: id, gate: r.gate, decision: body.decision },
      });
      await this.outbox.add(manager, Events.recheckDecided, {
        caseId: r.case_id,
        jurisdiction: r.jurisdiction,
        gate: r.gate,
        decision: body.decision,
        reason: body.reason,
        decidedBy: actor,
        decidedAt: now.toISOString(),
      });
      return { id, caseId: r.case_id, jurisdiction: r.jurisdiction, gate: r.gate, status: 'decided', decision: body.decision };
    });
  }
}
