import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  HttpCode,
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
import { createHash, randomUUID } from 'node:crypto';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { materialMaxBytes } from '../../../infrastructure/material-upload.config';
import { uploadRefusal, uploadRound } from '../../domain/application-status';
import { checklistFor } from '../../domain/checklist';
import { Material } from '../../domain/material.entity';
import { checkMaterialType, ACCEPTED_CONTENT_TYPES } from '../../domain/material-type';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { MaterialTooLargeFilter } from './material-too-large.filter';
import { UploadMaterialRequest } from './upload-material.request';

/** The part of multer's in-memory file this controller uses. */
interface UploadedMaterialFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Busboy reads multipart file names as latin1; browsers and fetch send UTF-8, e.g. 申请报告.pdf. */
function utf8FileName(name: string): string {
  if (![...name].every((c) => c.charCodeAt(0) < 256)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

/** Uploads one file for one checklist item; each upload is a new version, earlier versions are kept. */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('applications')
export class UploadMaterialController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly clock: Clock,
  ) {}

  @Post(':id/materials')
  @HttpCode(201)
  @Roles('applicant')
  @UseFilters(MaterialTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: materialMaxBytes(), files: 1, fields: 5 } }))
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
    @UploadedFile() file: UploadedMaterialFile | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!file) throw new BadRequestException('a multipart part named `file` with the material is required');
    if (file.size === 0) throw new BadRequestException('the file is empty');
    const verdict = checkMaterialType(file.mimetype, file.buffer);
    if (!verdict.ok) throw new UnsupportedMediaTypeException(verdict.problem);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');

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
      const [{ max }] = await manager.query(`SELECT coalesce(max(version), 0)::int AS max FROM intake.material WHERE application_id = $1 AND checklist_item = $2`, [
        id,
        item.item,
      ]);
      const material = Object.assign(new Material(), {
        id: randomUUID(),
        applicationId: id,
        checklistItem: item.item,
        version: max + 1,
        round: uploadRound(application),
        fileName: utf8FileName(file.originalname || 'file').slice(0, 255),
        contentType: verdict.type.contentType,
        size: file.size,
        sha256,
        content: file.buffer,
        uploadedBy: principal.sub,
        uploadedAt: this.clock.now(),
      } satisfies Material);
      await manager.insert(Material, material);
      const { content: _content, ...metadata } = material;
      return { ...metadata, title: item.title, uploadedAt: material.uploadedAt.toISOString() };
    });
  }
}
