import { Controller, HttpStatus, Inject, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { text, type Request, type Response } from 'express';
import { principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { InvalidCommand, TooLarge } from '@filing/runtime';
import { ExpertPoolConfig } from '../../../infrastructure/expert-pool.config';
import { ExpertAccess } from '../../expert-access';
import { ImportExpertsHandler } from './import-experts.handler';
import { ImportExpertsQuery } from './import-experts.request';
import { ImportFileError, RawRow, rowsFromCsv, rowsFromJson } from './import-rows';
import { rowsFromXlsx } from './xlsx-rows';
import { ImportJob } from '../../infrastructure/import-job.entity';

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The part of multer's file object used here. */
interface UploadedImportFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

const csvParser = text({ type: 'text/csv', limit: MAX_FILE_BYTES });

/**
 * A text/csv body is read here, once the guard has verified the caller and their role (no body of an unauthenticated
 * request is ever read), and at most MAX_FILE_BYTES of it (the global parsers read only JSON and forms).
 */
function readCsvBody(req: Request, res: Response): Promise<void> {
  if (!req.is('text/csv') || typeof req.body === 'string') return Promise.resolve();
  return new Promise((resolve, reject) =>
    csvParser(req, res, (err?: { type?: string; limit?: number }) => {
      if (!err) return resolve();
      if (err.type === 'entity.too.large') return reject(new TooLarge(`an import may be at most ${MAX_FILE_BYTES} bytes`));
      reject(new InvalidCommand(`cannot read the import: ${(err as Error).message}`));
    }),
  );
}

/**
 * 批量导入: a CSV, Excel (.xlsx) or JSON file of experts into the caller's level's database, as a multipart `file`, a
 * `text/csv` body or a JSON body. Every row is validated; unless `?mode=partial`, one bad row means nothing is
 * imported; `?mode=check` only validates (校验), so the console shows the errors before anything is imported. Small
 * files are answered when done (201, 200 for a check, or 422 with the errors by row); large ones get 202 and a job to
 * poll.
 */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts/imports')
export class ImportExpertsController {
  constructor(
    private readonly handler: ImportExpertsHandler,
    @Inject(ExpertPoolConfig) private readonly config: ExpertPoolConfig,
    private readonly access: ExpertAccess,
  ) {}

  @Post()
  @Roles('center-staff')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data', 'text/csv', 'application/json')
  @ApiBody({ description: 'multipart `file` (.csv, .xlsx or .json), a text/csv body, or a JSON array of experts' })
  async import(
    @Query() query: ImportExpertsQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() p: Principal,
    @UploadedFile() file?: UploadedImportFile,
  ) {
    this.access.assertManagesDatabase(p, p.jurisdiction);
    await readCsvBody(req, res);
    const { format, rows } = await this.read(req, file);
    const job = await this.handler.open(p.jurisdiction, format, query.mode ?? 'all', rows.length, p.sub);
    res.setHeader('Location', `/experts/imports/${job.id}`);
    if (query.async === 'true' || rows.length > this.config.importSyncMaxRows) {
      void this.handler.run(job, rows, principalActor(p, 'center-staff'));
      res.status(HttpStatus.ACCEPTED);
      return { ...job, poll: `/experts/imports/${job.id}` };
    }
    const done = await this.handler.run(job, rows, principalActor(p, 'center-staff'));
    res.status(
      done.status === 'completed'
        ? HttpStatus.CREATED
        : done.status === 'checked'
          ? HttpStatus.OK
          : done.status === 'rejected'
            ? HttpStatus.UNPROCESSABLE_ENTITY
            : HttpStatus.INTERNAL_SERVER_ERROR,
    );
    return done.status === 'rejected'
      ? {
          ...done,
          message: `nothing imported: ${done.errors.length} row(s) invalid (${done.errors
            .slice(0, 20)
            .map((e) => `row ${e.row}`)
            .join(', ')}${done.errors.length > 20 ? ', …' : ''})`,
        }
      : done;
  }

  private async read(req: Request, file?: UploadedImportFile): Promise<{ format: ImportJob['format']; rows: RawRow[] }> {
    try {
      if (file) {
        if (/\.xlsx$/i.test(file.originalname) || file.mimetype === XLSX) return { format: 'xlsx', rows: await rowsFromXlsx(file.buffer) };
        const text = file.buffer.toString('utf8');
        if (/\.json$/i.test(file.originalname) || file.mimetype === 'application/json') return { format: 'json', rows: rowsFromJson(JSON.parse(text)) };
        if (/\.csv$/i.test(file.originalname) || /csv|text\/plain/.test(file.mimetype)) return { format: 'csv', rows: rowsFromCsv(text) };
        throw new ImportFileError(`file ${file.originalname}: only .csv, .xlsx and .json files are imported`);
      }
      if (req.is('text/csv') && typeof req.body === 'string') return { format: 'csv', rows: rowsFromCsv(req.body) };
      if (req.is('application/json')) return { format: 'json', rows: rowsFromJson(req.body) };
      throw new ImportFileError('send a multipart `file`, a text/csv body or a JSON array of experts');
    } catch (err) {
      if (err instanceof ImportFileError || err instanceof SyntaxError) throw new InvalidCommand(`cannot read the import: ${err.message}`);
      throw err;
    }
  }
}
