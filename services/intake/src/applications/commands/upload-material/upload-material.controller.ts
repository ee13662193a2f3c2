import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { materialMaxBytes } from '../../../infrastructure/material-upload.config';
import { ACCEPTED_CONTENT_TYPES } from '../../domain/material-type';
import { materialUploadStorage, removeUpload, StreamedUpload } from '../../infrastructure/material-file.store';
import { MaterialTooLargeFilter } from './material-too-large.filter';
import { UploadMaterialHandler } from './upload-material.handler';
import { UploadMaterialRequest } from './upload-material.request';

/**
 * Uploads one file for one checklist item; each upload is a new version, earlier versions are kept. The file streams
 * to a temporary file (never whole in memory) and into the database in chunks; an application holds at most
 * MATERIAL_QUOTA_BYTES of materials, all versions counted.
 */
@ApiTags('materials')
@ApiBearerAuth()
@Controller('applications')
export class UploadMaterialController {
  constructor(private readonly handler: UploadMaterialHandler) {}

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
      return await this.handler.store(id, body, file, principal);
    } finally {
      await removeUpload(file?.path);
    }
  }
}
