import { BadRequestException, Body, ConflictException, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { SCHEMA } from '../../../infrastructure/database';
import { CloseDueNoticesHandler } from '../../../notices/commands/close-due-notices/close-due-notices.handler';
import { NOTICE_COLUMNS, NOTICE_FROM, NoticeRow } from '../../../notices/notice.row';
import { ResolveObjectionRequest } from './resolve-objection.request';

/**
 * The centre settles an objection with reasons: upheld (the case fails, or some occupations are struck out) or
 * dismissed. If the window is already over and this was the last open objection, the notice closes now.
 */
@ApiTags('objections')
@ApiBearerAuth()
@Controller('objections')
export class ResolveObjectionController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly closer: CloseDueNoticesHandler,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Post(':id/resolution')
  @HttpCode(200)
  @Roles('center-staff')
  async resolve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveObjectionRequest, @CurrentPrincipal() principal: Principal) {
    const struck = body.struckOccupationCodes ?? [];
    if (body.outcome === 'upheld' && !body.scope) throw new BadRequestException('scope: required when the objection is upheld (whole-case or occupations)');
    if (body.outcome === 'dismissed' && (body.scope || struck.length))
      throw new BadRequestException('scope and struckOccupationCodes: only for an upheld objection');
    if (body.scope === 'occupations' && struck.length === 0) throw new BadRequestException('struckOccupationCodes: name the occupations struck out');
    if (body.scope === 'whole-case' && struck.length) throw new BadRequestException('struckOccupationCodes: not used when the whole case fails');

    return this.dataSource.transaction(async (manager) => {
      const [ref] = await manager.query(`SELECT notice_id AS "noticeId" FROM ${SCHEMA}.objection WHERE id = $1`, [id]);
      if (!ref) throw new NotFoundException(`objection ${id} not found`);
      // Lock order notice → objection, the same as the scheduler's.
      const [notice]: NoticeRow[] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM ${NOTICE_FROM} WHERE n.id = $1 FOR UPDATE`, [ref.noticeId]);
      if (!principal.canActInJurisdiction(notice.jurisdiction)) throw new NotFoundException(`objection ${id} not found`);
      const [o] = await manager.query(`SELECT status FROM ${SCHEMA}.objection WHERE id = $1 FOR UPDATE`, [id]);
      if (o.status !== 'open' && o.status !== 'investigating') throw new ConflictException(`objection ${id} is already ${o.status}`);
      const unknown = struck.filter((c) => !notice.occupations.some((occ) => occ.code === c));
      if (unknown.length) throw new BadRequestException(`struckOccupationCodes: ${unknown.join(', ')} not on this notice`);
      const resolvedAt = this.clock.now();
      const resolvedBy = {
        subject: principal.sub,
        role: 'center-staff' as const,
        jurisdiction: principal.jurisdiction,
        ...(principal.name ? { name: principal.name } : {}),
      };
      await manager.query(
        `UPDATE ${SCHEMA}.objection SET status = $2, scope = $3, struck_occupation_codes = $4, resolution_reason = $5, resolved_by = $6, resolved_at = $7 WHERE id = $1`,
        [id, body.outcome, body.scope ?? null, JSON.stringify(struck), body.reason, JSON.stringify(resolvedBy), resolvedAt],
      );
      await this.outbox.add(manager, Events.objectionResolved, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        noticeId: notice.id,
        objectionId: id,
        outcome: body.outcome,
        struckOccupationCodes: struck,
        reason: body.reason,
        resolvedBy,
        resolvedAt: resolvedAt.toISOString(),
      });
      const actor = principalActor(principal, 'center-staff');
      await this.audit.append(manager, {
        caseId: notice.caseId,
        jurisdiction: notice.jurisdiction,
        action: 'objection-resolved',
        fromStage: o.status,
        toStage: body.outcome,
        actor,
        at: resolvedAt.toISOString(),
        reason: body.reason,
        details: { noticeId: notice.id, objectionId: id, outcome: body.outcome, scope: body.scope ?? null, struckOccupationCodes: struck },
      });
      await this.closer.closeIfSettled(manager, notice.id, actor);
      const [after] = await manager.query(`SELECT status, outcome FROM ${SCHEMA}.notice WHERE id = $1`, [notice.id]);
      return { id, status: body.outcome, notice: { id: notice.id, status: after.status, outcome: after.outcome } };
    });
  }
}
