import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { issueDevToken } from '@filing/auth';
import { Events, Headers } from '@filing/contracts';
import { ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { applicantToken, applicationBody, EXE, freshCreditCode, institution, IntakeClient, PDF, PNG, staffToken } from './intake.fixtures';

/**
 * Intake on its own process with real Kafka and PostgreSQL: drafts, materials, submission and who sees what.
 * The material size limit is lowered to 64 KiB here so the limit can be exercised with a small file.
 */
describe('intake: applications and materials', () => {
  const MAX = 64 * 1024;
  let intake: ServiceProcess;
  let client: IntakeClient;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    recorder = await new TopicRecorder(testKafka(), [Events.applicationSubmitted.topic]).start();
    intake = await startServiceProcess({ service: 'intake', env: { MATERIAL_MAX_BYTES: String(MAX) } });
    client = new IntakeClient(intake.url);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop(), recorder?.stop()]);
  });

  const submittedEvents = (id: string) => recorder.find((m) => m.key === id);

  it('submits a complete application: the event carries the case id as key, CloudEvents headers and material metadata', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const created = await client.create(token, applicationBody(code));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', applicationKind: 'new-filing', jurisdiction: '220100' });
    const id = created.body.id;

    const early = await client.submit(token, id);
    expect(early.status).toBe(422);

    const required = (created.body.checklist as { item: string; required: boolean }[]).filter((i) => i.required);
    for (const { item } of required) expect((await client.upload(token, id, item)).status).toBe(201);
    const res = await client.submit(token, id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'SUBMITTED' });

    const [message] = await waitFor('the submitted event', () => submittedEvents(id).length > 0 && submittedEvents(id));
    expect(message.headers).toMatchObject({
      [Headers.type]: Events.applicationSubmitted.type,
      [Headers.subject]: id,
      [Headers.source]: '/services/intake',
      [Headers.specversion]: '1.0',
      [Headers.contentType]: 'application/json',
    });
    expect(message.headers[Headers.id]).toMatch(/^[0-9a-f-]{36}$/);
    const payload = JSON.parse(message.value);
    expect(payload).toMatchObject({ caseId: id, applicationKind: 'new-filing', jurisdiction: '220100', institution: { creditCode: code } });
    expect(payload.materials).toHaveLength(required.length);
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(payload.materials[0]).toEqual({
      materialId: expect.any(String),
      checklistItem: expect.any(String),
      fileName: expect.stringMatching(/\.pdf$/),
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha,
      version: 1,
    });
    expect(message.value).not.toContain('PDF-1.4'); // metadata only, never the bytes

    const again = await client.submit(token, id);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('SUBMITTED');

    // Intake's decisions are in its hash-chained audit log like every other service's; refusals are not.
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT action, from_stage, to_stage, actor FROM intake.audit_log WHERE case_id = $1 ORDER BY seq`, [id]);
      expect(rows.map((r) => r.action)).toEqual(['application-opened', ...required.map(() => 'material-uploaded'), 'application-submitted']);
      expect(rows.at(-1)).toMatchObject({ from_stage: 'DRAFT', to_stage: 'SUBMITTED', actor: { role: 'applicant', subject: expect.any(String) } });
    } finally {
      await db.end();
    }
    const verdict = await client.request(await staffToken('admin', '220000'), 'GET', '/audit/verify');
    expect(verdict.body).toMatchObject({ ok: true, schema: 'intake' });
  });

  it('refuses an invalid 统一社会信用代码, naming the expected check character, and stores nothing', async () => {
    const bad = '91220101MA0Y3B9X1K';
    const token = await applicantToken(bad);
    const res = await client.create(token, applicationBody(bad));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(bad);
    expect(res.body.message).toContain('check character should be 8');
    const list = await client.request(token, 'GET', '/applications');
    expect(list.body.total).toBe(0);
  });

  it('refuses an unknown jurisdiction, naming it', async () => {
    const code = freshCreditCode();
    const res = await client.create(await applicantToken(code), applicationBody(code, { jurisdiction: '229999' }));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('229999');
    expect(res.body.message).toContain('220100 长春市');
  });

  it('refuses an applicant applying for another credit code', async () => {
    const res = await client.create(await applicantToken(freshCreditCode()), applicationBody(freshCreditCode()));
    expect(res.status).toBe(403);
  });

  it('refuses add-occupation for an institution that was never filed', async () => {
    const code = freshCreditCode();
    const res = await client.create(
      await applicantToken(code),
      applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2025〕1号' }),
    );
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('no valid filing');
  });

  it('refuses to submit with required materials missing, listing them, and changes nothing', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const { body } = await client.create(token, applicationBody(code));
    await client.upload(token, body.id, 'application-report');
    await client.upload(token, body.id, 'filing-form');
    const res = await client.submit(token, body.id);
    expect(res.status).toBe(422);
    const missing = (res.body.missing as { item: string }[]).map((m) => m.item);
    expect(missing).toContain('business-licence');
    expect(missing).toContain('commitment-letter');
    expect(missing).not.toContain('application-report');
    expect(missing).not.toContain('credit-record'); // optional
    expect(res.body.message).toContain('commitment-letter (材料真实性承诺书)');
    expect((await client.get(token, body.id)).body.status).toBe('DRAFT');
    expect(submittedEvents(body.id)).toHaveLength(0);
  });

  it('refuses files of the wrong type: an undeclared type, bytes that do not match, an unknown checklist item, too large', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const { body } = await client.create(token, applicationBody(code));

    const exe = await client.upload(token, body.id, 'sites', EXE, 'application/x-msdownload', 'setup.exe');
    expect(exe.status).toBe(415);
    expect(exe.body.message).toContain('application/x-msdownload');

    const disguised = await client.upload(token, body.id, 'sites', EXE, 'application/pdf', 'sites.pdf');
    expect(disguised.status).toBe(415);
    expect(disguised.body.message).toContain('not a PDF');

    const unknownItem = await client.upload(token, body.id, 'horoscope');
    expect(unknownItem.status).toBe(400);
    expect(unknownItem.body.message).toContain('horoscope');

    const big = Buffer.concat([PDF, Buffer.alloc(MAX)]);
    const tooLarge = await client.upload(token, body.id, 'sites', big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toContain(String(MAX));

    const png = await client.upload(token, body.id, 'sites', PNG, 'image/png', '场地照片.png');
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ checklistItem: 'sites', version: 1, fileName: '场地照片.png', contentType: 'image/png' });

    const materials = await client.request(token, 'GET', `/applications/${body.id}/materials`);
    expect(materials.body.find((i: { item: string }) => i.item === 'sites').versions).toHaveLength(1);
  });

  it('the same Idempotency-Key twice creates one application and one submitted event; reused for another request it is refused', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const key = randomUUID();
    const first = await client.create(token, applicationBody(code), key);
    const second = await client.create(token, applicationBody(code), key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');

    const changed = await client.create(token, applicationBody(code, { jurisdiction: '220000' }), key);
    expect(changed.status).toBe(422);
    expect(changed.body.message).toContain(key);

    const list = await client.request(token, 'GET', '/applications');
    expect(list.body.total).toBe(1);

    const id = first.body.id;
    for (const { item } of (first.body.checklist as { item: string; required: boolean }[]).filter((i) => i.required)) await client.upload(token, id, item);
    const submitKey = randomUUID();
    const [s1, s2] = await Promise.all([client.submit(token, id, submitKey), client.submit(token, id, submitKey)]);
    expect([s1.status, s2.status]).toEqual([200, 200]);
    expect(s2.body).toEqual(s1.body);

    // The event of the one submission is published; no second one follows it.
    await waitFor('the submitted event', () => submittedEvents(id).length > 0);
    const marker = await client.submitted(token, applicationBody(code));
    await waitFor('a later application’s event', () => submittedEvents(marker).length > 0);
    expect(submittedEvents(id)).toHaveLength(1);
  });

  it('shows an application only to its applicant and to staff of its jurisdiction; phones masked for approvers', async () => {
    const code = freshCreditCode();
    const owner = await applicantToken(code);
    const id = await client.submitted(owner, applicationBody(code));

    const own = await client.get(owner, id);
    expect(own.status).toBe(200);
    expect(own.body.institution.contact.phone).toBe('13904310000');
    expect(own.body.missingMaterials).toEqual([]);

    const otherCode = freshCreditCode();
    const other = await applicantToken(otherCode);
    expect((await client.get(other, id)).status).toBe(404);
    expect((await client.request(other, 'GET', `/applications/${id}/materials`)).status).toBe(404);
    expect((await client.request(other, 'GET', '/applications')).body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    const otherUpload = await client.upload(other, id, 'sites');
    expect(otherUpload.status).toBe(404);

    const changchunStaff = await client.get(await staffToken('center-staff', '220100'), id);
    expect(changchunStaff.status).toBe(200);
    expect(changchunStaff.body.institution.contact.phone).toBe('13904310000');
    expect((await client.get(await staffToken('center-staff', '220000'), id)).status).toBe(200);
    expect((await client.get(await staffToken('center-staff', '220200'), id)).status).toBe(404);
    // An expert reads only the materials of a case whose group they sit in (expert-materials.e2e-spec): not this one.
    const expertToken = await issueDevToken({ roles: ['expert'], jurisdiction: '220100', expertId: 'expert-1' });
    expect((await client.get(expertToken, id)).status).toBe(403);
    expect((await client.request(expertToken, 'GET', `/applications/${id}/materials`)).status).toBe(404);

    const approver = await client.get(await staffToken('approver', '220100'), id);
    expect(approver.status).toBe(200);
    expect(approver.body.institution.contact.phone).toBe('139****0000');

    const jilinStaffList = await client.request(await staffToken('center-staff', '220200'), 'GET', '/applications');
    expect(jilinStaffList.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    const changchunList = await client.request(await staffToken('center-staff', '220100'), 'GET', '/applications?status=SUBMITTED&limit=200');
    expect(changchunList.body.items.map((a: { id: string }) => a.id)).toContain(id);

    // Staff may read but not act for the applicant.
    expect((await client.resubmit(await staffToken('center-staff', '220100'), id)).status).toBe(403);
  });

  it('serves the checklist per application kind and institution kind', async () => {
    const token = await applicantToken(freshCreditCode());
    const social = await client.request(token, 'GET', '/checklists/new-filing?institutionKind=social-org');
    expect(social.status).toBe(200);
    expect(social.body.map((i: { item: string }) => i.item)).toEqual(expect.arrayContaining(['experience-evidence', 'fee-standard', 'commitment-letter']));
    expect((await client.request(token, 'GET', '/checklists/renewal?institutionKind=employer')).status).toBe(400);
  });

  it('downloads a material exactly as uploaded, with its sha-256', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const { body } = await client.create(
      token,
      applicationBody(code, { institution: institution(code, 'social-org', '吉林省职业培训评价协会'), jurisdiction: '220000' }),
    );
    expect((body.checklist as { item: string }[]).map((i) => i.item)).toContain('experience-evidence');
    const up = await client.upload(token, body.id, 'experience-evidence', PNG, 'image/png', 'evidence.png');
    const res = await fetch(`${intake.url}/applications/${body.id}/materials/${up.body.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-sha256')).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);

    const provinceStaff = await fetch(`${intake.url}/applications/${body.id}/materials/${up.body.id}/content`, {
      headers: { authorization: `Bearer ${await staffToken('center-staff', '220000')}` },
    });
    expect(provinceStaff.status).toBe(200);
    const cityStaff = await fetch(`${intake.url}/applications/${body.id}/materials/${up.body.id}/content`, {
      headers: { authorization: `Bearer ${await staffToken('center-staff', '220100')}` },
    });
    expect(cityStaff.status).toBe(404);
  });
});
