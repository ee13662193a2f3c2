import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import * as QRCode from 'qrcode';

/**
 * PDF documents in an official layout (docs/adr/0017): pdfkit with Noto Serif CJK from Debian's fonts-noto-cjk,
 * subset into each file. Deterministic: the creation date is the document's own date (from stored data) and pdfkit
 * derives the file id and the font subset tags from the content, so the same data gives the same bytes.
 */
export const FONT_DIR = process.env.DOCUMENT_FONT_DIR ?? '/usr/share/fonts/opentype/noto';
const FONTS = {
  serif: { file: 'NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  serifBold: { file: 'NotoSerifCJK-Bold.ttc', family: 'NotoSerifCJKsc-Bold' },
} as const;
export type FontName = keyof typeof FONTS;

const fontCache = new Map<FontName, Buffer>();
function fontBytes(name: FontName): Buffer {
  let bytes = fontCache.get(name);
  if (!bytes) {
    const file = path.join(FONT_DIR, FONTS[name].file);
    if (!existsSync(file)) throw new Error(`documents: font ${file} is missing (install Debian's fonts-noto-cjk, or set DOCUMENT_FONT_DIR)`);
    bytes = readFileSync(file);
    fontCache.set(name, bytes);
  }
  return bytes;
}

/** Checks at start-up that the fonts are there, so a missing package fails loudly rather than at the first download. */
export function assertDocumentFonts(): void {
  for (const name of Object.keys(FONTS) as FontName[]) fontBytes(name);
}

export type Pdf = PDFKit.PDFDocument;

export const RED = '#c00000';
export const MM = 72 / 25.4;

/** Renders a PDF: `date` (YYYY-MM-DD, China) is its creation date, so nothing in the file depends on when it is made. */
export function renderPdf(meta: { title: string; author: string; subject?: string; date: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const when = new Date(`${meta.date}T00:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4',
    // GB/T 9704 (党政机关公文格式): top 37 mm, left 28 mm, text block 156 × 225 mm.
    margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject ?? meta.title,
      Creator: 'jl-filing publication',
      Producer: 'jl-filing publication',
      CreationDate: when,
      ModDate: when,
    },
    lang: 'zh-CN',
    displayTitle: true,
    bufferPages: true,
  });
  for (const name of Object.keys(FONTS) as FontName[]) doc.registerFont(name, fontBytes(name), FONTS[name].family);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** Draws a QR code as vector squares (crisp at any zoom, no image in the file). */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
  doc.fill('#000000');
  doc.restore();
}

/** A simple ruled table; returns the y below it. Rows too tall for the page continue on the next. A column may set a smaller size for its cells. */
export function drawTable(
  doc: Pdf,
  columns: { title: string; width: number; fontSize?: number }[],
  rows: string[][],
  opts: { fontSize?: number } = {},
): number {
  const fontSize = opts.fontSize ?? 11;
  const left = doc.page.margins.left;
  const pad = 4;
  const rowHeight = (cells: string[]) =>
    Math.max(
      ...cells.map((t, i) =>
        doc
          .font('serif')
          .fontSize(columns[i].fontSize ?? fontSize)
          .heightOfString(t, { width: columns[i].width - 2 * pad }),
      ),
    ) +
    2 * pad;
  const drawRow = (cells: string[], bold: boolean) => {
    const h = rowHeight(cells);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((t, i) => {
      doc.lineWidth(0.6).rect(x, y, columns[i].width, h).stroke('#000000');
      doc
        .font(bold ? 'serifBold' : 'serif')
        .fontSize(bold ? fontSize : (columns[i].fontSize ?? fontSize))
        .fillColor('#000000')
        .text(t, x + pad, y + pad, { width: columns[i].width - 2 * pad, align: 'center' });
      x += columns[i].width;
    });
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  for (const r of rows) drawRow(r, false);
  return doc.y;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** 2025-10-22 → 2025年10月22日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
