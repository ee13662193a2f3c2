import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { checklistFor } from '../../domain/checklist';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { MaterialRepository } from '../../infrastructure/material.repository';

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
    private readonly materialVersions: MaterialRepository,
  ) {}

  @Get(':id/materials')
  @Roles('applicant', 'center-staff', 'approver', 'admin', 'expert')
  @ApiOperation({ summary: 'Material versions per checklist item' })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const manager = this.dataSource.manager;
    const { application, asGroupMember } = await this.access.materialsReadable(manager, principal, id);
    if (asGroupMember) await this.dataSource.transaction((m) => this.access.logGroupMemberRead(m, principal, application, 'materials-listed'));
    const materials = await this.materialVersions.versions(manager, id);
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
