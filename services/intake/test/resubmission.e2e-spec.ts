import { Events } from '@filing/contracts';
import { produceEvent, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { Kafka } from 'kafkajs';
import {
  applicantToken,
  applicationBody,
  approved,
  filingIssued,
  freshCreditCode,
  IntakeClient,
  PDF,
  rejected,
  returned,
  stageChanged,
  staffToken,
} from './intake.fixtures';

/**
 * The applicant's side of the case lifecycle: review's events (produced here as review would, on the real topics)
 * build the timeline; returns open a resubmission round; history is kept; approval and the filing notice close it,
 * after which the institution may apply to add occupations.
 */
describe('intake: timeline, returns and resubmissions', () => {
  let intake: ServiceProcess;
  let client: IntakeClient;
  let kafka: Kafka;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    kafka = testKafka();
    recorder = await new TopicRecorder(kafka, [Events.applicationResubmitted.topic]).start();
    intake = await startServiceProcess({ service: 'intake' });
    client = new IntakeClient(intake.url);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop(), recorder?.stop()]);
  });

  const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 1, minute)).toISOString();

  it('returned twice and resubmitted twice: rounds 1 and 2, every material version kept, reasons and timeline shown', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const id = await client.submitted(token, applicationBody(code));

    // Nothing to resubmit yet, and materials are frozen while the case is with review.
    expect((await client.resubmit(token, id)).status).toBe(409);
    expect((await client.upload(token, id, 'sites')).status).toBe(409);

    for (const e of [
      stageChanged(id, undefined, 'SUBMITTED', at(0), 'open'),
      stageChanged(id, 'SUBMITTED', 'ACCEPTED', at(1), 'accept'),
      stageChanged(id, 'ACCEPTED', 'EXPERT_GROUP_REQUESTED', at(2), 'request-experts'),
      stageChanged(id, 'EXPERT_GROUP_REQUESTED', 'GROUP_FORMED', at(3), 'group-formed'),
      stageChanged(id, 'GROUP_FORMED', 'PRELIMINARY_REVIEW', at(4), 'leader-elected'),
      stageChanged(id, 'PRELIMINARY_REVIEW', 'RETURNED', at(5), 'preliminary-fail'),
    ]) {
      await produceEvent(kafka, Events.caseStageChanged, e);
    }
    await produceEvent(kafka, Events.caseReturned, returned(id, 1, ['考评员名单缺少资格证书编号', '场地租赁合同不足一年'], at(5)));

    const firstReturn = await waitFor('the first return', async () => {
      const r = await client.get(token, id);
      return r.body.status === 'RETURNED' && r.body.caseStage === 'RETURNED' && r.body;
    });
    expect(firstReturn.returns).toEqual([
      { at: at(5), atStage: 'PRELIMINARY_REVIEW', reasons: ['考评员名单缺少资格证书编号', '场地租赁合同不足一年'], returnCount: 1 },
    ]);
    expect(firstReturn.timeline.map((t: { to: string }) => t.to)).toEqual([
      'SUBMITTED',
      'ACCEPTED',
      'EXPERT_GROUP_REQUESTED',
      'GROUP_FORMED',
      'PRELIMINARY_REVIEW',
      'RETURNED',
    ]);

    // Round 1: a new version of the materials concerned is required.
    const bare = await client.resubmit(token, id);
    expect(bare.status).toBe(422);
    expect(bare.body.message).toContain('new material version');
    expect((await client.upload(token, id, 'sites', Buffer.concat([PDF, Buffer.from('% lease 3 years\n')]))).body).toMatchObject({ version: 2, round: 1 });
    expect((await client.upload(token, id, 'assessor-list', Buffer.concat([PDF, Buffer.from('% certificates\n')]))).body).toMatchObject({
      version: 2,
      round: 1,
    });
    const round1 = await client.resubmit(token, id, { note: '已补充考评员资格证书编号和三年租赁合同' });
    expect(round1.status).toBe(200);
    expect(round1.body).toMatchObject({ status: 'RESUBMITTED', round: 1 });
    expect((await client.resubmit(token, id)).status).toBe(409);

    // Review takes it back to preliminary review and returns it again.
    await produceEvent(kafka, Events.caseStageChanged, stageChanged(id, 'RETURNED', 'PRELIMINARY_REVIEW', at(10), 'resubmitted'));
    await produceEvent(kafka, Events.caseStageChanged, stageChanged(id, 'PRELIMINARY_REVIEW', 'RETURNED', at(11), 'preliminary-fail'));
    await produceEvent(kafka, Events.caseReturned, returned(id, 2, ['场地照片不清晰'], at(11)));
    await waitFor('the second return', async () => (await client.get(token, id)).body.returnCount === 2);

    const photo = Buffer.concat([PDF, Buffer.from('% clearer photos\n')]);
    expect((await client.upload(token, id, 'sites', photo)).body).toMatchObject({ version: 3, round: 2 });
    const round2 = await client.resubmit(token, id, {}, 'resubmit-round-2');
    expect(round2.status).toBe(200);
    expect(round2.body).toMatchObject({ status: 'RESUBMITTED', round: 2 });
    // A retry of the same resubmission returns the same answer and emits nothing new.
    expect((await client.resubmit(token, id, {}, 'resubmit-round-2')).body).toEqual(round2.body);

    const events = await waitFor('two resubmitted events', () => recorder.find((m) => m.key === id).length >= 2 && recorder.find((m) => m.key === id));
    const payloads = events.map((m) => JSON.parse(m.value));
    expect(payloads.map((p) => p.round)).toEqual([1, 2]);
    expect(payloads[0].note).toBe('已补充考评员资格证书编号和三年租赁合同');
    const sitesIn = (p: { materials: { checklistItem: string; version: number }[] }) => p.materials.find((m) => m.checklistItem === 'sites')!.version;
    expect([sitesIn(payloads[0]), sitesIn(payloads[1])]).toEqual([2, 3]);
    expect(payloads[1].materials.find((m: { checklistItem: string }) => m.checklistItem === 'assessor-list').version).toBe(2);

    // History is kept: every version listed, and the first one still downloads byte for byte.
    const materials = await client.request(token, 'GET', `/applications/${id}/materials`);
    const sites = materials.body.find((i: { item: string }) => i.item === 'sites');
    expect(sites.versions.map((v: { version: number; round: number }) => [v.version, v.round])).toEqual([
      [3, 2],
      [2, 1],
      [1, 0],
    ]);
    const v1 = await fetch(`${intake.url}/applications/${id}/materials/${sites.versions[2].materialId}/content`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(Buffer.from(await v1.arrayBuffer()).equals(PDF)).toBe(true);

    const detail = (await client.get(token, id)).body;
    expect(detail.returns.map((r: { returnCount: number }) => r.returnCount)).toEqual([1, 2]);
    expect(detail.materials.find((m: { checklistItem: string }) => m.checklistItem === 'sites').version).toBe(3);
  });

  it('approval and the filing notice reach the applicant; the filed institution may then add occupations', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const id = await client.submitted(token, applicationBody(code));
    await produceEvent(kafka, Events.caseStageChanged, stageChanged(id, 'APPROVAL', 'PUBLIC_NOTICE', at(20), 'approve'));
    await produceEvent(kafka, Events.caseApproved, approved(id, code, at(20)));
    await waitFor('approval', async () => (await client.get(token, id)).body.status === 'APPROVED');

    // Not filed yet: add-occupation is refused.
    const early = await client.create(token, applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2026〕7号' }));
    expect(early.status).toBe(422);

    await produceEvent(kafka, Events.filingIssued, filingIssued(id, code, '吉人社备〔2026〕7号', at(30)));
    const filed = await waitFor('the filing notice', async () => {
      const r = await client.get(token, id);
      return r.body.status === 'FILED' && r.body;
    });
    expect(filed.filing).toMatchObject({ noticeNumber: '吉人社备〔2026〕7号', issuingAuthority: '吉林省人力资源和社会保障厅' });
    expect(filed.outcome).toMatchObject({ kind: 'filing-issued', to: 'FILING_NOTICE_ISSUED' });

    const wrongNumber = await client.create(token, applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2026〕8号' }));
    expect(wrongNumber.status).toBe(422);
    expect(wrongNumber.body.message).toContain('吉人社备〔2026〕7号');
    const missingNumber = await client.create(token, applicationBody(code, { applicationKind: 'add-occupation' }));
    expect(missingNumber.status).toBe(400);

    const welder = { code: '6-18-02-04', name: '焊工', levels: [5, 4], basis: 'national-standard' };
    const add = await client.create(
      token,
      applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2026〕7号', occupations: [welder] }),
    );
    expect(add.status).toBe(201);
    const items = (add.body.checklist as { item: string }[]).map((i) => i.item);
    expect(items).not.toContain('business-licence');
    expect(items).toContain('question-banks');
    const addId = await client.submitted(
      token,
      applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2026〕7号', occupations: [welder] }),
    );
    expect((await client.get(token, addId)).body).toMatchObject({
      status: 'SUBMITTED',
      applicationKind: 'add-occupation',
      existingFilingNumber: '吉人社备〔2026〕7号',
    });
  });

  it('add-occupation accepts the 备案编号 as well as the 备案通知文号; a wrong number lists both numbers of each filing', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const id = await client.submitted(token, applicationBody(code));
    await produceEvent(kafka, Events.filingIssued, filingIssued(id, code, '吉人社备〔2026〕17号', at(31), undefined, { filingNumber: '220000-2026-0017' }));
    const filed = await waitFor('the filing notice', async () => {
      const r = await client.get(token, id);
      return r.body.status === 'FILED' && r.body;
    });
    expect(filed.filing).toMatchObject({ noticeNumber: '吉人社备〔2026〕17号', filingNumber: '220000-2026-0017' });

    const welder = { code: '6-18-02-04', name: '焊工', levels: [5, 4], basis: 'national-standard' };
    const byFilingNumber = await client.submitted(
      token,
      applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '220000-2026-0017', occupations: [welder] }),
    );
    expect((await client.get(token, byFilingNumber)).body).toMatchObject({
      status: 'SUBMITTED',
      applicationKind: 'add-occupation',
      existingFilingNumber: '220000-2026-0017',
    });
    const byNoticeNumber = await client.create(
      token,
      applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2026〕17号', occupations: [welder] }),
    );
    expect(byNoticeNumber.status).toBe(201);

    const wrong = await client.create(
      token,
      applicationBody(code, { applicationKind: 'add-occupation', existingFilingNumber: '220000-2026-0018', occupations: [welder] }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toContain('备案通知文号 吉人社备〔2026〕17号 / 备案编号 220000-2026-0017');
  });

  it('a rejection ends the application with its reason; it cannot be resubmitted', async () => {
    const code = freshCreditCode();
    const token = await applicantToken(code);
    const id = await client.submitted(token, applicationBody(code));
    await produceEvent(kafka, Events.caseRejected, rejected(id, at(40)));
    const ended = await waitFor('the rejection', async () => {
      const r = await client.get(token, id);
      return r.body.status === 'REJECTED' && r.body;
    });
    expect(ended.outcome).toMatchObject({ kind: 'rejected', to: 'CLOSED', reason: '不予受理：材料不属于本级受理范围' });
    // A late return changes nothing.
    await produceEvent(kafka, Events.caseReturned, returned(id, 1, ['迟到的退回'], at(41)));
    await produceEvent(kafka, Events.caseStageChanged, stageChanged(id, 'SUBMITTED', 'CLOSED', at(40), 'not-accept'));
    await waitFor('the late events', async () => (await client.get(token, id)).body.caseStage === 'CLOSED');
    const after = (await client.get(token, id)).body;
    expect(after.status).toBe('REJECTED');
    expect((await client.resubmit(token, id)).status).toBe(409);
    expect((await client.get(await staffToken('center-staff', '220100'), id)).body.outcome.reason).toContain('不予受理');
  });
});
