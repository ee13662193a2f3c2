import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@filing/contracts';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep } from '@filing/runtime';
import { IdempotencyStore } from '../../../idempotency/infrastructure/idempotency.store';
import { Application } from '../../infrastructure/application.entity';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { ApplicationRepository } from '../../infrastructure/application.repository';
import { MaterialRepository, materialPart } from '../../infrastructure/material.repository';
import { ApplicantNotifications } from '../../infrastructure/applicant-notifications';
import { auditedMaterials, refuseMissingMaterials } from '../submission-materials';

/**
 * 机构申报, step 3: the draft goes to the jurisdiction's centre. Refused with the list of missing required materials;
 * the submitted event (material metadata, not bytes) is written with the status change, in one transaction.
 */
@Injectable()
export class SubmitApplicationHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly idempotency: IdempotencyStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly applications: ApplicationRepository,
    private readonly materials: MaterialRepository,
    private readonly notifications: ApplicantNotifications,
  ) {}

  async submit(id: string, principal: Principal, idempotencyKey: string | undefined) {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const application = await this.access.ownedForUpdate(manager, principal, id);
      return this.idempotency.once(manager, `${principal.sub}|${principal.creditCode}`, idempotencyKey, 'submit-application', { id }, () =>
        this.submitDraft(manager, application, principal),
      );
    });
    // The adapter says so in a header when this answer is a replay of the first one.
    return outcome;
  }

  private async submitDraft(manager: EntityManager, application: Application, principal: Principal) {
    if (application.status !== 'DRAFT') throw new IllegalStep(`application ${application.id} is already ${application.status}; only a draft can be submitted`);
    const materials = await this.materials.current(manager, application.id);
    refuseMissingMaterials(application, materials);
    const now = this.clock.now();
    await this.applications.update(manager, application.id, { status: 'SUBMITTED', submittedAt: now });
    const parts = materials.map(materialPart);
    await this.outbox.add(manager, Events.applicationSubmitted, {
      caseId: application.id,
      applicationKind: application.applicationKind,
      jurisdiction: application.jurisdiction,
      institution: application.institution,
      occupations: application.occupations,
      materials: parts,
      ...(application.existingFilingNumber ? { existingFilingNumber: application.existingFilingNumber } : {}),
      submittedAt: now.toISOString(),
    });
    await this.audit.append(manager, {
      caseId: application.id,
      jurisdiction: application.jurisdiction,
      action: 'application-submitted',
      fromStage: 'DRAFT',
      toStage: 'SUBMITTED',
      actor: principalActor(principal, 'applicant'),
      at: now.toISOString(),
      details: { materials: auditedMaterials(parts) },
    });
    // Submitted once: the application's id names the decision.
    await this.notifications.tell(manager, application, 'application-received', `${application.id}|submitted`, { submittedAt: now.toISOString() });
    return { id: application.id, status: 'SUBMITTED', submittedAt: now.toISOString(), materials: parts };
  }
}
