import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { checklistFor } from '../../domain/checklist';
import { Material } from '../../infrastructure/material.entity';
import { ApplicationAccess } from '../../infrastructure/application-access';

/**
 * Every checklist item with every uploaded version, newest first: the history a return keeps. Members of the case's
 * expert group read it too, and each such read is logged (who, when) in the audit log the centre sees.
 */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('applications')
export class ListMaterialsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  @Get(':id/materials')
  @Roles('applicant', 'center-staff', 'approver', 'admin', 'expert')
  @ApiOperation({ summary: 'Material versions per checklist item' })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const manager = this.dataSource.manager;
    const { application, asGroupMember } = await this.access.materialsReadable(manager, principal, id);
    if (asGroupMember) {
      await this.dataSource.transaction((m) =>
        this.audit.append(m, {
          caseId: id,
          jurisdiction: application.jurisdiction,
          action: 'materials-listed',
          actor: principalActor(principal, 'expert'),
          at: this.clock.now().toISOString(),
          details: { expertId: principal.expertId },
        }),
      );
    }
    const materials = await manager.find(Material, { where: { applicationId: id }, order: { checklistItem: 'ASC', version: 'DESC' } });
    const checklist = checklistFor(application.applicationKind, application.institution.kind);
    const known = new Set(checklist.map((i) => i.item));
    return [
      ...checklist,
      // An item dropped from the checklist data after upload still shows its files.
      ...[...new Set(materials.map((m) => m.checklistItem))].filter((i) => !known.has(i)).map((item) => ({ item, title: item, required: false })),
    ].map((item) => ({
      ...item,
      versions: materials
        .filter((m) => m.checklistItem === item.item)
        .map((m) => ({
          materialId: m.id,
          version: m.version,
          round: m.round,
          fileName: m.fileName,
          contentType: m.contentType,
          size: m.size,
          sha256: m.sha256,
          uploadedAt: m.uploadedAt.toISOString(),
        })),
    }));
  }
}
