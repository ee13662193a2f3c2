import { BadRequestException, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { subItemsOf } from '../../../standards/domain/standard';
import { Finding } from '../../domain/finding.entity';
import { EvaluationStore } from '../../evaluation-store';
import { RecordFindingRequest } from './record-finding.request';

/** 初审: a member records a finding on the filing materials in the current preliminary round. */
@ApiTags('preliminary review')
@ApiBearerAuth()
@Controller('cases/:caseId/findings')
export class RecordFindingController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EvaluationStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async record(@Param('caseId') caseId: string, @Body() body: RecordFindingRequest, @CurrentPrincipal() principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.store.lockedOrNotFound(manager, caseId);
      const member = this.store.requireMember(ev, principal);
      this.store.requireStage(ev, ['GROUP_FORMED', 'PRELIMINARY_REVIEW'], 'record a preliminary review finding');
      const { standard } = await this.store.pinnedStandard(manager, ev);
      if (body.subItemId && !subItemsOf(standard.document.items).some((s) => s.id === body.subItemId)) {
        throw new BadRequestException(`sub-item ${body.subItemId} is not in standard ${standard.standardId} version ${standard.version}`);
      }
      const finding = Object.assign(new Finding(), {
        id: randomUUID(),
        caseId,
        round: ev.preliminaryRound,
        expertId: member.expertId,
        subItemId: body.subItemId ?? null,
        materialRef: body.materialRef ?? null,
        text: body.text,
        recordedAt: this.clock.now(),
      });
      await manager.insert(Finding, finding);
      await this.audit.append(manager, {
        caseId,
        jurisdiction: ev.jurisdiction,
        action: 'finding-recorded',
        actor: principalActor(principal, 'expert'),
        at: finding.recordedAt.toISOString(),
        details: { findingId: finding.id, round: finding.round, expertId: finding.expertId, subItemId: finding.subItemId, materialRef: finding.materialRef, text: finding.text },
      });
      return finding;
    });
  }
}
