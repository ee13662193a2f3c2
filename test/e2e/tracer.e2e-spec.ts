import { startServiceProcess, ServiceProcess, waitFor } from '@filing/testing';
import { changchunEnterprise, submitApplication, tokenFor, toolmakerOccupation } from './fixtures';

/**
 * The tracer: one application travels from intake to review through the real broker and database, each service in
 * its own process.
 */
describe('tracer: intake → Kafka → review', () => {
  let intake: ServiceProcess;
  let review: ServiceProcess;

  beforeAll(async () => {
    [intake, review] = await Promise.all([startServiceProcess({ service: 'intake' }), startServiceProcess({ service: 'review' })]);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop(), review?.stop()]);
  });

  it('a submitted application opens a case at review', async () => {
    const institution = changchunEnterprise();
    const applicant = await tokenFor('applicant', '220100', { creditCode: institution.creditCode });
    const { id } = await submitApplication(intake.url, applicant, {
      applicationKind: 'new-filing',
      jurisdiction: '220100',
      institution,
      occupations: [toolmakerOccupation],
    });

    const staff = await tokenFor('center-staff', '220100');
    const found = await waitFor('the case at review', async () => {
      const r = await fetch(`${review.url}/cases/${id}`, { headers: { authorization: `Bearer ${staff}` } });
      return r.status === 200 ? r.json() : undefined;
    });
    expect(found).toMatchObject({ id, jurisdiction: '220100', stage: 'SUBMITTED', institution: { creditCode: institution.creditCode } });
  });

  it('refuses an application with an unknown field, naming it', async () => {
    const institution = changchunEnterprise();
    const applicant = await tokenFor('applicant', '220100', { creditCode: institution.creditCode });
    const res = await fetch(`${intake.url}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${applicant}` },
      body: JSON.stringify({ applicationKind: 'new-filing', jurisdiction: '220100', institution, occupations: [toolmakerOccupation], extra: 1 }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('extra');
  });
});
