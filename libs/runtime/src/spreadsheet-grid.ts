// The reading rules every spreadsheet import shares (the historical register, the standards, …): the first sheet of an
// .xlsx or a CSV file as rows of text, nothing guessed.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export class SpreadsheetError extends Error {}

/** A cell as text: dates as YYYY-MM-DD (Excel's dates are calendar dates, read as UTC), rich text joined. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** The first sheet of an .xlsx file, or a CSV file (UTF-8, with or without BOM), as rows of text cells. */
export async function readGrid(bytes: Buffer, fileName: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const isXlsx = bytes.subarray(0, 2).toString('latin1') === 'PK';
  try {
    if (isXlsx) await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    else if (/\.csv$/i.test(fileName) || !/\.xlsx?$/i.test(fileName)) {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      // map: keep every value as written (no guessing of numbers or dates: 6-18-01-01 is an occupation code).
      await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value, parserOptions: { trim: true } } as never);
    } else throw new SpreadsheetError(`文件 ${fileName} 不是 .xlsx 或 .csv 文件`);
  } catch (err) {
    if (err instanceof SpreadsheetError) throw err;
    throw new SpreadsheetError(`无法读取文件 ${fileName}：${(err as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError(`文件 ${fileName} 中没有工作表`);
  const grid: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    grid[n - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}
