import { Controller, Get, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CaseStage, findJurisdiction, PROVINCE_CODE } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { chinaDate, InvalidCommand, NotAllowed } from '@filing/runtime';
import { reviewInstance } from '../../../infrastructure/review.config';
import { StageDeadlines } from '../../../infrastructure/stage-deadlines';
import { OversightRepository } from '../../infrastructure/oversight.repository';
import { STAGE_NAMES_ZH } from '../get-oversight/oversight.view';
import { sendWorkbook, workbookOf } from './workbook';

export class ExportCasesQuery {
  @ApiPropertyOptional({ description: 'the jurisdiction (six digits); the province may name any, a city only its own' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'jurisdiction 应为六位行政区划代码' })
  jurisdiction?: string;
}

const KIND_NAMES: Record<string, string> = { 'new-filing': '新备案', 'add-occupation': '增加职业' };

interface ExportRow {
  caseId: string;
  jurisdiction: string;
  institutionName: string | null;
  applicationKind?: string;
  stage: CaseStage;
  stageEnteredAt: Date;
  submittedAt?: Date | null;
  openedAt?: Date | null;
}

/**
 * A jurisdiction's cases as an Excel workbook: city staff export their own city's cases at their instance; the
 * province exports any city's (or all) from its oversight read model, never from a city's tables.
 */
@ApiTags('oversight')
@ApiBearerAuth()
@Controller('exports')
export class ExportCasesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly oversight: OversightRepository,
    private readonly deadlines: StageDeadlines,
  ) {}

  @Get('cases.xlsx')
  @Roles('center-staff', 'approver', 'admin')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@CurrentPrincipal() p: Principal, @Query() q: ExportCasesQuery, @Res() res: Response) {
    if (q.jurisdiction && !findJurisdiction(q.jurisdiction)) throw new InvalidCommand(`jurisdiction ${q.jurisdiction} 不是吉林省的行政区划代码`);
    const province = p.roles.includes('admin') || p.jurisdiction === PROVINCE_CODE;
    if (!province && q.jurisdiction && q.jurisdiction !== p.jurisdiction) throw new NotAllowed(`只能导出本地区（${p.jurisdiction}）的案件`);
    const jurisdiction = province ? q.jurisdiction : p.jurisdiction;
    const m = this.dataSource.manager;
    const rows: ExportRow[] =
      province && reviewInstance.isProvince ? await this.oversight.cases(m, jurisdiction) : await this.oversight.heldCases(m, { jurisdiction });
    await this.deadlines.refresh();
    const wb = workbookOf([
      {
        name: '案件清单',
        columns: [
          { header: '案件编号', width: 38 },
          { header: '机构名称', width: 36 },
          { header: '申报类型', width: 10 },
          { header: '属地', width: 10 },
          { header: '当前阶段', width: 20 },
          { header: '进入本阶段', width: 12 },
          { header: '时限（工作日）', width: 14 },
          { header: '到期日', width: 12 },
          { header: '已用工作日', width: 12 },
          { header: '是否超期', width: 10 },
          { header: '提交日期', width: 12 },
        ],
        rows: rows.map((r) => {
          const d = this.deadlines.of(r.stage, new Date(r.stageEnteredAt));
          return [
            r.caseId,
            r.institutionName,
            r.applicationKind ? (KIND_NAMES[r.applicationKind] ?? r.applicationKind) : null,
            findJurisdiction(r.jurisdiction)?.name ?? r.jurisdiction,
            STAGE_NAMES_ZH[r.stage] ?? r.stage,
            chinaDay(r.stageEnteredAt),
            d.limitWorkingDays,
            d.dueDate,
            d.waitedWorkingDays,
            d.limitWorkingDays ? (d.overdue ? '超期' : '否') : null,
            r.submittedAt || r.openedAt ? chinaDay((r.submittedAt ?? r.openedAt)!) : null,
          ];
        }),
      },
    ]);
    const label = jurisdiction ? (findJurisdiction(jurisdiction)?.name ?? jurisdiction) : '全省';
    await sendWorkbook(res, wb, `cases-${jurisdiction ?? 'all'}.xlsx`, `${label}案件清单.xlsx`);
  }
}

function chinaDay(d: Date): string {
  return chinaDate(new Date(d));
}
