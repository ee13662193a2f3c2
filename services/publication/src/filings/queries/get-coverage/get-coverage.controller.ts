import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { Public } from '@filing/auth';
import { JURISDICTIONS, SKILL_LEVEL_NAMES, SkillLevel } from '@filing/contracts';
import { FilingsRepository } from '../../infrastructure/filings.repository';

/**
 * 就近就地 coverage: for each filed occupation, the jurisdictions with at least one valid filed institution, and those
 * without one. Province-level institutions (220000) are listed as their own jurisdiction.
 */
@ApiTags('register')
@Public()
@Controller('public/register/coverage')
export class GetCoverageController {
  constructor(private readonly filings: FilingsRepository) {}

  @Get()
  async coverage() {
    const rows = await this.filings.coverage();
    const byCode = new Map<string, { code: string; name: string; jurisdictions: { code: string; name: string; institutions: number; levels: number[] }[] }>();
    for (const r of rows) {
      const entry = byCode.get(r.code) ?? { code: r.code, name: r.name, jurisdictions: [] };
      entry.jurisdictions.push({
        code: r.jurisdiction,
        name: JURISDICTIONS.find((j) => j.code === r.jurisdiction)?.name ?? r.jurisdiction,
        institutions: r.institutions,
        levels: [...r.levels].sort((a, b) => b - a),
      });
      byCode.set(r.code, entry);
    }
    return {
      occupations: [...byCode.values()].map((o) => ({
        ...o,
        citiesWithout: JURISDICTIONS.filter((j) => j.level === 'city' && !o.jurisdictions.some((c) => c.code === j.code)).map((j) => ({
          code: j.code,
          name: j.name,
        })),
      })),
    };
  }

  /** The same coverage as an Excel workbook: one row per occupation, its institutions per city, and the cities without. */
  @Get('export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Res() res: Response) {
    const { occupations } = await this.coverage();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('职业覆盖');
    sheet.columns = [
      { header: '职业编码', width: 14 },
      { header: '职业（工种）', width: 20 },
      ...JURISDICTIONS.map((j) => ({ header: j.code === '220000' ? '省直' : j.name, width: 10 })),
      { header: '未覆盖的市（州）', width: 48 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const o of occupations) {
      sheet.addRow([
        o.code,
        o.name,
        ...JURISDICTIONS.map((j) => o.jurisdictions.find((c) => c.code === j.code)?.institutions ?? 0),
        o.citiesWithout.map((c) => c.name).join('、'),
      ]);
    }
    const levels = wb.addWorksheet('等级');
    levels.columns = [
      { header: '职业编码', width: 14 },
      { header: '属地', width: 10 },
      { header: '机构数', width: 8 },
      { header: '等级', width: 40 },
    ];
    levels.getRow(1).font = { bold: true };
    for (const o of occupations)
      for (const j of o.jurisdictions) levels.addRow([o.code, j.name, j.institutions, j.levels.map((l) => SKILL_LEVEL_NAMES[l as SkillLevel]).join('、')]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    res
      .status(200)
      .set({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="coverage.xlsx"; filename*=UTF-8''${encodeURIComponent('职业覆盖情况.xlsx')}`,
        'content-length': String(bytes.length),
      })
      .end(bytes);
  }
}
