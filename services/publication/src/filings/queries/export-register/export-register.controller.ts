import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { Public } from '@filing/auth';
import { SKILL_LEVEL_NAMES, SkillLevel } from '@filing/contracts';
import { STATUS_NAMES } from '../../domain/register-status';
import { RegisterReadModelStore } from '../../infrastructure/register-read-model.store';
import { SearchRegisterQuery } from '../search-register/search-register.query';

const KIND_NAMES: Record<string, string> = { employer: '用人单位', 'social-org': '社会培训评价组织' };
const MAX_ROWS = 20000;

/** The register (备案机构名录) as an Excel workbook, with the search's filters: one row per institution and occupation. */
@ApiTags('register')
@Public()
@Controller('public/register')
export class ExportRegisterController {
  constructor(private readonly register: RegisterReadModelStore) {}

  @Get('export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() q: SearchRegisterQuery, @Res() res: Response) {
    const { items } = await this.register.search({ ...q, page: 1, pageSize: MAX_ROWS });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('备案机构名录');
    sheet.columns = [
      { header: '机构名称', width: 36 },
      { header: '统一社会信用代码', width: 22 },
      { header: '机构类型', width: 18 },
      { header: '属地', width: 12 },
      { header: '备案编号', width: 18 },
      { header: '备案通知文号', width: 22 },
      { header: '备案日期', width: 12 },
      { header: '状态', width: 10 },
      { header: '职业编码', width: 14 },
      { header: '职业（工种）', width: 20 },
      { header: '等级', width: 40 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const e of items as {
      name: string;
      creditCode: string;
      kind: string;
      jurisdictionName: string;
      filingNumber: string | null;
      noticeNumber: string;
      noticeDate: string;
      status: keyof typeof STATUS_NAMES;
      occupations: { code: string; name: string; workType?: string; levels: number[] }[];
    }[]) {
      for (const o of e.occupations) {
        sheet.addRow([
          e.name,
          e.creditCode,
          KIND_NAMES[e.kind] ?? e.kind,
          e.jurisdictionName,
          e.filingNumber ?? '',
          e.noticeNumber,
          e.noticeDate,
          STATUS_NAMES[e.status] ?? e.status,
          o.code,
          o.workType ? `${o.name}（${o.workType}）` : o.name,
          [...o.levels]
            .sort((a, b) => b - a)
            .map((l) => SKILL_LEVEL_NAMES[l as SkillLevel])
            .join('、'),
        ]);
      }
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    res
      .status(200)
      .set({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent('备案机构名录.xlsx')}`,
        'content-length': String(bytes.length),
      })
      .end(bytes);
  }
}
