import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  HttpCode,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { PROBLEM_CONTENT_TYPE, problemOf } from '@filing/runtime';
import { assessmentConfig } from '../../../infrastructure/assessment.config';
import { EVIDENCE_TYPES } from '../../domain/onsite-visit';
import { EvidenceRefused, UploadVisitEvidenceHandler } from './upload-visit-evidence.handler';

/** Multer stops reading at the limit and says only "File too large"; this names the limit, in Chinese. */
@Catch(PayloadTooLargeException)
class EvidenceTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost) {
    const mb = (assessmentConfig.evidenceMaxBytes / 1024 / 1024).toFixed(1);
    const body = problemOf(413, { code: 'EVIDENCE_TOO_LARGE', message: `佐证文件超过大小上限（${mb} MB）` });
    host.switchToHttp().getResponse<Response>().status(413).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}

/** Busboy reads multipart file names as latin1; browsers send UTF-8, e.g. 实训车间.jpg. */
function utf8FileName(name: string): string {
  if (![...name].every((c) => c.charCodeAt(0) < 256)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

/** POST /cases/:caseId/onsite-visit/records/:recordId/evidence: multipart `file` (photo or document). */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/onsite-visit/records/:recordId/evidence')
export class UploadVisitEvidenceController {
  constructor(private readonly handler: UploadVisitEvidenceHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  @UseFilters(EvidenceTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: assessmentConfig.evidenceMaxBytes, files: 1, fields: 2 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: EVIDENCE_TYPES.map((t) => t.contentType).join(', ') } },
    },
  })
  async upload(
    @Param('caseId') caseId: string,
    @Param('recordId', new ParseUUIDPipe()) recordId: string,
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file?: { originalname: string; mimetype: string; buffer: Buffer },
  ) {
    if (!file) throw new EvidenceRefused(400, '请上传佐证文件（multipart 字段 file）');
    return this.handler.execute(
      caseId,
      recordId,
      { fileName: utf8FileName(file.originalname ?? ''), declaredType: file.mimetype ?? '', bytes: file.buffer },
      principal,
    );
  }
}
