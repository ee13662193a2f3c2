// A standard's structure entered as a table (Excel or CSV) by an administrator: one row per item (项目, a category
// of the standard), sub-item (子项, what is scored) or veto item (否决项). Pure domain code; docs/standards.md has a
// worked example.
import { AssessmentMethod, StandardDocument, StandardItem, StandardVeto } from './standard';

export const STANDARD_SHEET_COLUMNS = ['类型', '编号', '名称', '分值', '职业相关', '评估方式', '评分办法', '佐证材料'] as const;
type Column = (typeof STANDARD_SHEET_COLUMNS)[number];

const ROW_KINDS = ['项目', '子项', '否决项'] as const;
const METHODS: Record<string, AssessmentMethod> = { 材料审核: 'materials', 现场评估: 'onsite', materials: 'materials', onsite: 'onsite' };
const YES = new Set(['是', 'Y', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'N', 'n', 'no', 'false', '0', '']);

/** A problem with one row (1-based, as the spreadsheet numbers them) and, where it is one cell's, its column. */
export interface SheetRowError {
  row: number;
  column?: Column;
  message: string;
}

/** What the form gives besides the table: the version's head. */
export type StandardHead = Omit<StandardDocument, 'items' | 'vetoes'>;

/** The table as the items and vetoes of a standard, or every row error found (nothing is half-read). */
export function standardFromSheet(grid: string[][], head: StandardHead): { document?: StandardDocument; errors: SheetRowError[] } {
  const errors: SheetRowError[] = [];
  const headerIndex = grid.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { errors: [{ row: 1, message: `表格为空；第一行应为表头：${STANDARD_SHEET_COLUMNS.join('、')}` }] };
  const header = grid[headerIndex].map((c) => c.trim());
  const at = new Map<Column, number>();
  for (const col of STANDARD_SHEET_COLUMNS) {
    const i = header.indexOf(col);
    if (i < 0) errors.push({ row: headerIndex + 1, column: col, message: `表头缺少“${col}”列` });
    else at.set(col, i);
  }
  if (errors.length) return { errors };

  const items: StandardItem[] = [];
  const vetoes: StandardVeto[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const cell = (c: Column) => (cells[at.get(c)!] ?? '').trim();
    if (STANDARD_SHEET_COLUMNS.every((c) => cell(c) === '')) continue;
    const row = r + 1;
    const fail = (column: Column | undefined, message: string) => errors.push({ row, ...(column ? { column } : {}), message });
    const kind = cell('类型');
    const id = cell('编号');
    const title = cell('名称');
    if (!(ROW_KINDS as readonly string[]).includes(kind)) {
      fail('类型', `类型“${kind}”应为 ${ROW_KINDS.join('/')} 之一`);
      continue;
    }
    if (!id) fail('编号', '请填写编号');
    else if (id.length > 20) fail('编号', `编号“${id}”超过 20 个字符`);
    if (!title) fail('名称', '请填写名称');
    else if (title.length > 200) fail('名称', '名称超过 200 个字符');
    if (kind === '否决项') {
      vetoes.push({ id, title });
      continue;
    }
    const pointsText = cell('分值');
    const points = Number(pointsText);
    if (!pointsText || !Number.isFinite(points) || points <= 0) fail('分值', `分值“${pointsText}”应为大于 0 的数`);
    if (kind === '项目') {
      const related = cell('职业相关');
      if (!YES.has(related) && !NO.has(related)) fail('职业相关', `职业相关“${related}”应为 是 或 否`);
      items.push({ id, title, maxPoints: points, occupationRelated: YES.has(related), subItems: [] });
      continue;
    }
    const parent = items.at(-1);
    if (!parent) {
      fail('类型', '子项之前没有项目：子项属于它上方最近的项目');
      continue;
    }
    const method = METHODS[cell('评估方式')];
    if (!method) fail('评估方式', `评估方式“${cell('评估方式')}”应为 材料审核 或 现场评估`);
    parent.subItems.push({ id, title, maxPoints: points, method: method ?? 'materials', guidance: cell('评分办法'), evidence: cell('佐证材料') });
  }
  if (!errors.length && items.length === 0) errors.push({ row: headerIndex + 2, message: '表格没有任何“项目”行' });
  if (errors.length) return { errors };
  return { document: { ...head, items, vetoes }, errors: [] };
}

/** The standard as rows of the table (the template, and a loaded version exported for editing). */
export function standardToSheet(document: Pick<StandardDocument, 'items' | 'vetoes'>): string[][] {
  const methodName = { materials: '材料审核', onsite: '现场评估' } as const;
  const rows: string[][] = [[...STANDARD_SHEET_COLUMNS]];
  for (const item of document.items) {
    rows.push(['项目', item.id, item.title, String(item.maxPoints), item.occupationRelated ? '是' : '否', '', '', '']);
    for (const s of item.subItems) rows.push(['子项', s.id, s.title, String(s.maxPoints), '', methodName[s.method], s.guidance, s.evidence]);
  }
  for (const v of document.vetoes) rows.push(['否决项', v.id, v.title, '', '', '', '', '']);
  return rows;
}
