import { csvObjects, CsvSyntaxError, parseCsv } from './csv';

describe('CSV', () => {
  it('parses quotes, escaped quotes, embedded newlines, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', ''] },
    ]);
  });
  it('refuses broken quoting with the line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\nx"y"')).toThrow('line 2');
  });
  it('maps rows to objects and reports a wrong column count', () => {
    expect(csvObjects(parseCsv('name,phone\n张三,139\n李四\n'))).toEqual([
      { line: 2, value: { name: '张三', phone: '139' } },
      { line: 3, problem: 'has 1 columns, the header has 2' },
    ]);
  });
});
