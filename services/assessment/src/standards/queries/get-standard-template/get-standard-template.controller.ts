import { Controller, Get, Header, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import ExcelJS from 'exceljs';
import { Roles } from '@filing/auth';
import { standardToSheet } from '../../domain/standard-sheet';
import { StandardRepository } from '../../infrastructure/standard.repository';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A loaded version as the import table (.xlsx): the template to fill in for a new version, with a worked example. */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class GetStandardTemplateController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardRepository,
  ) {}

  @Get(':standardId/versions/:version/sheet.xlsx')
  @Roles('admin')
  @Header('content-type', XLSX)
  @ApiProduces(XLSX)
  async sheet(@Param('standardId') standardId: string, @Param('version') version: string, @Res({ passthrough: true }) res: Response) {
    const found = await this.standards.version(this.dataSource.manager, standardId, version);
    if (!found) throw new NotFoundException(`standard ${standardId} version ${version} is not loaded`);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('评估标准');
    for (const row of standardToSheet(found.document)) sheet.addRow(row.map((c, i) => (i === 3 && c !== '' && row[0] !== '类型' ? Number(c) : c)));
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c, i) => (c.width = [8, 8, 36, 6, 8, 10, 48, 36][i]));
    res.setHeader(
      'content-disposition',
      `attachment; filename="${standardId}-${version}.xlsx"; filename*=UTF-8''${encodeURIComponent(`评估标准-${standardId}-第${version}版.xlsx`)}`,
    );
    return new StreamableFile(Buffer.from(await workbook.xlsx.writeBuffer()));
  }
}
