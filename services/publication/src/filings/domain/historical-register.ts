import {
  CREDIT_CODE_PATTERN,
  findJurisdiction,
  JURISDICTIONS,
  OCCUPATION_CODE_PATTERN,
  OccupationPart,
  SKILL_LEVEL_NAMES,
  StandardBasis,
} from '@filing/contracts';
import type { InstitutionKind } from '@filing/contracts';
import { mergeOccupations } from './register-occupations';

/**
 * The historical register (历史备案): institutions filed before the platform, loaded from a table with one row per
 * occupation. Validated all-or-nothing: every problem is named by row and column, and one bad row imports nothing.
 */
export const HISTORICAL_COLUMNS = {
  name: '机构名称',
  creditCode: '统一社会信用代码',
  kind: '机构类型',
  jurisdiction: '管辖',
  noticeNumber: '备案通知文号',
  noticeDate: '备案日期',
  filingNumber: '备案编号',
  address: '地址',
  occupationCode: '职业编码',
  occupationName: '职业名称',
  workType: '工种',
  levels: '等级',
  basis: '依据',
} as const;
type Column = keyof typeof HISTORICAL_COLUMNS;
const REQUIRED: Column[] = ['name', 'creditCode', 'kind', 'jurisdiction', 'noticeNumber', 'noticeDate', 'occupationCode', 'occupationName', 'levels'];

export interface RowError {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface HistoricalEntry {
  name: string;
  creditCode: string;
  kind: InstitutionKind;
  jurisdiction: string;
  jurisdictionName: string;
  noticeNumber: string;
  noticeDate: string;
  filingNumber: string | null;
  address: string | null;
  occupations: OccupationPart[];
  rows: number[];
}

const KINDS: Record<string, InstitutionKind> = {
  用人单位: 'employer',
  企业: 'employer',
  employer: 'employer',
  社会培训评价组织: 'social-org',
  社评组织: 'social-org',
  'social-org': 'social-org',
};
const BASES: Record<string, StandardBasis> = {
  国家职业技能标准: 'national-standard',
  国家职业标准: 'national-standard',
  'national-standard': 'national-standard',
  评价规范: 'evaluation-norm',
  'evaluation-norm': 'evaluation-norm',
};
const LEVEL_WORDS: Record<string, number> = Object.fromEntries(
  Object.entries(SKILL_LEVEL_NAMES).flatMap(([l, name]) => [[name, Number(l)], ...name.split('/').map((part) => [part, Number(l)])]),
);

/** 5,4,3 or 五级/初级工、四级/中级工 or 五级、四级: the levels of one row, or a problem. */
export function parseLevels(text: string): number[] | string {
  const parts = text.split(/[,，、;；\s]+/).filter(Boolean);
  const levels: number[] = [];
  for (const p of parts) {
    const level = /^[1-5]$/.test(p) ? Number(p) : LEVEL_WORDS[p];
    if (!level) return `等级“${p}”无法识别（可写 5、4、3 或 五级/初级工 … 一级/高级技师）`;
    if (!levels.includes(level)) levels.push(level);
  }
  return levels.length ? levels.sort((a, b) => b - a) : '等级为空';
}

function validDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

/** Maps the header row to columns; unknown headers are an error too (a typo would otherwise drop a column). */
export function readHeader(header: string[]): { columns: Partial<Record<Column, number>>; errors: RowError[] } {
  const byTitle = new Map(Object.entries(HISTORICAL_COLUMNS).map(([k, t]) => [t, k as Column]));
  const columns: Partial<Record<Column, number>> = {};
  const errors: RowError[] = [];
  header.forEach((h, i) => {
    const title = h.trim();
    if (!title) return;
    const col = byTitle.get(title as (typeof HISTORICAL_COLUMNS)[Column]);
    if (!col) errors.push({ row: 1, column: title, message: `未知的列“${title}”；可用的列：${Object.values(HISTORICAL_COLUMNS).join('、')}` });
    else columns[col] = i;
  });
  for (const c of REQUIRED)
    if (columns[c] === undefined) errors.push({ row: 1, column: HISTORICAL_COLUMNS[c], message: `缺少必填列“${HISTORICAL_COLUMNS[c]}”` });
  return { columns, errors };
}

/**
 * Validates the rows and groups them by institution (one row per occupation). `alreadyFiled` names credit codes the
 * register holds already: a historical import adds institutions, it never overwrites one.
 */
export function validateHistoricalRows(grid: string[][], alreadyFiled: Set<string>): { entries: HistoricalEntry[]; errors: RowError[]; rows: number } {
  if (grid.length < 2) return { entries: [], errors: [{ row: 1, column: '', message: '文件中没有数据行' }], rows: 0 };
  const { columns, errors } = readHeader(grid[0]);
  if (errors.length) return { entries: [], errors, rows: grid.length - 1 };
  const byCode = new Map<string, HistoricalEntry>();
  let rows = 0;
  grid.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const get = (c: Column) => (columns[c] === undefined ? '' : (cells[columns[c]!] ?? '').trim());
    if (cells.every((c) => !String(c ?? '').trim())) return; // blank lines at the end of a sheet
    rows++;
    const err = (c: Column, message: string) => errors.push({ row, column: HISTORICAL_COLUMNS[c], message });
    for (const c of REQUIRED) if (!get(c)) err(c, `“${HISTORICAL_COLUMNS[c]}”不能为空`);
    const code = get('creditCode').toUpperCase();
    if (code && !CREDIT_CODE_PATTERN.test(code)) err('creditCode', `统一社会信用代码“${code}”格式不正确（18 位，不含 I、O、S、V、Z）`);
    else if (code && creditCodeCheck(code) !== code[17]) err('creditCode', `统一社会信用代码“${code}”校验位不正确（GB 32100-2015）`);
    if (code && alreadyFiled.has(code)) err('creditCode', `统一社会信用代码 ${code} 已在备案名录中`);
    const kind = KINDS[get('kind')];
    if (get('kind') && !kind) err('kind', `机构类型“${get('kind')}”应为 用人单位 或 社会培训评价组织`);
    const j = get('jurisdiction');
    const jurisdiction = j ? (findJurisdiction(j) ?? JURISDICTIONS.find((x) => x.name === j)) : undefined;
    if (j && !jurisdiction) err('jurisdiction', `管辖“${j}”不是吉林省的省、市（州）代码或名称`);
    const date = get('noticeDate');
    if (date && !validDate(date)) err('noticeDate', `备案日期“${date}”不是有效日期（应为 YYYY-MM-DD，如 2021-04-12）`);
    const occCode = get('occupationCode');
    if (occCode && !OCCUPATION_CODE_PATTERN.test(occCode)) err('occupationCode', `职业编码“${occCode}”应形如 6-18-01-01（职业分类大典 2022）`);
    const levels = get('levels') ? parseLevels(get('levels')) : [];
    if (typeof levels === 'string') err('levels', levels);
    const basisText = get('basis');
    const basis = basisText ? BASES[basisText] : 'national-standard';
    if (!basis) err('basis', `依据“${basisText}”应为 国家职业技能标准 或 评价规范`);
    if (!code || !kind || !jurisdiction || typeof levels === 'string' || !basis || errors.some((e) => e.row === row)) return;

    const occupation: OccupationPart = { code: occCode, name: get('occupationName'), ...(get('workType') ? { workType: get('workType') } : {}), levels, basis };
    const entry = byCode.get(code);
    if (!entry) {
      byCode.set(code, {
        name: get('name'),
        creditCode: code,
        kind,
        jurisdiction: jurisdiction.code,
        jurisdictionName: jurisdiction.name,
        noticeNumber: get('noticeNumber'),
        noticeDate: date,
        filingNumber: get('filingNumber') || null,
        address: get('address') || null,
        occupations: [occupation],
        rows: [row],
      });
      return;
    }
    // The rows of one institution must agree on what describes the institution.
    for (const [c, value, mine] of [
      ['name', entry.name, get('name')],
      ['kind', entry.kind, kind],
      ['jurisdiction', entry.jurisdiction, jurisdiction.code],
    ] as [Column, string, string][]) {
      if (value !== mine) err(c, `与第 ${entry.rows[0]} 行（同一统一社会信用代码）的“${HISTORICAL_COLUMNS[c]}”不一致`);
    }
    if (entry.occupations.some((o) => o.code === occupation.code && (o.workType ?? '') === (occupation.workType ?? '')))
      err('occupationCode', `职业 ${occCode} 已在第 ${entry.rows[0]} 行起列出（同一机构）`);
    if (errors.some((e) => e.row === row)) return;
    entry.occupations = mergeOccupations(entry.occupations, [occupation]);
    entry.rows.push(row);
  });
  return { entries: errors.length ? [] : [...byCode.values()], errors, rows };
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 32100-2015 check character over the first 17 characters. */
function creditCodeCheck(code: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}
