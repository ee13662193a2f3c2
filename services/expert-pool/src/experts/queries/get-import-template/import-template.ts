import { Workbook } from 'exceljs';
import { COLUMN_LABELS, CSV_COLUMNS, CsvColumn } from '../../commands/import-experts/import-rows';

/** What each column holds, for the template's 填写说明 sheet. */
const GUIDANCE: Record<CsvColumn, { required: string; note: string; example: string }> = {
  name: { required: '必填', note: '', example: '王建国' },
  gender: { required: '选填', note: '男 / 女', example: '男' },
  idNumber: { required: '必填', note: '18 位居民身份证号（单元格设为文本，避免被改成科学计数）', example: '220102198001011234' },
  employerName: { required: '必填', note: '现工作单位全称', example: '吉林大学' },
  employerCreditCode: { required: '选填', note: '现工作单位的 18 位统一社会信用代码', example: '' },
  title: { required: '职称与技能等级至少填一项', note: '如 高级工程师', example: '高级工程师' },
  skillLevel: { required: '职称与技能等级至少填一项', note: '1–5，1 为一级/高级技师', example: '1' },
  occupationCodes: { required: '必填', note: '职业分类大典编码，多个用分号分隔', example: '6-18-01-01;6-18-02-04' },
  region: { required: '必填', note: '所在市州的行政区划代码', example: '220100' },
  phone: { required: '必填', note: '', example: '13904310000' },
  email: { required: '选填', note: '', example: 'wang@example.cn' },
  termStart: { required: '必填', note: '聘期开始日期 YYYY-MM-DD', example: '2026-01-01' },
  termEnd: { required: '选填', note: '聘期结束日期 YYYY-MM-DD', example: '2028-12-31' },
  formerEmployers: { required: '选填', note: '近 3 年曾任职单位，JSON 数组', example: '[{"name":"长春某公司","to":"2024-06-30"}]' },
  declaredConflicts: { required: '选填', note: '本人申报的利益关系，JSON 数组', example: '[{"name":"某培训学校","nature":"training"}]' },
  relativesEmployers: { required: '选填', note: '近亲属工作单位，JSON 数组', example: '[{"name":"某公司","relation":"spouse"}]' },
  serviceHistory: { required: '选填', note: '以往评估经历，JSON 数组', example: '' },
};

/** The CSV template: the Chinese headings only, UTF-8 with a BOM so that Excel opens it in Chinese. */
export function csvTemplate(): string {
  return '\uFEFF' + CSV_COLUMNS.map((c) => COLUMN_LABELS[c]).join(',') + '\r\n';
}

/** The Excel template: a 专家 sheet with the headings (every column as text but the dates), and a 填写说明 sheet. */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '吉林省职业技能等级认定机构备案评估平台';
  const sheet = workbook.addWorksheet('专家');
  sheet.columns = CSV_COLUMNS.map((c) => ({
    header: COLUMN_LABELS[c],
    key: c,
    width: Math.max(12, COLUMN_LABELS[c].length * 2 + 4),
    style: { numFmt: c === 'termStart' || c === 'termEnd' ? 'yyyy-mm-dd' : '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const guide = workbook.addWorksheet('填写说明');
  guide.columns = [
    { header: '列名', key: 'label', width: 22 },
    { header: '字段', key: 'key', width: 20 },
    { header: '是否必填', key: 'required', width: 26 },
    { header: '说明', key: 'note', width: 56 },
    { header: '示例', key: 'example', width: 44 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of CSV_COLUMNS) guide.addRow({ label: COLUMN_LABELS[c], key: c, ...GUIDANCE[c] });
  guide.addRow({});
  guide.addRow({ label: '说明', note: '在“专家”工作表中每行填写一名专家；导入前会逐行校验，任何一行有误则不导入任何数据。' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
