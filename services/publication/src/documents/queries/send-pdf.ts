import type { Response } from 'express';
import type { StoredDocument } from '../infrastructure/documents.repository';

/** A stored document as the answer, with its sha-256 (also its ETag) so a copy can be compared with the record. */
export function sendPdf(res: Response, doc: StoredDocument, asciiName: string, name: string): void {
  res
    .status(200)
    .set({
      'content-type': 'application/pdf',
      'content-length': String(doc.bytes.length),
      'content-disposition': `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-document-sha256': doc.sha256,
      etag: `"${doc.sha256}"`,
      'cache-control': 'no-cache',
    })
    .end(doc.bytes);
}
