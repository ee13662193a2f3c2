import { checkMaterialType } from './material-type';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

const PDF = bytes('%PDF-1.7\n1 0 obj\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const DOCX = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml');
const XLSX = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml');
const OLE2 = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'compound');
const EXE = bytes('MZ\x90\x00');

describe('material type check', () => {
  it.each([
    ['application/pdf', PDF],
    ['image/png', PNG],
    ['image/jpeg', JPEG],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', XLSX],
    ['application/msword', OLE2],
    ['application/vnd.ms-excel', OLE2],
  ])('accepts %s whose bytes match', (type, content) => {
    expect(checkMaterialType(type, content)).toMatchObject({ ok: true });
  });

  it('ignores parameters and case in the declared type', () => {
    expect(checkMaterialType('Application/PDF; charset=binary', PDF).ok).toBe(true);
  });

  it('refuses a type that is not accepted, naming it', () => {
    const v = checkMaterialType('application/x-msdownload', EXE);
    expect(v).toMatchObject({ ok: false, problem: expect.stringContaining('application/x-msdownload') });
  });

  it('refuses a file declared as PDF whose bytes are not a PDF', () => {
    expect(checkMaterialType('application/pdf', EXE)).toMatchObject({ ok: false, problem: expect.stringContaining('not a PDF') });
    expect(checkMaterialType('image/png', JPEG).ok).toBe(false);
  });

  it('tells a .docx from an .xlsx by the zip entries', () => {
    expect(checkMaterialType('application/vnd.openxmlformats-officedocument.wordprocessingml.document', XLSX).ok).toBe(false);
    expect(checkMaterialType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', DOCX).ok).toBe(false);
  });
});
