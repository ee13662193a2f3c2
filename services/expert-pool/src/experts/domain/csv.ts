/** A parsed CSV record with the line it started on (quoted fields may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** RFC 4180 CSV: commas, double-quoted fields with "" escapes and embedded newlines, CRLF or LF, optional BOM. */
export function parseCsv(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let startLine = 1;
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
    fields = [];
  };
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== '' || wasQuoted) throw new CsvSyntaxError(line, 'a quote may only open a field');
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      startLine = line;
    } else {
      if (wasQuoted) throw new CsvSyntaxError(line, 'text after a closing quote');
      field += ch;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(startLine, 'a quoted field is never closed');
  if (field !== '' || fields.length) endRecord();
  return records;
}

/** Header → value objects; empty cells are left out. Rows with a different column count are reported, not guessed. */
export function csvObjects(records: CsvRecord[]): { line: number; value?: Record<string, string>; problem?: string }[] {
  if (records.length === 0) return [];
  const header = records[0].fields.map((h) => h.trim());
  return records.slice(1).map((r) => {
    if (r.fields.length !== header.length) return { line: r.line, problem: `has ${r.fields.length} columns, the header has ${header.length}` };
    const value: Record<string, string> = {};
    header.forEach((h, i) => {
      const v = r.fields[i].trim();
      if (v !== '') value[h] = v;
    });
    return { line: r.line, value };
  });
}
