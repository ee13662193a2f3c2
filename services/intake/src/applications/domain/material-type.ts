// Accepted material file types (PDF, images, office documents). A file must be declared as one of them AND its
// first bytes must match the declaration, so a renamed executable or a mislabelled file is refused.

export interface MaterialType {
  contentType: string;
  label: string;
  /** True when the bytes look like this type. */
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// OLE2 compound file: the container of the old binary .doc and .xls formats.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Office Open XML files are zip archives whose entry names (stored in clear) show the kind of document. */
const zipWithEntry = (bytes: Uint8Array, prefix: string) =>
  startsWith(bytes, ZIP) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(prefix, 0, 'latin1');

export const MATERIAL_TYPES: readonly MaterialType[] = [
  { contentType: 'application/pdf', label: 'PDF', matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { contentType: 'image/png', label: 'PNG image', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: 'image/jpeg', label: 'JPEG image', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document (.docx)',
    matches: (b) => zipWithEntry(b, 'word/'),
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel workbook (.xlsx)',
    matches: (b) => zipWithEntry(b, 'xl/'),
  },
  { contentType: 'application/msword', label: 'Word 97-2003 document (.doc)', matches: (b) => startsWith(b, OLE2) },
  { contentType: 'application/vnd.ms-excel', label: 'Excel 97-2003 workbook (.xls)', matches: (b) => startsWith(b, OLE2) },
];

export const ACCEPTED_CONTENT_TYPES = MATERIAL_TYPES.map((t) => t.contentType);

export type MaterialTypeVerdict = { ok: true; type: MaterialType } | { ok: false; problem: string };

/** Checks a declared content type and the file's bytes against the accepted types. */
export function checkMaterialType(declared: string, bytes: Uint8Array): MaterialTypeVerdict {
  const normalised = declared.split(';')[0].trim().toLowerCase();
  const type = MATERIAL_TYPES.find((t) => t.contentType === normalised);
  if (!type) return { ok: false, problem: `file type ${declared || '(none)'} is not accepted; accepted: ${ACCEPTED_CONTENT_TYPES.join(', ')}` };
  if (!type.matches(bytes)) return { ok: false, problem: `the file is declared as ${type.label} (${type.contentType}) but its content is not a ${type.label}` };
  return { ok: true, type };
}
