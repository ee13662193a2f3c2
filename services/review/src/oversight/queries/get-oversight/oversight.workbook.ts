import ExcelJS from 'exceljs';
import { CASE_STAGES, JURISDICTIONS } from '@filing/contracts';
import { SheetSpec, workbookOf } from '../export-cases/workbook';
import { OversightView, STAGE_NAMES_ZH } from './oversight.view';

export const STATE_NAMES: Record<string, string> = { live: '正常', stale: '数据滞后（未收到心跳）', 'never-heard': '从未收到' };
const nameOf = (code: string) => JURISDICTIONS.find((j) => j.code === code)?.name ?? code;
const time = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) + 'Z' : '');

/** Every table of the oversight page, one sheet each, with the same figures the page shows. */
export function oversightWorkbook(v: OversightView): ExcelJS.Workbook {
  const sheets: SheetSpec[] = [
    {
      name: '城市×阶段',
      columns: [
        { header: '属地', width: 12 },
        { header: '数据状态', width: 22 },
        { header: '最后收到', width: 22 },
        ...CASE_STAGES.map((s) => ({ header: STAGE_NAMES_ZH[s], width: 12 })),
        { header: '在办', width: 8 },
        { header: '已办结', width: 8 },
        { header: '超期', width: 8 },
      ],
      rows: v.cities.map((c) => [c.name, STATE_NAMES[c.state], time(c.heardAt), ...CASE_STAGES.map((s) => c.byStage[s] ?? 0), c.open, c.finished, c.overdue]),
    },
    {
      name: '超期案件',
      columns: [
        { header: '属地', width: 12 },
        { header: '机构名称', width: 36 },
        { header: '案件编号', width: 38 },
        { header: '当前阶段', width: 20 },
        { header: '时限（工作日）', width: 14 },
        { header: '到期日', width: 12 },
        { header: '已用工作日', width: 12 },
      ],
      rows: v.overdueCases.map((c) => [
        nameOf(c.jurisdiction),
        c.institutionName,
        c.caseId,
        STAGE_NAMES_ZH[c.stage],
        c.deadline.limitWorkingDays,
        c.deadline.dueDate,
        c.deadline.waitedWorkingDays,
      ]),
    },
    {
      name: '阶段用时',
      columns: [
        { header: '阶段', width: 22 },
        { header: '时限（工作日）', width: 14 },
        { header: '已完成次数', width: 12 },
        { header: '中位数（工作日）', width: 16 },
        { header: '90分位（工作日）', width: 16 },
        { header: '最长（工作日）', width: 14 },
      ],
      rows: v.stageDurations.map((d) => [d.name, d.limitWorkingDays, d.count, d.median, d.p90, d.max]),
    },
    {
      name: '月度备案',
      columns: [{ header: '月份', width: 10 }, { header: '备案数', width: 10 }, ...JURISDICTIONS.map((j) => ({ header: j.name, width: 10 }))],
      rows: v.filingsPerMonth.map((m) => [m.month, m.filings, ...JURISDICTIONS.map((j) => m.byJurisdiction[j.code] ?? 0)]),
    },
    {
      name: '实例状态',
      columns: [
        { header: '审核实例', width: 12 },
        { header: '数据状态', width: 22 },
        { header: '最后收到', width: 22 },
        { header: '实例统计时间', width: 22 },
        { header: '上报在办', width: 10 },
        { header: '上报超期', width: 10 },
      ],
      rows: v.instances.map((i) => [i.name, STATE_NAMES[i.state], time(i.heardAt), time(i.asOf), i.reportedOpenCases, i.reportedOverdueCases]),
    },
  ];
  return workbookOf(sheets);
}
