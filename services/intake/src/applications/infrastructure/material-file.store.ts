import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager } from 'typeorm';

/** What the storage engine below gives the controller (multer's file object, on disk). */
export interface StreamedUpload {
  originalname: string;
  mimetype: string;
  size: number;
  path: string;
  sha256: string;
}

/** The storage-engine contract multer calls (StorageEngine in multer's types). */
interface UploadStorage {
  _handleFile(req: unknown, file: { stream: NodeJS.ReadableStream }, cb: (error?: unknown, info?: Partial<StreamedUpload>) => void): void;
  _removeFile(req: unknown, file: { path?: string }, cb: (error: Error | null) => void): void;
}

/** Bytes per stored chunk: what one request holds in memory at a time while it stores or serves a file. */
export const CHUNK_BYTES = 1024 * 1024;
/** How much of a file's start and end the type check looks at (magic bytes; zip entry names at both ends). */
const SNIFF_BYTES = 64 * 1024;

/**
 * Uploads stream to a temporary file (in MATERIAL_UPLOAD_DIR, the system's temporary directory by default), hashed and counted on the way (memory stays at a stream buffer whatever the
 * file's size); multer removes the file when the upload fails (e.g. over MATERIAL_MAX_BYTES), the controller after use.
 */
export function materialUploadStorage(): UploadStorage {
  const destination = process.env.MATERIAL_UPLOAD_DIR || path.join(tmpdir(), 'filing-intake-uploads');
  mkdirSync(destination, { recursive: true });
  return {
    _handleFile(req, file, cb) {
      const target = path.join(destination, randomUUID());
      // Gone when the exchange ends, whatever happened (a refused body or id never reaches the controller).
      (req as { res?: NodeJS.EventEmitter }).res?.once('close', () => void rm(target, { force: true }));
      const hash = createHash('sha256');
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, next) {
          hash.update(chunk);
          size += chunk.length;
          next(null, chunk);
        },
      });
      pipeline(file.stream, count, createWriteStream(target)).then(
        () => cb(null, { path: target, size, sha256: hash.digest('hex') }),
        (error) => void rm(target, { force: true }).finally(() => cb(error)),
      );
    },
    _removeFile(_req, file, cb) {
      void rm(file.path ?? '', { force: true }).then(() => cb(null), cb);
    },
  };
}

/** The first and last SNIFF_BYTES of a file (the whole file when it is small). */
export async function sniff(file: string, size: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const read = async (position: number, length: number) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    };
    if (size <= 2 * SNIFF_BYTES) return read(0, size);
    return Buffer.concat([await read(0, SNIFF_BYTES), await read(size - SNIFF_BYTES, SNIFF_BYTES)]);
  } finally {
    await fh.close();
  }
}

/** Copies the file into material_chunk, one CHUNK_BYTES row at a time, in the caller's transaction. */
export async function storeChunks(manager: EntityManager, materialId: string, file: string): Promise<number> {
  let seq = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    await manager.query(`INSERT INTO intake.material_chunk (material_id, seq, data) VALUES ($1, $2, $3)`, [materialId, seq++, chunk]);
  }
  return seq;
}

/** The stored bytes, chunk by chunk (or the inline bytes of a file stored before chunking). */
export function readMaterial(dataSource: DataSource, materialId: string, inline: Buffer | null): Readable {
  if (inline) return Readable.from([inline]);
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      const rows: { data: Buffer }[] = await dataSource.query(`SELECT data FROM intake.material_chunk WHERE material_id = $1 AND seq = $2`, [materialId, seq]);
      if (!rows.length) return;
      yield rows[0].data;
    }
  }
  return Readable.from(chunks());
}

export async function removeUpload(file: string | undefined): Promise<void> {
  if (file) await rm(file, { force: true });
}
