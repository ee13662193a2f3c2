import { randomUUID } from 'node:crypto';
import { dltOf, Events, Headers } from '@filing/contracts';
import { produceEvent, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { Kafka } from 'kafkajs';
import { applicantToken, applicationBody, approved, filingIssued, freshCreditCode, IntakeClient, rejected, returned, stageChanged } from './intake.fixtures';

/**
 * Every consumer of intake, on the real broker: an event delivered twice (same ce_id) has one effect, and an event
 * the handler refuses goes to `<topic>.dlt` with the reason in its headers while the consumer carries on.
 *
 * Decision (documented in application-for-event.ts): review's events about a case intake does not know are
 * unprocessable for good (intake commits every application before its submitted event exists), so they are
 * dead-lettered at once rather than retried or silently dropped. A filing notice for an unknown case still enters the
 * register of filed institutions; one whose credit code fails the check character is dead-lettered.
 */
describe('intake: consumers under redelivery and failure', () => {
  let intake: ServiceProcess;
  let client: IntakeClient;
  let kafka: Kafka;
  let dlt: TopicRecorder;

  const consumed = [Events.caseStageChanged, Events.caseReturned, Events.caseApproved, Events.caseRejected, Events.filingIssued];

  beforeAll(async () => {
    kafka = testKafka();
    dlt = await new TopicRecorder(
      kafka,
      consumed.map((e) => dltOf(e.topic)),
    ).start();
    intake = await startServiceProcess({ service: 'intake' });
    client = new IntakeClient(intake.url);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop(), dlt?.stop()]);
  });

  const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 2, minute)).toISOString();

  async function submittedApplication() {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    return { code, token, id: await client.submitted(token, applicationBody(code)) };
  }

  const timeline = async (token: string, id: string) =>
    (await client.request(token, 'GET', `/applications/${id}/timeline`)).body as { eventId: string; kind: string }[];

  it('a stage change, a return, an approval and a filing each delivered twice have one effect', async () => {
    const { code, token, id } = await submittedApplication();
    const stageId = randomUUID();
    const returnId = randomUUID();
    const approvalId = randomUUID();
    const filingEventId = randomUUID();
    const filing = filingIssued(id, code, '吉人社备〔2026〕21号', at(30), filingEventId);
    for (let i = 0; i < 2; i++) {
      await produceEvent(kafka, Events.caseStageChanged, stageChanged(id, 'SUBMITTED', 'ACCEPTED', at(1), 'accept'), { id: stageId });
      await produceEvent(kafka, Events.caseReturned, returned(id, 1, ['承诺书未盖章'], at(2)), { id: returnId });
      await produceEvent(kafka, Events.caseApproved, approved(id, code, at(3)), { id: approvalId });
      await produceEvent(kafka, Events.filingIssued, filing, { id: filingEventId });
    }
    // Same key, same partition: once this marker is on the timeline, both copies of everything before it were handled.
    const marker = randomUUID();
    await produceEvent(kafka, Events.caseStageChanged, stageChanged(id, 'ACCEPTED', 'EXPERT_GROUP_REQUESTED', at(4), 'marker'), { id: marker });
    await waitFor('the marker', async () => (await timeline(token, id)).some((e) => e.eventId === marker));
    await waitFor('the filing', async () => (await timeline(token, id)).some((e) => e.eventId === filingEventId));

    const entries = await timeline(token, id);
    expect(entries.filter((e) => e.eventId === stageId)).toHaveLength(1);
    expect(entries.filter((e) => e.kind === 'returned')).toHaveLength(1);
    expect(entries.filter((e) => e.kind === 'approved')).toHaveLength(1);
    expect(entries.filter((e) => e.kind === 'filing-issued')).toHaveLength(1);
    const detail = (await client.get(token, id)).body;
    expect(detail.returnCount).toBe(1);
    expect(detail.status).toBe('FILED');
    // The filing is registered once: add-occupation is accepted against it.
    const add = await client.create(token, applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2026〕21号' }));
    expect(add.status).toBe(201);
  });

  it('tells the applicant of the on-site evaluation ahead and of an objection against its notice, received and decided, once each under redelivery', async () => {
    const requests = await new TopicRecorder(kafka, [Events.applicantNotificationRequested.topic]).start();
    try {
      const { code, id } = await submittedApplication();
      const onsite = randomUUID();
      const received = randomUUID();
      const resolved = randomUUID();
      const objection = { caseId: id, jurisdiction: '220100', noticeId: randomUUID(), objectionId: randomUUID() };
      for (let i = 0; i < 2; i++) {
        await produceEvent(kafka, Events.caseStageChanged, stageChanged(id, 'PRELIMINARY_REVIEW', 'ONSITE_EVALUATION', at(10), 'preliminary-opinion'), {
          id: onsite,
        });
        await produceEvent(kafka, Events.objectionReceived, { ...objection, receiptNumber: 'YY-2026-0007', receivedAt: at(11) }, { id: received });
        await produceEvent(
          kafka,
          Events.objectionResolved,
          {
            ...objection,
            receiptNumber: 'YY-2026-0007',
            outcome: 'dismissed',
            struckOccupationCodes: [],
            reason: '经核实，该机构实操考核场地符合要求。',
            resolvedBy: { subject: 'staff-220100', role: 'center-staff', jurisdiction: '220100' },
            resolvedAt: at(12),
          },
          { id: resolved },
        );
      }
      const mine = () => requests.find((m) => m.key === id).map((m) => JSON.parse(m.value));
      await waitFor('the three requests', async () => (mine().filter((r) => r.kind !== 'application-received').length >= 3 ? true : undefined));
      // Redelivered: give a second copy the time to appear, had the inbox let it through (same key, same partition).
      const marker = randomUUID();
      await produceEvent(kafka, Events.caseStageChanged, stageChanged(id, 'ONSITE_EVALUATION', 'COMPREHENSIVE_REVIEW', at(13), 'marker'), { id: marker });
      const token = await applicantToken(code);
      await waitFor('the marker', async () => (await timeline(token, id)).some((e) => e.eventId === marker));
      const told = mine().filter((r) => r.kind !== 'application-received');
      expect(told.map((r) => r.kind).sort()).toEqual(['notice-objection-decided', 'notice-objection-received', 'onsite-evaluation-due']);
      for (const r of told) expect(r.recipient).toMatchObject({ id: `institution:${code}`, role: 'applicant' });
      const byKind = Object.fromEntries(told.map((r) => [r.kind, r]));
      expect(byKind['notice-objection-received'].params).toMatchObject({ receiptNumber: 'YY-2026-0007', receivedAt: at(11) });
      expect(byKind['notice-objection-decided'].params).toMatchObject({
        receiptNumber: 'YY-2026-0007',
        outcome: 'dismissed',
        decidedAt: at(12),
        reason: '经核实，该机构实操考核场地符合要求。',
      });
      expect(byKind['onsite-evaluation-due'].params).toMatchObject({ enteredAt: at(10) });
      expect(byKind['onsite-evaluation-due'].link).toBe(`/applicant/applications/${id}`);
    } finally {
      await requests.stop();
    }
  });

  it('a rejection delivered twice has one effect', async () => {
    const { token, id } = await submittedApplication();
    const eventId = randomUUID();
    await produceEvent(kafka, Events.caseRejected, rejected(id, at(5)), { id: eventId });
    await produceEvent(kafka, Events.caseRejected, rejected(id, at(5)), { id: eventId });
    const marker = randomUUID();
    await produceEvent(kafka, Events.caseRejected, rejected(id, at(6)), { id: marker });
    await waitFor('the marker', async () => (await timeline(token, id)).some((e) => e.eventId === marker));
    expect((await timeline(token, id)).filter((e) => e.eventId === eventId)).toHaveLength(1);
  });

  it.each([
    ['stage-changed', Events.caseStageChanged, (caseId: string) => stageChanged(caseId, 'SUBMITTED', 'ACCEPTED', at(7), 'accept')],
    ['returned', Events.caseReturned, (caseId: string) => returned(caseId, 1, ['理由'], at(7))],
    ['approved', Events.caseApproved, (caseId: string) => approved(caseId, '91440300708461136T', at(7))],
    ['rejected', Events.caseRejected, (caseId: string) => rejected(caseId, at(7))],
  ] as const)('%s: an event about a case intake does not know is dead-lettered at once and the consumer carries on', async (_name, def, build) => {
    const unknown = randomUUID();
    const meta = await produceEvent(kafka, def as never, build(unknown) as never);
    const [copy] = await waitFor(`the dead letter of ${def.topic}`, () => {
      const found = dlt.find((m) => m.headers[Headers.id] === meta.id);
      return found.length > 0 && found;
    });
    expect(copy.topic).toBe(dltOf(def.topic));
    expect(copy.key).toBe(unknown);
    expect(copy.headers).toMatchObject({
      [Headers.dltErrorKind]: 'unprocessable',
      [Headers.dltOriginalTopic]: def.topic,
      [Headers.dltAttempts]: '1',
      [Headers.dltConsumerGroup]: 'intake',
    });
    expect(copy.headers[Headers.dltError]).toContain(`case ${unknown} is not an application known to intake`);

    // The consumer is not stuck: a later event on the same topic, for a known case, is handled.
    const { token, id } = await submittedApplication();
    const later = await produceEvent(kafka, def as never, build(id) as never);
    await waitFor('the later event', async () => (await timeline(token, id)).some((e) => e.eventId === later.id));
  });

  it('a filing whose credit code fails the check character is dead-lettered; a filing for an unknown case is still registered', async () => {
    const badCode = '91220101MA0Y3B9X1K';
    const bad = await produceEvent(kafka, Events.filingIssued, filingIssued(randomUUID(), badCode, '吉人社备〔2026〕31号', at(8)));
    const [copy] = await waitFor('the dead letter', () => {
      const found = dlt.find((m) => m.headers[Headers.id] === bad.id);
      return found.length > 0 && found;
    });
    expect(copy.headers[Headers.dltErrorKind]).toBe('unprocessable');
    expect(copy.headers[Headers.dltError]).toContain(badCode);

    // Filed through a case intake has no record of (e.g. a migrated filing): the register still learns it.
    const code = freshCreditCode();
    await produceEvent(kafka, Events.filingIssued, filingIssued(randomUUID(), code, '吉人社备〔2026〕32号', at(9)));
    const token = await applicantToken(code);
    const add = await waitFor('the registered filing', async () => {
      const r = await client.create(token, applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2026〕32号' }));
      return r.status === 201 && r;
    });
    expect(add.body.applicationKind).toBe('add-occupation');
  });
});
