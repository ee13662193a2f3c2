import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { MaterialRepository } from '../../infrastructure/material.repository';
import { readMaterial } from '../../infrastructure/material-file.store';

/**
 * The bytes of one material version, exactly as uploaded (the sha-256 is in a header to check against). A member of
 * the case's expert group may download too; each download is logged (who, which version, when) before it starts.
 */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('applications')
export class DownloadMaterialController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly materials: MaterialRepository,
  ) {}

  @Get(':id/materials/:materialId/content')
  @Roles('applicant', 'center-staff', 'approver', 'admin', 'expert')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download one material version' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('materialId', new ParseUUIDPipe()) materialId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const manager = this.dataSource.manager;
    const { application, asGroupMember } = await this.access.materialsReadable(manager, principal, id);
    const material = await this.materials.withContent(manager, id, materialId);
    if (!material) throw new NotFound(`material ${materialId} not found in application ${id}`);
    if (asGroupMember) {
      await this.dataSource.transaction((m) =>
        this.access.logGroupMemberRead(m, principal, application, 'material-downloaded', {
          materialId: material.id,
          checklistItem: material.checklistItem,
          version: material.version,
          fileName: material.fileName,
          sha256: material.sha256,
        }),
      );
    }
    res.setHeader('X-Content-SHA256', material.sha256);
    // Streamed chunk by chunk: a download holds one chunk in memory, not the file.
    return new StreamableFile(readMaterial(this.dataSource, material.id, material.content), {
      type: material.contentType,
      length: material.size,
      disposition: `attachment; filename="material-v${material.version}"; filename*=UTF-8''${encodeURIComponent(material.fileName)}`,
    });
  }
}
