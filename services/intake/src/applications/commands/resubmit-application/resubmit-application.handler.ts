import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@filing/contracts';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, RuleRefusal } from '@filing/runtime';
import { IdempotencyStore } from '../../../idempotency/infrastructure/idempotency.store';
import { Application } from '../../infrastructure/application.entity';
import { resubmissionRefusal } from '../../domain/application-status';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { ApplicationRepository } from '../../infrastructure/application.repository';
import { MaterialRepository, materialPart } from '../../infrastructure/material.repository';
import { auditedMaterials, refuseMissingMaterials } from '../submission-materials';
import { ResubmitApplicationRequest } from './resubmit-application.request';

/**
 * After a return (材料退回) the applicant uploads new versions of the materials concerned and resubmits; review
 * takes the case back to preliminary review. The event carries every checklist item's current version.
 */
@Injectable()
export class ResubmitApplicationHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly idempotency: IdempotencyStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly applications: ApplicationRepository,
    private readonly materials: MaterialRepository,
  ) {}

  async resubmit(id: string, body: ResubmitApplicationRequest, principal: Principal, idempotencyKey: string | undefined, res: Response) {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const application = await this.access.ownedForUpdate(manager, principal, id);
      return this.idempotency.once(manager, `${principal.sub}|${principal.creditCode}`, idempotencyKey, 'resubmit-application', { id, ...body }, () =>
        this.resubmitReturned(manager, application, body, principal),
      );
    });
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return outcome.result;
  }

  private async resubmitReturned(manager: EntityManager, application: Application, body: ResubmitApplicationRequest, principal: Principal) {
    const refusal = resubmissionRefusal(application);
    if (refusal) throw new IllegalStep(refusal);
    const round = application.round + 1;
    const materials = await this.materials.current(manager, application.id);
    if (!materials.some((m) => m.round === round)) {
      throw new RuleRefusal(`upload at least one new material version answering the return reasons before resubmitting (round ${round})`);
    }
    refuseMissingMaterials(application, materials);
    const now = this.clock.now();
    await this.applications.update(manager, application.id, { status: 'RESUBMITTED', round, resubmittedAt: now });
    const parts = materials.map(materialPart);
    await this.outbox.add(manager, Events.applicationResubmitted, {
      caseId: application.id,
      round,
      materials: parts,
      ...(body.note ? { note: body.note } : {}),
      resubmittedAt: now.toISOString(),
    });
    await this.audit.append(manager, {
      caseId: application.id,
      jurisdiction: application.jurisdiction,
      action: 'application-resubmitted',
      fromStage: application.status,
      toStage: 'RESUBMITTED',
      actor: principalActor(principal, 'applicant'),
      at: now.toISOString(),
      reason: body.note ?? null,
      details: {
        round,
        materials: auditedMaterials(parts.filter((m) => materials.find((x) => x.id === m.materialId)?.round === round)),
      },
    });
    return { id: application.id, status: 'RESUBMITTED', round, resubmittedAt: now.toISOString(), materials: parts };
  }
}
