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

export function rowsFromCsv(text: string): RawRow[] {
  let objects;
  try {
    objects = csvObjects(parseCsv(text));
  } catch (err) {
    throw new ImportFileError((err as Error).message);
  }
  if (objects.length === 0) throw new ImportFileError('the CSV has no data rows (the first line must be the header)');
  const header = parseCsv(text)[0].fields.map((h) => h.trim());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) throw new ImportFileError(`unknown CSV column(s) ${unknown.join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}`);
  return objects.map((o, i) => {
    if (!o.value) return { row: i + 1, line: o.line, problem: o.problem };
    const c = o.value;
    const problems: string[] = [];
    const value: Record<string, unknown> = {
      name: c.name,
      gender: c.gender,
      idNumber: c.idNumber,
      employer: { name: c.employerName, creditCode: c.employerCreditCode },
      title: c.title,
      skillLevel: c.skillLevel === undefined ? undefined : Number.isNaN(Number(c.skillLevel)) ? c.skillLevel : Number(c.skillLevel),
      occupationCodes: c.occupationCodes?.split(/[;|]/).map((s) => s.trim()).filter(Boolean),
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
    return problems.length ? { row: i + 1, line: o.line, problem: problems.join('; ') } : { row: i + 1, line: o.line, value };
  });
}

export function rowsFromJson(body: unknown): RawRow[] {
  const list = Array.isArray(body) ? body : (body as { experts?: unknown })?.experts;
  if (!Array.isArray(list)) throw new ImportFileError('a JSON import is an array of experts, or { "experts": [...] }');
  if (list.length === 0) throw new ImportFileError('the import holds no experts');
  return list.map((v, i) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? { row: i + 1, value: v as Record<string, unknown> } : { row: i + 1, problem: 'must be an object' },
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
