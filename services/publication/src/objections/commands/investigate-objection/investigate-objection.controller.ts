import { Body, ConflictException, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { SCHEMA } from '../../../infrastructure/database';
import { InvestigateObjectionRequest } from './investigate-objection.request';

/** The centre starts verifying an objection (核查), e.g. an on-site re-check; the note is kept on the objection. */
@ApiTags('objections')
@ApiBearerAuth()
@Controller('objections')
export class InvestigateObjectionController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Post(':id/investigation')
  @HttpCode(200)
  @Roles('center-staff')
  async investigate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: InvestigateObjectionRequest, @CurrentPrincipal() principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const [o] = await manager.query(
        `SELECT o.status, n.jurisdiction, n.case_id AS "caseId", n.id AS "noticeId" FROM ${SCHEMA}.objection o JOIN ${SCHEMA}.notice n ON n.id = o.notice_id WHERE o.id = $1 FOR UPDATE OF o`,
        [id],
      );
      if (!o || !principal.canActInJurisdiction(o.jurisdiction)) throw new NotFoundException(`objection ${id} not found`);
      if (o.status !== 'open' && o.status !== 'investigating') throw new ConflictException(`objection ${id} is already ${o.status}`);
      await manager.query(`UPDATE ${SCHEMA}.objection SET status = 'investigating', investigation_note = $2 WHERE id = $1`, [id, body.note]);
      await this.audit.append(manager, {
        caseId: o.caseId,
        jurisdiction: o.jurisdiction,
        action: 'objection-investigated',
        fromStage: o.status,
        toStage: 'investigating',
        actor: principalActor(principal, 'center-staff'),
        at: this.clock.now().toISOString(),
        reason: body.note,
        details: { noticeId: o.noticeId, objectionId: id },
      });
      return { id, status: 'investigating' };
    });
  }
}
