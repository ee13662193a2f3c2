import { randomUUID } from 'node:crypto';
import { dltOf, Events, FilingStatusChanged, Headers, RegisterEntryImported } from '@filing/contracts';
import { produceEvent, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { Kafka } from 'kafkajs';
import { applicantToken, applicationBody, freshCreditCode, IntakeClient } from './intake.fixtures';

/**
 * Intake learns the register's life from publication: an institution imported from the historical register may add
 * occupations (with its 备案通知文号 or 备案编号), and one whose filing is suspended, withdrawn or cancelled may not. Each
 * event delivered twice has one effect; an import with an invalid credit code is dead-lettered.
 */
describe('intake: historical filings and register status changes', () => {
  let intake: ServiceProcess;
  let client: IntakeClient;
  let kafka: Kafka;
  let dlt: TopicRecorder;

  beforeAll(async () => {
    kafka = testKafka();
    dlt = await new TopicRecorder(kafka, [dltOf(Events.registerEntryImported.topic), dltOf(Events.filingStatusChanged.topic)]).start();
    intake = await startServiceProcess({ service: 'intake' });
    client = new IntakeClient(intake.url);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop(), dlt?.stop()]);
  });

  const occupation = { code: '6-18-01-01', name: '车工', levels: [5, 4], basis: 'national-standard' as const };
  const imported = (code: string): RegisterEntryImported =>
    Object.assign(new RegisterEntryImported(), {
      importId: randomUUID(),
      institution: { name: '长春历史备案机构', creditCode: code, kind: 'employer', province: '220000', jurisdiction: '220100', jurisdictionName: '长春市' },
      noticeNumber: '吉人社备〔2021〕3号',
      noticeDate: '2021-04-12',
      filingNumber: 'JL-2021-003',
      occupations: [occupation],
      importedAt: '2026-11-26T02:00:00.000Z',
    });
  const changed = (code: string, action: FilingStatusChanged['action'], status: FilingStatusChanged['status'], sequence: number): FilingStatusChanged =>
    Object.assign(new FilingStatusChanged(), {
      changeId: randomUUID(),
      sequence,
      action,
      status,
      previousStatus: status === 'valid' ? 'suspended' : 'valid',
      reason: '年度检查',
      institution: { name: '长春历史备案机构', creditCode: code, kind: 'employer', province: '220000', jurisdiction: '220100', jurisdictionName: '长春市' },
      occupations: [occupation],
      decidedBy: { authority: '长春市人力资源和社会保障局', jurisdiction: '220100' },
      decidedAt: '2026-11-27T02:00:00.000Z',
    });
  const addOccupation = async (code: string, existingFilingNumber: string) =>
    client.create(
      await applicantToken(code),
      applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber, occupations: [{ ...occupation, code: '6-18-02-04', name: '焊工' }] }),
    );

  it('an imported institution may add occupations, by its notice number or its filing number; delivered twice, one filing', async () => {
    const code = freshCreditCode();
    expect((await addOccupation(code, '吉人社备〔2021〕3号')).status).toBe(422);
    const event = imported(code);
    const meta = await produceEvent(kafka, Events.registerEntryImported, event);
    await produceEvent(kafka, Events.registerEntryImported, event, { id: meta.id });
    const add = await waitFor('the imported filing at intake', async () => {
      const r = await addOccupation(code, '吉人社备〔2021〕3号');
      return r.status === 201 && r;
    });
    expect(add.body.applicationKind).toBe('add-occupation');
    expect((await addOccupation(code, 'JL-2021-003')).status).toBe(201);
    // The refusal names the one filing the institution has (the duplicate added no second one).
    const wrong = await addOccupation(code, '吉人社备〔2021〕99号');
    expect(wrong.status).toBe(422);
    expect(String(wrong.body.detail).match(/吉人社备〔2021〕3号/g)).toHaveLength(1);
  });

  it('a suspension closes add-occupation and a reinstatement opens it again', async () => {
    const code = freshCreditCode();
    await produceEvent(kafka, Events.registerEntryImported, imported(code));
    await waitFor('the imported filing', async () => (await addOccupation(code, 'JL-2021-003')).status === 201);
    await produceEvent(kafka, Events.filingStatusChanged, changed(code, 'suspend', 'suspended', 1));
    const refused = await waitFor('add-occupation refused while suspended', async () => {
      const r = await addOccupation(code, 'JL-2021-003');
      return r.status === 422 && r;
    });
    expect(JSON.stringify(refused.body)).toContain('no valid filing');
    await produceEvent(kafka, Events.filingStatusChanged, changed(code, 'reinstate', 'valid', 2));
    await waitFor('add-occupation open again', async () => (await addOccupation(code, 'JL-2021-003')).status === 201);
  });

  it('an import whose credit code fails the check character is dead-lettered, and intake carries on', async () => {
    const good = freshCreditCode();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const sent = await produceEvent(kafka, Events.registerEntryImported, imported(bad));
    const [copy] = await waitFor('the dead letter', () => {
      const found = dlt.find((m) => m.headers[Headers.id] === sent.id);
      return found.length > 0 && found;
    });
    expect(copy.headers[Headers.dltErrorKind]).toBe('unprocessable');
    expect(copy.headers[Headers.dltError]).toContain(bad);
    await produceEvent(kafka, Events.registerEntryImported, imported(good));
    await waitFor('the next import handled', async () => (await addOccupation(good, 'JL-2021-003')).status === 201);
  });
});
