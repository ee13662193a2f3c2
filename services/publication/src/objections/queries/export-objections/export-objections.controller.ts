import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, maskIdNumber, maskPhone, Principal, Roles } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { ObjectionsRepository } from '../../infrastructure/objections.repository';

const STATUS_NAMES: Record<string, string> = { open: '待处理', investigating: '核查中', upheld: '异议成立', dismissed: '异议不成立' };
const SCOPE_NAMES: Record<string, string> = { 'whole-case': '整个申报', occupations: '部分职业' };

/** Shanghai time as the centre reads it: 2025-10-02 09:30. */
function localTime(at: Date | string | null): string {
  if (!at) return '';
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A notice's objections (异议登记) as an Excel workbook for the centre's file, one row per objection in order of
 * receipt; the same readers and the same masking as the list (ID numbers and phones masked, architecture §7).
 */
@ApiTags('objections')
@ApiBearerAuth()
@Controller('notices')
export class ExportObjectionsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly objections: ObjectionsRepository,
  ) {}

  @Get(':id/objections.xlsx')
  @Roles('center-staff', 'approver')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Param('id', new ParseUUIDPipe()) noticeId: string, @CurrentPrincipal() principal: Principal, @Res() res: Response) {
    const notice = await this.objections.noticeSummary(this.dataSource.manager, noticeId);
    if (!notice || !principal.canActInJurisdiction(notice.jurisdiction)) throw new NotFound(`没有编号为 ${noticeId} 的公示`);
    const rows = await this.objections.onNotice(this.dataSource.manager, noticeId);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('异议登记');
    sheet.columns = [
      { header: '受理编号', width: 20 },
      { header: '收到时间', width: 18 },
      { header: '异议人', width: 12 },
      { header: '身份证号', width: 22 },
      { header: '联系电话', width: 16 },
      { header: '异议理由', width: 48 },
      { header: '证据及线索', width: 36 },
      { header: '状态', width: 12 },
      { header: '核查情况', width: 30 },
      { header: '成立范围', width: 12 },
      { header: '处理理由', width: 36 },
      { header: '处理时间', width: 18 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const o of rows) {
      sheet.addRow([
        o.receiptNumber,
        localTime(o.receivedAt),
        o.objectorName,
        maskIdNumber(o.objectorIdNumber),
        maskPhone(o.objectorPhone),
        o.reason,
        o.evidence ?? '',
        STATUS_NAMES[o.status] ?? o.status,
        o.investigationNote ?? '',
        o.scope ? (SCOPE_NAMES[o.scope] ?? o.scope) : '',
        o.resolutionReason ?? '',
        localTime(o.resolvedAt),
      ]);
    }
    sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    res
      .status(200)
      .set({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="objections.xlsx"; filename*=UTF-8''${encodeURIComponent(`${notice.institution ?? '公示'}异议登记.xlsx`)}`,
        'content-length': String(bytes.length),
      })
      .end(bytes);
  }
}
