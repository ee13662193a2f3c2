import { ConflictException, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { IdempotencyStore } from '../../../idempotency/idempotency.store';
import { Application } from '../../domain/application.entity';
import { checklistFor, missingItems } from '../../domain/checklist';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { currentMaterials, materialPart } from '../../infrastructure/material.queries';

/**
 * 机构申报, step 3: the draft goes to the jurisdiction's centre. Refused with the list of missing required materials;
 * the submitted event (material metadata, not bytes) is written with the status change, in one transaction.
 */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class SubmitApplicationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly idempotency: IdempotencyStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Submit a draft application; 422 lists missing required materials' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first answer' })
  async submit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const application = await this.access.ownedForUpdate(manager, principal, id);
      return this.idempotency.once(manager, `${principal.sub}|${principal.creditCode}`, idempotencyKey, 'submit-application', { id }, () =>
        this.submitDraft(manager, application),
      );
    });
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return outcome.result;
  }

  private async submitDraft(manager: EntityManager, application: Application) {
    if (application.status !== 'DRAFT') throw new ConflictException(`application ${application.id} is already ${application.status}; only a draft can be submitted`);
    const materials = await currentMaterials(manager, application.id);
    const missing = missingItems(
      checklistFor(application.applicationKind, application.institution.kind),
      materials.map((m) => m.checklistItem),
    );
    if (missing.length > 0) {
      throw new UnprocessableEntityException({
        error: 'Unprocessable Entity',
        message: `required materials are missing: ${missing.map((i) => `${i.item} (${i.title})`).join(', ')}`,
        missing,
      });
    }
    const now = this.clock.now();
    await manager.update(Application, { id: application.id }, { status: 'SUBMITTED', submittedAt: now });
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
    return { id: application.id, status: 'SUBMITTED', submittedAt: now.toISOString(), materials: parts };
  }
}
