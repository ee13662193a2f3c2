import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Material } from '../../domain/material.entity';
import { ApplicationAccess } from '../../infrastructure/application-access';

/** The bytes of one material version, exactly as uploaded (the sha-256 is in a header to check against). */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('applications')
export class DownloadMaterialController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
  ) {}

  @Get(':id/materials/:materialId/content')
  @Roles('applicant', 'center-staff', 'approver', 'admin')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download one material version' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('materialId', new ParseUUIDPipe()) materialId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const manager = this.dataSource.manager;
    await this.access.readable(manager, principal, id);
    const material = await manager
      .createQueryBuilder(Material, 'm')
      .addSelect('m.content')
      .where('m.id = :materialId AND m.application_id = :id', { materialId, id })
      .getOne();
    if (!material) throw new NotFoundException(`material ${materialId} not found in application ${id}`);
    res.setHeader('X-Content-SHA256', material.sha256);
    return new StreamableFile(material.content, {
      type: material.contentType,
      length: material.size,
      disposition: `attachment; filename="material-v${material.version}"; filename*=UTF-8''${encodeURIComponent(material.fileName)}`,
    });
  }
}
