import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, InvalidCommand } from '@filing/runtime';
import type { MaterialPointer } from '../../domain/onsite-visit';
import { subItemsOf } from '../../../standards/domain/standard';
import { requireMember, requireStage } from '../../evaluation-access';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { Finding } from '../../infrastructure/finding.entity';

export interface RecordFinding {
  caseId: string;
  text: string;
  subItemId?: string;
  materialRef?: string;
  material?: MaterialPointer;
}

/** 初审: a member records a finding on the filing materials in the current preliminary round. */
@Injectable()
export class RecordFindingHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async execute(cmd: RecordFinding, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.evaluations.lockedOrNotFound(manager, cmd.caseId);
      const member = requireMember(ev, principal);
      requireStage(ev, ['GROUP_FORMED', 'PRELIMINARY_REVIEW'], 'record a preliminary review finding');
      const { standard } = await this.evaluations.pinnedStandard(manager, ev);
      if (cmd.subItemId && !subItemsOf(standard.document.items).some((s) => s.id === cmd.subItemId)) {
        throw new InvalidCommand(`sub-item ${cmd.subItemId} is not in standard ${standard.standardId} version ${standard.version}`);
      }
      const finding = Object.assign(new Finding(), {
        id: randomUUID(),
        caseId: cmd.caseId,
        round: ev.preliminaryRound,
        expertId: member.expertId,
        subItemId: cmd.subItemId ?? null,
        materialRef: cmd.materialRef ?? null,
        material: cmd.material
          ? { materialId: cmd.material.materialId, version: cmd.material.version, ...(cmd.material.page ? { page: cmd.material.page } : {}) }
          : null,
        text: cmd.text,
        recordedAt: this.clock.now(),
      });
      await this.evaluations.addFinding(manager, finding);
      await this.audit.append(manager, {
        caseId: cmd.caseId,
        jurisdiction: ev.jurisdiction,
        action: 'finding-recorded',
        actor: principalActor(principal, 'expert'),
        at: finding.recordedAt.toISOString(),
        details: {
          findingId: finding.id,
          round: finding.round,
          expertId: finding.expertId,
          subItemId: finding.subItemId,
          materialRef: finding.materialRef,
          material: finding.material,
          text: finding.text,
        },
      });
      return finding;
    });
  }
}
