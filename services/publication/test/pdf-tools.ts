import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/**
 * The text of a PDF as poppler's pdftotext extracts it (Debian's poppler-utils). `raw`: in the order it is drawn,
 * so a table cell's wrapped lines stay together (by layout, a row's one-line cells join a taller cell's first line).
 */
export async function pdfText(pdf: Buffer, opts: { raw?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdf-text-'));
  try {
    await writeFile(path.join(dir, 'doc.pdf'), pdf);
    const { stdout } = await run('pdftotext', [...(opts.raw ? ['-raw'] : []), '-enc', 'UTF-8', path.join(dir, 'doc.pdf'), '-'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The fonts a PDF embeds, as pdffonts lists them: name, type, embedded, subset. */
export async function pdfFonts(pdf: Buffer): Promise<{ name: string; emb: boolean; sub: boolean }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdf-fonts-'));
  try {
    await writeFile(path.join(dir, 'doc.pdf'), pdf);
    const { stdout } = await run('pdffonts', [path.join(dir, 'doc.pdf')]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        // name type... encoding emb sub uni object ID: emb/sub/uni are the 3 yes/no columns before the last two.
        const n = cols.length;
        return { name: cols[0], emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes' };
      });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every QR code found on the PDF's pages, rendered to PNG by pdftoppm and read by jsQR. */
export async function pdfQrCodes(pdf: Buffer, dpi = 150): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdf-qr-'));
  try {
    await writeFile(path.join(dir, 'doc.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-png', path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
    const found: string[] = [];
    for (const f of (await readdir(dir)).filter((x) => x.endsWith('.png')).sort()) {
      const png = PNG.sync.read(await readFile(path.join(dir, f)));
      const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      if (code) found.push(code.data);
    }
    return found;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** pdftotext breaks long lines; compare without whitespace. */
export const squash = (s: string) => s.replace(/\s+/g, '');

export async function getPdf(url: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}
