import { BadRequestException, Controller, Get, HttpStatus, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { RegisterImportsRepository } from '../../infrastructure/register-imports.repository';
import { readGrid, SpreadsheetError } from '@filing/runtime';
import { ImportHistoricalRegisterHandler } from './import-historical-register.handler';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface UploadedImportFile {
  buffer: Buffer;
  originalname: string;
}

/**
 * 历史备案导入 (administrator): a .xlsx or .csv file, one row per occupation, columns 机构名称, 统一社会信用代码,
 * 机构类型, 管辖, 备案通知文号, 备案日期, 备案编号, 地址, 职业编码, 职业名称, 工种, 等级, 依据. 201 when every row is
 * imported; 422 with the errors by row and column when any is wrong, and then nothing is imported.
 */
@ApiTags('register')
@ApiBearerAuth()
@Controller('register/imports')
export class ImportHistoricalRegisterController {
  constructor(
    private readonly handler: ImportHistoricalRegisterHandler,
    private readonly imports: RegisterImportsRepository,
  ) {}

  @Post()
  @Roles('admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ description: 'multipart `file`: .xlsx or .csv (UTF-8)' })
  async import(@CurrentPrincipal() p: Principal, @Res({ passthrough: true }) res: Response, @UploadedFile() file?: UploadedImportFile) {
    if (!file)
      throw new BadRequestException({
        message: '请上传文件（multipart 字段 file，.xlsx 或 .csv）',
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'file', code: 'REQUIRED', message: 'file is required' }],
      });
    let grid: string[][];
    try {
      grid = await readGrid(file.buffer, file.originalname);
    } catch (err) {
      if (err instanceof SpreadsheetError) throw new BadRequestException({ message: err.message, code: 'UNREADABLE_FILE' });
      throw err;
    }
    const result = await this.handler.import(grid, file.originalname, p);
    if (result.status === 'rejected') {
      res.status(HttpStatus.UNPROCESSABLE_ENTITY);
      return {
        ...result,
        code: 'IMPORT_REJECTED',
        message: `未导入任何机构：${result.errors.length} 处错误（${[...new Set(result.errors.map((e) => `第 ${e.row} 行`))].slice(0, 10).join('、')}）`,
      };
    }
    res.status(HttpStatus.CREATED);
    return result;
  }

  @Get()
  @Roles('admin')
  async list() {
    return { items: await this.imports.list() };
  }
}
