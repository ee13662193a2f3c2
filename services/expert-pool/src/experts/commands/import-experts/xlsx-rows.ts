import { CellValue, Workbook } from 'exceljs';
import { columnsOf, ImportFileError, RawRow, rowFromCells } from './import-rows';

const DATE_COLUMNS = new Set(['termStart', 'termEnd']);

/** Excel's day serial (days since 1899-12-30) as YYYY-MM-DD. */
function serialDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** A cell as the text a person sees in it: dates as YYYY-MM-DD, links and rich text as their text, formulas as their result. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * The first worksheet of an Excel workbook (.xlsx), read like a CSV: the first row is the header (column keys or their
 * Chinese headings), each later non-empty row one expert; `line` is the sheet's row number.
 */
export async function rowsFromXlsx(buffer: Buffer): Promise<RawRow[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportFileError(`not a readable .xlsx workbook (${(err as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('the workbook has no worksheet');
  const lines: string[][] = [];
  const raw: CellValue[][] = [];
  const lineNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(row.getCell(c).value);
    const cells = values.map((v) => cellText(v).trim());
    if (cells.some((x) => x !== '')) {
      lines.push(cells);
      raw.push(values);
      lineNumbers.push(n);
    }
  });
  if (lines.length < 2) throw new ImportFileError('the worksheet has no data rows (the first row must be the header)');
  let width = lines[0].length;
  while (width > 0 && lines[0][width - 1] === '') width--;
  const keys = columnsOf(lines[0].slice(0, width));
  return lines.slice(1).map((cells, i) => {
    const extra = cells.slice(width).filter((x) => x !== '');
    if (extra.length) return { row: i + 1, line: lineNumbers[i + 1], problem: `has values beyond the header's ${width} columns` };
    const value: Record<string, string> = {};
    keys.forEach((k, j) => {
      if ((cells[j] ?? '') === '') return;
      // A date typed into a cell not formatted as a date is kept by Excel as its serial number.
      const v = raw[i + 1][j];
      value[k] = DATE_COLUMNS.has(k) && typeof v === 'number' ? serialDate(v) : cells[j];
    });
    return rowFromCells(value, i + 1, lineNumbers[i + 1]);
  });
}
