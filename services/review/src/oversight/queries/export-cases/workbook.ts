import ExcelJS from 'exceljs';
import type { Response } from 'express';

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
}

/** A workbook of plain sheets: bold, frozen heading row, one row per record. */
export function workbookOf(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = wb.addWorksheet(spec.name);
    sheet.columns = spec.columns;
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of spec.rows) sheet.addRow(row.map((v) => (v === null ? '' : v)));
  }
  return wb;
}

export async function sendWorkbook(res: Response, wb: ExcelJS.Workbook, asciiName: string, name: string): Promise<void> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  res
    .status(200)
    .set({
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'content-length': String(bytes.length),
    })
    .end(bytes);
}
