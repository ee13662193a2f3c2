import { Client } from 'pg';
import { startServiceProcess, ServiceProcess, waitFor } from '@filing/testing';
import { changchunEnterprise, submitApplication, tokenFor, toolmakerOccupation } from '../fixtures';
import { rowFingerprints, settledFingerprints } from './row-fingerprints';

/**
 * The inputs of issue 11 that reached a 500 (or were let through) each answer a clear 4xx in the error contract
 * (RFC 9457 problem details with a stable `code`, `errors[]` per field) and change nothing; a case stored before the
 * contract required the contact still reads.
 */
describe('bad input is a clear 4xx and changes nothing', () => {
  let intake: ServiceProcess;
  let review: ServiceProcess;
  let assessment: ServiceProcess;
  let publication: ServiceProcess;

  beforeAll(async () => {
    [intake, review, assessment, publication] = await Promise.all([
      startServiceProcess({ service: 'intake', name: 'intake-bad-input' }),
      startServiceProcess({ service: 'review', name: 'review-bad-input' }),
      startServiceProcess({ service: 'assessment', name: 'assessment-bad-input' }),
      startServiceProcess({ service: 'publication', name: 'publication-bad-input' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop(), review?.stop(), assessment?.stop(), publication?.stop()]);
  });

  async function problem(res: Response) {
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await res.json()) as {
      status: number;
      code: string;
      title: string;
      detail: string;
      errors?: { field: string; code: string; message: string }[];
      message: string;
    };
  }

  const institution = changchunEnterprise();
  const post = async (body: unknown) =>
    fetch(`${intake.url}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('applicant', '220100', { creditCode: institution.creditCode })}` },
      body: JSON.stringify(body),
    });

  it('an application without institution.contact, or without institution, is refused naming the field', async () => {
    const before = await settledFingerprints(process.env.DATABASE_URL!);
    const { contact: _contact, ...withoutContact } = institution;
    const noContact = await post({ applicationKind: 'new-filing', jurisdiction: '220100', institution: withoutContact, occupations: [toolmakerOccupation] });
    expect(noContact.status).toBe(400);
    const p1 = await problem(noContact);
    expect(p1).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(p1.errors).toContainEqual(expect.objectContaining({ field: 'institution.contact', code: 'REQUIRED' }));
    expect(p1.detail).toContain('institution.contact');

    const noInstitution = await post({ applicationKind: 'new-filing', jurisdiction: '220100', occupations: [toolmakerOccupation] });
    expect(noInstitution.status).toBe(400);
    expect((await problem(noInstitution)).errors).toContainEqual(expect.objectContaining({ field: 'institution', code: 'REQUIRED' }));

    const extra = await post({
      applicationKind: 'new-filing',
      jurisdiction: '220100',
      institution: { ...institution, contact: { ...institution.contact, fax: '1' } },
      occupations: [toolmakerOccupation],
    });
    expect(extra.status).toBe(400);
    expect((await problem(extra)).errors).toContainEqual(expect.objectContaining({ field: 'institution.contact.fax', code: 'UNKNOWN_FIELD' }));

    const broken = await fetch(`${intake.url}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('applicant', '220100', { creditCode: institution.creditCode })}` },
      body: '{"applicationKind": "new-filing",',
    });
    expect(broken.status).toBe(400);
    expect(await problem(broken)).toMatchObject({ code: 'MALFORMED_BODY' });

    const text = await fetch(`${intake.url}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${await tokenFor('applicant', '220100', { creditCode: institution.creditCode })}` },
      body: 'applicationKind=new-filing',
    });
    expect(text.status).toBe(415);
    expect(await problem(text)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });

    expect(await rowFingerprints(process.env.DATABASE_URL!)).toEqual(before);
  });

  it('the register refuses a page beyond its bounds; the standards refuse a date that is not a date', async () => {
    const page = await fetch(`${publication.url}/public/register?page=100000000000000000000`);
    expect(page.status).toBe(400);
    expect((await problem(page)).errors).toContainEqual(expect.objectContaining({ field: 'page', code: 'OUT_OF_RANGE' }));
    expect((await fetch(`${publication.url}/public/register?page=2`)).status).toBe(200);

    const staff = await tokenFor('center-staff', '220000');
    const auth = { authorization: `Bearer ${staff}` };
    const badDate = await fetch(`${assessment.url}/standards/in-force?institutionKind=employer&date=2025-13-45`, { headers: auth });
    expect(badDate.status).toBe(400);
    expect((await problem(badDate)).errors).toContainEqual(expect.objectContaining({ field: 'date', code: 'INVALID_FORMAT' }));
    const badKind = await fetch(`${assessment.url}/standards/in-force?institutionKind=bank`, { headers: auth });
    expect(badKind.status).toBe(400);
    expect((await problem(badKind)).errors).toContainEqual(expect.objectContaining({ field: 'institutionKind', code: 'NOT_ALLOWED' }));
    expect((await fetch(`${assessment.url}/standards/in-force?institutionKind=employer&date=2026-02-28`, { headers: auth })).status).toBe(200);
  });

  it('a case stored without its contact (before the contract required it) still reads in the work queue and on its page', async () => {
    const applicant = await tokenFor('applicant', '220100', { creditCode: institution.creditCode });
    const { id } = await submitApplication(intake.url, applicant, {
      applicationKind: 'new-filing',
      jurisdiction: '220100',
      institution,
      occupations: [toolmakerOccupation],
    });
    const staff = await tokenFor('center-staff', '220100');
    const auth = { authorization: `Bearer ${staff}` };
    await waitFor('the case at review', async () => ((await fetch(`${review.url}/cases/${id}`, { headers: auth })).status === 200 ? true : undefined));
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(`UPDATE review_220000.review_case SET institution = institution - 'contact' WHERE id = $1`, [id]);
    } finally {
      await db.end();
    }
    const queue = await fetch(`${review.url}/queue`, { headers: auth });
    expect(queue.status).toBe(200);
    const q = (await queue.json()) as { waiting: { id: string; institution: { contact: { phone: string | null } } }[] };
    expect(q.waiting.find((c) => c.id === id)?.institution.contact.phone).toBeNull();
    const one = await fetch(`${review.url}/cases/${id}`, { headers: auth });
    expect(one.status).toBe(200);
    expect(((await one.json()) as { institution: { name: string } }).institution.name).toBe(institution.name);
  });

  it('an unknown route is a 404 problem with its code', async () => {
    const res = await fetch(`${intake.url}/no-such-route`, { headers: { 'x-correlation-id': 'probe-1' } });
    expect(res.status).toBe(404);
    expect(await problem(res)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
