import { BadRequestException, Controller, HttpStatus, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { expertPoolConfig } from '../../../infrastructure/expert-pool.config';
import { assertManagesDatabase } from '../../expert-access';
import { ImportExpertsHandler } from './import-experts.handler';
import { ImportExpertsQuery } from './import-experts.request';
import { ImportFileError, RawRow, rowsFromCsv, rowsFromJson } from './import-rows';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The part of multer's file object used here. */
interface UploadedImportFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

/**
 * 批量导入: a CSV or JSON file of experts into the caller's level's database, as a multipart `file`, a `text/csv`
 * body or a JSON body. Every row is validated; unless `?mode=partial`, one bad row means nothing is imported. Small
 * files are answered when done (201, or 422 with the errors by row); large ones get 202 and a job to poll.
 */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts/imports')
export class ImportExpertsController {
  constructor(private readonly handler: ImportExpertsHandler) {}

  @Post()
  @Roles('center-staff')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data', 'text/csv', 'application/json')
  @ApiBody({ description: 'multipart `file` (.csv or .json), a text/csv body, or a JSON array of experts' })
  async import(
    @Query() query: ImportExpertsQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() p: Principal,
    @UploadedFile() file?: UploadedImportFile,
  ) {
    assertManagesDatabase(p, p.jurisdiction);
    const { format, rows } = this.read(req, file);
    const job = await this.handler.open(p.jurisdiction, format, query.mode ?? 'all', rows.length, p.sub);
    res.setHeader('Location', `/experts/imports/${job.id}`);
    if (query.async === 'true' || rows.length > expertPoolConfig.importSyncMaxRows) {
      void this.handler.run(job, rows);
      res.status(HttpStatus.ACCEPTED);
      return { ...job, poll: `/experts/imports/${job.id}` };
    }
    const done = await this.handler.run(job, rows);
    res.status(done.status === 'completed' ? HttpStatus.CREATED : done.status === 'rejected' ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.INTERNAL_SERVER_ERROR);
    return done.status === 'rejected'
      ? { ...done, message: `nothing imported: ${done.errors.length} row(s) invalid (${done.errors.map((e) => `row ${e.row}`).join(', ')})` }
      : done;
  }

  private read(req: Request, file?: UploadedImportFile): { format: 'csv' | 'json'; rows: RawRow[] } {
    try {
      if (file) {
        const text = file.buffer.toString('utf8');
        if (/\.json$/i.test(file.originalname) || file.mimetype === 'application/json') return { format: 'json', rows: rowsFromJson(JSON.parse(text)) };
        if (/\.csv$/i.test(file.originalname) || /csv|text\/plain/.test(file.mimetype)) return { format: 'csv', rows: rowsFromCsv(text) };
        throw new ImportFileError(`file ${file.originalname}: only .csv and .json files are imported`);
      }
      if (req.is('text/csv') && typeof req.body === 'string') return { format: 'csv', rows: rowsFromCsv(req.body) };
      if (req.is('application/json')) return { format: 'json', rows: rowsFromJson(req.body) };
      throw new ImportFileError('send a multipart `file`, a text/csv body or a JSON array of experts');
    } catch (err) {
      if (err instanceof ImportFileError || err instanceof SyntaxError) throw new BadRequestException(`cannot read the import: ${err.message}`);
      throw err;
    }
  }
}
