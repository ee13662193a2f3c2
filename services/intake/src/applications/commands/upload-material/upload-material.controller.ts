import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  UnsupportedMediaTypeException,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { materialMaxBytes, materialQuotaBytes } from '../../../infrastructure/material-upload.config';
import { uploadRefusal, uploadRound } from '../../domain/application-status';
import { checklistFor } from '../../domain/checklist';
import { Material } from '../../infrastructure/material.entity';
import { checkMaterialType, ACCEPTED_CONTENT_TYPES } from '../../domain/material-type';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { materialUploadStorage, removeUpload, sniff, storeChunks, StreamedUpload } from '../../infrastructure/material-file.store';
import { MaterialTooLargeFilter } from './material-too-large.filter';
import { UploadMaterialRequest } from './upload-material.request';

/** Busboy reads multipart file names as latin1; browsers and fetch send UTF-8, e.g. 申请报告.pdf. */
function utf8FileName(name: string): string {
  if (![...name].every((c) => c.charCodeAt(0) < 256)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

/**
 * Uploads one file for one checklist item; each upload is a new version, earlier versions are kept. The file streams
 * to a temporary file (never whole in memory) and into the database in chunks; an application holds at most
 * MATERIAL_QUOTA_BYTES of materials, all versions counted.
 */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('applications')
export class UploadMaterialController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  @Post(':id/materials')
  @HttpCode(201)
  @Roles('applicant')
  @UseFilters(MaterialTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', { storage: materialUploadStorage(), limits: { fileSize: materialMaxBytes(), files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'checklistItem'],
      properties: { file: { type: 'string', format: 'binary', description: ACCEPTED_CONTENT_TYPES.join(', ') }, checklistItem: { type: 'string' } },
    },
  })
  @ApiOperation({ summary: 'Upload a material (PDF, PNG/JPEG, docx/xlsx/doc/xls) for a checklist item of a draft or returned application' })
  async upload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UploadMaterialRequest,
    @UploadedFile() file: StreamedUpload | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    try {
      return await this.store(id, body, file, principal);
    } finally {
      await removeUpload(file?.path);
    }
  }

  private async store(id: string, body: UploadMaterialRequest, file: StreamedUpload | undefined, principal: Principal) {
    if (!file) throw new BadRequestException('a multipart part named `file` with the material is required');
    if (file.size === 0) throw new BadRequestException('the file is empty');
    const verdict = checkMaterialType(file.mimetype, await sniff(file.path, file.size));
    if (!verdict.ok) throw new UnsupportedMediaTypeException(verdict.problem);

    return this.dataSource.transaction(async (manager) => {
      const application = await this.access.ownedForUpdate(manager, principal, id);
      const refusal = uploadRefusal(application);
      if (refusal) throw new ConflictException(refusal);
      const checklist = checklistFor(application.applicationKind, application.institution.kind);
      const item = checklist.find((i) => i.item === body.checklistItem);
      if (!item) {
        throw new BadRequestException(
          `checklistItem ${body.checklistItem} is not on the checklist of this application; items: ${checklist.map((i) => i.item).join(', ')}`,
        );
      }
      // The application row is locked: two uploads of one application cannot both slip under the quota.
      const [{ used }] = await manager.query(`SELECT coalesce(sum(size), 0)::bigint AS used FROM intake.material WHERE application_id = $1`, [id]);
      const quota = materialQuotaBytes();
      if (Number(used) + file.size > quota) {
        throw new HttpException(
          {
            statusCode: 413,
            error: 'Payload Too Large',
            code: 'MATERIAL_QUOTA_EXCEEDED',
            message: `application ${id} holds ${Number(used)} bytes of materials; this file (${file.size} bytes) would exceed its quota of ${quota} bytes (${(quota / 1024 / 1024).toFixed(0)} MB)`,
            quotaBytes: quota,
            usedBytes: Number(used),
          },
          HttpStatus.PAYLOAD_TOO_LARGE,
        );
      }
      const [{ max }] = await manager.query(
        `SELECT coalesce(max(version), 0)::int AS max FROM intake.material WHERE application_id = $1 AND checklist_item = $2`,
        [id, item.item],
      );
      const material = Object.assign(new Material(), {
        id: randomUUID(),
        applicationId: id,
        checklistItem: item.item,
        version: max + 1,
        round: uploadRound(application),
        fileName: utf8FileName(file.originalname || 'file').slice(0, 255),
        contentType: verdict.type.contentType,
        size: file.size,
        sha256: file.sha256,
        content: null,
        uploadedBy: principal.sub,
        uploadedAt: this.clock.now(),
      } satisfies Material);
      await manager.insert(Material, material);
      await storeChunks(manager, material.id, file.path);
      await this.audit.append(manager, {
        caseId: id,
        jurisdiction: application.jurisdiction,
        action: 'material-uploaded',
        actor: principalActor(principal, 'applicant'),
        at: material.uploadedAt.toISOString(),
        details: {
          materialId: material.id,
          checklistItem: material.checklistItem,
          version: material.version,
          round: material.round,
          fileName: material.fileName,
          size: material.size,
          sha256: material.sha256,
        },
      });
      const { content: _content, ...metadata } = material;
      return { ...metadata, title: item.title, uploadedAt: material.uploadedAt.toISOString() };
    });
  }
}
