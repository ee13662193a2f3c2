import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { ExpertAccess } from '../../expert-access';
import { csvTemplate, xlsxTemplate } from './import-template';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import templates (导入模板): the columns of a bulk import as a CSV file or an Excel workbook. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts/imports/templates')
export class GetImportTemplateController {
  constructor(private readonly access: ExpertAccess) {}

  @Get(':file')
  @Roles('center-staff')
  @ApiParam({ name: 'file', enum: ['expert-import.csv', 'expert-import.xlsx'] })
  @ApiProduces('text/csv', XLSX)
  async get(@Param('file') file: string, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) res: Response) {
    this.access.assertManagesDatabase(p, p.jurisdiction);
    if (file === 'expert-import.csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="expert-import.csv"; filename*=UTF-8''${encodeURIComponent('专家导入模板.csv')}`);
      return new StreamableFile(Buffer.from(csvTemplate(), 'utf8'));
    }
    if (file === 'expert-import.xlsx') {
      res.setHeader('content-type', XLSX);
      res.setHeader('content-disposition', `attachment; filename="expert-import.xlsx"; filename*=UTF-8''${encodeURIComponent('专家导入模板.xlsx')}`);
      return new StreamableFile(await xlsxTemplate());
    }
    throw new NotFound(`no template ${file}: the templates are expert-import.csv and expert-import.xlsx`);
  }
}
