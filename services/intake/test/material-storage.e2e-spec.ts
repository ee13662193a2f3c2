import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { ServiceProcess, startServiceProcess, waitFor } from '@filing/testing';
import { applicantToken, applicationBody, freshCreditCode, IntakeClient, PDF } from './intake.fixtures';

/**
 * Materials are streamed, not held in memory: an upload goes to a temporary file and into the database in 1 MiB
 * chunks, a download comes back chunk by chunk; an application holds at most MATERIAL_QUOTA_BYTES; no upload body is
 * read before the caller is authenticated.
 */
describe('intake: streamed material storage and the per-application quota', () => {
  const MiB = 1024 * 1024;
  const uploadDir = mkdtempSync(path.join(tmpdir(), 'intake-uploads-'));
  let intake: ServiceProcess;
  let client: IntakeClient;

  beforeAll(async () => {
    intake = await startServiceProcess({
      service: 'intake',
      name: 'intake-storage',
      env: { MATERIAL_MAX_BYTES: String(3 * MiB), MATERIAL_QUOTA_BYTES: String(5 * MiB), MATERIAL_UPLOAD_DIR: uploadDir },
    });
    client = new IntakeClient(intake.url);
  });
  afterAll(async () => {
    await intake?.stop();
  });

  const pdfOf = (bytes: number) => Buffer.concat([PDF, randomBytes(bytes - PDF.length)]);

  it('stores a multi-chunk file in chunks and serves it back byte for byte; refuses what would exceed the quota', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const { body } = await client.create(token, applicationBody(code));
    const file = pdfOf(Math.floor(2.5 * MiB));
    const up = await client.upload(token, body.id, 'sites', file);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ size: file.length, sha256: createHash('sha256').update(file).digest('hex') });

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT m.content IS NULL AS chunked, count(c.seq)::int AS chunks, sum(length(c.data))::int AS bytes FROM intake.material m JOIN intake.material_chunk c ON c.material_id = m.id WHERE m.id = $1 GROUP BY m.content`,
        [up.body.id],
      );
      expect(rows).toEqual([{ chunked: true, chunks: 3, bytes: file.length }]);

      const res = await fetch(`${intake.url}/applications/${body.id}/materials/${up.body.id}/content`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);

      // 2.5 MiB stored; another 2.5 MiB would pass the 5 MiB quota: refused, nothing stored.
      const count = async () => (await db.query(`SELECT count(*)::int AS n FROM intake.material WHERE application_id = $1`, [body.id])).rows[0].n;
      const over = await client.upload(token, body.id, 'sites', pdfOf(Math.floor(2.6 * MiB)));
      expect(over.status).toBe(413);
      expect(over.body).toMatchObject({ code: 'MATERIAL_QUOTA_EXCEEDED', quotaBytes: 5 * MiB, usedBytes: file.length });
      expect(await count()).toBe(1);
      expect((await client.upload(token, body.id, 'sites', pdfOf(MiB))).status).toBe(201);
      expect(await count()).toBe(2);
    } finally {
      await db.end();
    }
    // No temporary file outlives its request (accepted, refused or too large).
    expect((await client.upload(token, body.id, 'sites', pdfOf(4 * MiB))).status).toBe(413);
    await waitFor('the temporary files removed', () => readdirSync(uploadDir).length === 0);
  });

  it('reads no upload body before the caller is authenticated', async () => {
    // An upload that never ends: the refusal comes without waiting for the body.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${intake.url}/applications/00000000-0000-4000-8000-000000000000/materials`,
        { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' } },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
          req.destroy();
        },
      );
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
      req.write('--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-');
    });
    expect(status).toBe(401);
    expect(readdirSync(uploadDir)).toEqual([]);
  });
});
