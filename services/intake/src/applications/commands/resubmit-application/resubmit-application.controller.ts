import { Body, ConflictException, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res, UnprocessableEntityException } from '@nestjs/common';
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
import { resubmissionRefusal } from '../../domain/application-status';
import { checklistFor, missingItems } from '../../domain/checklist';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { currentMaterials, materialPart } from '../../infrastructure/material.queries';
import { ResubmitApplicationRequest } from './resubmit-application.request';

/**
 * After a return (材料退回) the applicant uploads new versions of the materials concerned and resubmits; review
 * takes the case back to preliminary review. The event carries every checklist item's current version.
 */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ResubmitApplicationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly idempotency: IdempotencyStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Post(':id/resubmit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Resubmit a returned application with new material versions' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first answer' })
  async resubmit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResubmitApplicationRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const application = await this.access.ownedForUpdate(manager, principal, id);
      return this.idempotency.once(manager, `${principal.sub}|${principal.creditCode}`, idempotencyKey, 'resubmit-application', { id, ...body }, () =>
        this.resubmitReturned(manager, application, body),
      );
    });
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return outcome.result;
  }

  private async resubmitReturned(manager: EntityManager, application: Application, body: ResubmitApplicationRequest) {
    const refusal = resubmissionRefusal(application);
    if (refusal) throw new ConflictException(refusal);
    const round = application.round + 1;
    const materials = await currentMaterials(manager, application.id);
    if (!materials.some((m) => m.round === round)) {
      throw new UnprocessableEntityException(`upload at least one new material version answering the return reasons before resubmitting (round ${round})`);
    }
    const missing = missingItems(checklistFor(application.applicationKind, application.institution.kind), materials.map((m) => m.checklistItem));
    if (missing.length > 0) {
      throw new UnprocessableEntityException({ error: 'Unprocessable Entity', message: `required materials are missing: ${missing.map((i) => i.item).join(', ')}`, missing });
    }
    const now = this.clock.now();
    await manager.update(Application, { id: application.id }, { status: 'RESUBMITTED', round, resubmittedAt: now });
    const parts = materials.map(materialPart);
    await this.outbox.add(manager, Events.applicationResubmitted, {
      caseId: application.id,
      round,
      materials: parts,
      ...(body.note ? { note: body.note } : {}),
      resubmittedAt: now.toISOString(),
    });
    return { id: application.id, status: 'RESUBMITTED', round, resubmittedAt: now.toISOString(), materials: parts };
  }
}
