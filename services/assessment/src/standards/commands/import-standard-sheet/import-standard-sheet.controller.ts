import { BadRequestException, Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { STANDARD_SHEET_COLUMNS } from '../../domain/standard-sheet';
import { readGrid, SpreadsheetError } from '@filing/runtime';
import { ImportStandardSheetHandler } from './import-standard-sheet.handler';
import { ImportStandardSheetRequest } from './import-standard-sheet.request';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * POST /standards/imports: multipart `file` (.xlsx or .csv, columns 类型, 编号, 名称, 分值, 职业相关, 评估方式, 评分办法,
 * 佐证材料) and the version's head as text fields. 201 when loaded; 400 with `errors` by row and column, or with
 * `problems` when the rows read but do not add up.
 */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards/imports')
export class ImportStandardSheetController {
  constructor(private readonly handler: ImportStandardSheetHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 12 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ description: `multipart: file (.xlsx/.csv; columns ${STANDARD_SHEET_COLUMNS.join(', ')}) and the fields of ImportStandardSheetRequest` })
  async import(
    @Body() body: ImportStandardSheetRequest,
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file?: { buffer: Buffer; originalname: string },
  ) {
    if (!file) throw new BadRequestException({ message: '请上传评估标准表格（multipart 字段 file，.xlsx 或 .csv）', code: 'VALIDATION_FAILED' });
    let grid: string[][];
    try {
      grid = await readGrid(file.buffer, file.originalname);
    } catch (err) {
      if (err instanceof SpreadsheetError) throw new BadRequestException({ message: err.message, code: 'UNREADABLE_FILE' });
      throw err;
    }
    const head = {
      standardId: body.standardId,
      version: body.version,
      institutionKind: body.institutionKind,
      title: body.title,
      effectiveFrom: body.effectiveFrom,
      provisional: body.provisional === 'true',
      provenance: body.provenance ?? '',
      total: Number(body.total),
      passLine: Number(body.passLine),
    };
    return this.handler.execute(grid, head, file.originalname, principal);
  }
}
