import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditLog, loadCaseAudit } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { ApplicationAccess } from '../../infrastructure/application-access';

const ACCESS_ACTIONS = ['materials-listed', 'material-downloaded'];

/** Who of the expert group read the case's materials, what and when (from intake's audit log), for the centre. */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('applications')
export class ListMaterialAccessController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly audit: AuditLog,
  ) {}

  @Get(':id/material-access')
  @Roles('center-staff', 'approver', 'admin')
  @ApiOperation({ summary: "The expert group's reads of the case's materials" })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    await this.access.readable(this.dataSource.manager, principal, id);
    const entries = await loadCaseAudit(this.dataSource, this.audit.schema, id);
    return {
      items: entries
        .filter((e) => ACCESS_ACTIONS.includes(e.action))
        .map((e) => {
          const d = e.details as { expertId?: string; materialId?: string; checklistItem?: string; version?: number; fileName?: string; sha256?: string };
          return {
            at: e.at,
            action: e.action === 'material-downloaded' ? 'downloaded' : 'listed',
            expert: { expertId: d.expertId ?? null, name: e.actor.name ?? null, subject: e.actor.subject },
            ...(d.materialId
              ? { material: { materialId: d.materialId, checklistItem: d.checklistItem, version: d.version, fileName: d.fileName, sha256: d.sha256 } }
              : {}),
          };
        }),
    };
  }
}
