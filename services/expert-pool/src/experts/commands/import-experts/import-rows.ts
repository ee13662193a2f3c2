import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeValidationErrors } from '@filing/contracts';
import { csvObjects, parseCsv } from '../../domain/csv';
import { CreateExpertRequest, crossFieldProblems } from '../create-expert/create-expert.request';

/** One row of an import file, before validation. */
export interface RawRow {
  row: number;
  line?: number;
  value?: Record<string, unknown>;
  problem?: string;
}

/** The whole file is unusable (not a row's fault): answered with 400. */
export class ImportFileError extends Error {}

/** CSV columns; list-valued cells hold JSON arrays, occupation codes are separated by ';'. */
export const CSV_COLUMNS = [
  'name',
  'gender',
  'idNumber',
  'employerName',
  'employerCreditCode',
  'title',
  'skillLevel',
  'occupationCodes',
  'region',
  'phone',
  'email',
  'termStart',
  'termEnd',
  'formerEmployers',
  'declaredConflicts',
  'relativesEmployers',
  'serviceHistory',
] as const;
const JSON_CELLS = ['formerEmployers', 'declaredConflicts', 'relativesEmployers', 'serviceHistory'];
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The columns' Chinese headings (the templates use them; a file may head a column with either). */
export const COLUMN_LABELS: Record<CsvColumn, string> = {
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  employerName: '工作单位',
  employerCreditCode: '单位统一社会信用代码',
  title: '职称',
  skillLevel: '职业技能等级',
  occupationCodes: '擅长职业',
  region: '所在地区',
  phone: '联系电话',
  email: '电子邮箱',
  termStart: '聘期开始',
  termEnd: '聘期结束',
  formerEmployers: '曾任职单位',
  declaredConflicts: '申报的利益关系',
  relativesEmployers: '亲属工作单位',
  serviceHistory: '评估经历',
};
const BY_LABEL = new Map<string, CsvColumn>(CSV_COLUMNS.flatMap((c) => [[c, c] as [string, CsvColumn], [COLUMN_LABELS[c], c] as [string, CsvColumn]]));
/** 性别 may be written in Chinese in a spreadsheet. */
const GENDERS: Record<string, string> = { 男: 'male', 女: 'female' };

/** The header's columns by their keys; a heading that is neither a key nor its Chinese label makes the file unusable. */
export function columnsOf(header: string[]): CsvColumn[] {
  const unknown = header.filter((h) => !BY_LABEL.has(h));
  if (unknown.length)
    throw new ImportFileError(`unknown column(s) ${unknown.join(', ')}; the columns are ${CSV_COLUMNS.map((c) => `${c} (${COLUMN_LABELS[c]})`).join(', ')}`);
  return header.map((h) => BY_LABEL.get(h)!);
}

export function rowsFromCsv(text: string): RawRow[] {
  let records;
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportFileError((err as Error).message);
  }
  if (records.length < 2) throw new ImportFileError('the CSV has no data rows (the first line must be the header)');
  const columns = columnsOf(records[0].fields.map((h) => h.trim()));
  const objects = csvObjects([{ ...records[0], fields: columns }, ...records.slice(1)]);
  return objects.map((o, i) => (o.value ? rowFromCells(o.value, i + 1, o.line) : { row: i + 1, line: o.line, problem: o.problem }));
}

/** One row's cells (by column key, empty cells absent) as the fields of a create request. */
export function rowFromCells(c: Record<string, string>, row: number, line?: number): RawRow {
  const problems: string[] = [];
  const value: Record<string, unknown> = {
    name: c.name,
    gender: c.gender === undefined ? undefined : (GENDERS[c.gender] ?? c.gender),
    idNumber: c.idNumber,
    employer: { name: c.employerName, creditCode: c.employerCreditCode },
    title: c.title,
    skillLevel: c.skillLevel === undefined ? undefined : Number.isNaN(Number(c.skillLevel)) ? c.skillLevel : Number(c.skillLevel),
    occupationCodes: c.occupationCodes
      ?.split(/[;|；]/)
      .map((s) => s.trim())
      .filter(Boolean),
    region: c.region,
    contact: { phone: c.phone, email: c.email },
    termStart: c.termStart,
    termEnd: c.termEnd,
  };
  for (const k of JSON_CELLS) {
    if (c[k] === undefined) continue;
    try {
      value[k] = JSON.parse(c[k]);
    } catch {
      problems.push(`${k}: must be a JSON array`);
    }
  }
  return problems.length ? { row, ...(line ? { line } : {}), problem: problems.join('; ') } : { row, ...(line ? { line } : {}), value };
}

export function rowsFromJson(body: unknown): RawRow[] {
  const list = Array.isArray(body) ? body : (body as { experts?: unknown })?.experts;
  if (!Array.isArray(list)) throw new ImportFileError('a JSON import is an array of experts, or { "experts": [...] }');
  if (list.length === 0) throw new ImportFileError('the import holds no experts');
  return list.map((v, i) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? { row: i + 1, value: v as Record<string, unknown> }
      : { row: i + 1, problem: 'must be an object' },
  );
}

/** Validates one row exactly as a single create would be; returns the typed fields or the problems. */
export function validateRow(raw: RawRow): { fields?: CreateExpertRequest; problems: string[] } {
  if (!raw.value) return { problems: [raw.problem ?? 'unreadable row'] };
  const instance = plainToInstance(CreateExpertRequest, raw.value);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  const problems = [...describeValidationErrors(errors)];
  if (problems.length === 0) problems.push(...crossFieldProblems(instance));
  return problems.length ? { problems } : { fields: instance, problems };
}
