import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Kafka } from 'kafkajs';
import { dltOf, Events, Headers } from '@filing/contracts';
import { produceEvent, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { call, electLeader, formGroup, institution, lathe, opinion, submit, token, waitForStage, welder } from './review.fixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The review service as it is deployed: a province instance (220000, which also serves every city without its own
 * instance) and Changchun's own instance (220100), each a real process with its own schema and consumer group, real
 * Kafka and PostgreSQL. Events of expert-pool, assessment, publication and intake are produced by the test onto the
 * real topics with the contract classes.
 */
describe('review: tiered review with a federated city instance', () => {
  let province: ServiceProcess;
  let changchun: ServiceProcess;
  let kafka: Kafka;
  let recorder: TopicRecorder;

  const reviewTopics = [
    Events.caseStageChanged.topic,
    Events.expertGroupRequested.topic,
    Events.recheckRequested.topic,
    Events.recheckDecided.topic,
    Events.caseReturned.topic,
    Events.caseApproved.topic,
    Events.caseRejected.topic,
    Events.reviewNotificationRequested.topic,
    dltOf(Events.groupFormed.topic),
    dltOf(Events.groupLeaderElected.topic),
  ];
  const published = (topic: string, caseId: string) => recorder.find((m) => m.topic === topic && m.key === caseId).map((m) => JSON.parse(m.value));

  beforeAll(async () => {
    const common = { EVENT_RETRY_BACKOFF_MS: '50', EVENT_MAX_ATTEMPTS: '3' };
    [province, changchun] = await Promise.all([
      startServiceProcess({ service: 'review', name: 'review-220000', env: { ...common, REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' } }),
      startServiceProcess({ service: 'review', name: 'review-220100', env: { ...common, REVIEW_JURISDICTION: '220100' } }),
    ]);
    kafka = testKafka();
    recorder = await new TopicRecorder(kafka, reviewTopics).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await Promise.all([province?.stop(), changchun?.stop()]);
  });

  it('takes a Changchun enterprise case through its city instance and both provincial re-check gates to approval', async () => {
    const cityStaff = await token('center-staff', '220100');
    const provinceStaff = await token('center-staff', '220000');
    const cityApprover = await token('approver', '220100');
    const applicantInst = institution('employer', '长春一汽模具制造有限公司');
    const id = await submit(kafka, '220100', applicantInst, [lathe, welder]);

    const opened = await waitForStage(changchun, id, 'SUBMITTED', cityStaff);
    expect(opened).toMatchObject({ jurisdiction: '220100', level: 'city', myActions: ['accept', 'not-accept'] });
    expect(opened.institution.contact.phone).toBe('13904311234'); // the centre handling the case may call the applicant

    expect((await call(changchun, 'POST', `/cases/${id}/accept`, cityStaff, {})).body).toMatchObject({ stage: 'ACCEPTED' });

    const badSize = await call(changchun, 'POST', `/cases/${id}/expert-request`, cityStaff, { workPlan: '方案', groupSize: 4, reserves: 2 });
    expect(badSize.status).toBe(400);
    expect(JSON.stringify(badSize.body.message)).toContain('odd');
    const foreign = await call(changchun, 'POST', `/cases/${id}/expert-request`, cityStaff, {
      workPlan: '方案',
      groupSize: 5,
      reserves: 2,
      occupationCodes: ['4-07-05-02'],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContain('4-07-05-02');
    const requested = await call(changchun, 'POST', `/cases/${id}/expert-request`, cityStaff, {
      workPlan: '技术评估工作方案：材料审查、现场评估、综合评审',
      groupSize: 5,
      reserves: 2,
      maxPerEmployer: 1,
    });
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({
      stage: 'EXPERT_GROUP_REQUESTED',
      expertRequest: { occupationCodes: [lathe.code, welder.code], databaseLevel: '220100' },
    });
    const request = await waitFor('expert-group requested', () => published(Events.expertGroupRequested.topic, id)[0]);
    expect(request).toMatchObject({
      jurisdiction: '220100',
      databaseLevel: '220100',
      applicant: { creditCode: applicantInst.creditCode, kind: 'employer' },
      groupSize: 5,
      reserves: 2,
      maxPerEmployer: 1,
    });

    const { groupId, leader } = await formGroup(kafka, id, '220100');
    await waitForStage(changchun, id, 'GROUP_FORMED', cityStaff);
    await electLeader(kafka, id, '220100', groupId, leader);
    await waitForStage(changchun, id, 'PRELIMINARY_REVIEW', cityStaff);

    // Gate 1: the preliminary opinion goes to the province's re-check queue.
    await opinion(kafka, id, '220100', 'preliminary', 'pass', leader);
    await waitForStage(changchun, id, 'PROVINCIAL_RECHECK_PRELIMINARY', cityStaff);
    const queued = await waitFor('the preliminary re-check in the province queue', async () => {
      const r = await call(province, 'GET', '/queue', provinceStaff);
      return r.body.rechecks?.find((x: any) => x.caseId === id);
    });
    expect(queued).toMatchObject({
      gate: 'preliminary',
      jurisdiction: '220100',
      status: 'pending',
      opinion: { result: 'pass' },
      allowedActions: ['pass', 'fail'],
    });
    expect(queued.institution.contact.phone).toBe('139****1234'); // the province has no need to call the applicant
    expect(queued.deadline).toMatchObject({ limitWorkingDays: 10, overdue: false });

    // The province keeps no copy of the city case.
    expect((await call(province, 'GET', `/cases/${id}`, provinceStaff)).status).toBe(404);
    // A Changchun reviewer cannot decide a provincial re-check.
    expect((await call(province, 'POST', `/rechecks/${queued.id}/decision`, cityStaff, { decision: 'pass', reason: 'x' })).status).toBe(403);

    const decided = await call(province, 'POST', `/rechecks/${queued.id}/decision`, provinceStaff, { decision: 'pass', reason: '初评意见复核通过' });
    expect(decided).toMatchObject({ status: 200, body: { decision: 'pass', status: 'decided' } });
    const twice = await call(province, 'POST', `/rechecks/${queued.id}/decision`, provinceStaff, { decision: 'fail', reason: 'changed my mind' });
    expect(twice.status).toBe(409);
    await waitForStage(changchun, id, 'ONSITE_EVALUATION', cityStaff);

    await opinion(kafka, id, '220100', 'technical', 'pass', leader, 84);
    await waitForStage(changchun, id, 'COMPREHENSIVE_REVIEW', cityStaff);

    // Gate 2: the comprehensive opinion.
    await opinion(kafka, id, '220100', 'comprehensive', 'pass', leader, 86.4);
    await waitForStage(changchun, id, 'PROVINCIAL_RECHECK_COMPREHENSIVE', cityStaff);
    const second = await waitFor('the comprehensive re-check in the province queue', async () => {
      const r = await call(province, 'GET', '/rechecks', provinceStaff);
      return r.body.items.find((x: any) => x.caseId === id && x.gate === 'comprehensive');
    });
    expect(second.opinion).toMatchObject({ result: 'pass', total: 86.4 });
    expect(
      (await call(province, 'POST', `/rechecks/${second.id}/decision`, provinceStaff, { decision: 'pass', reason: '综合技术评估意见复核通过' })).status,
    ).toBe(200);
    await waitForStage(changchun, id, 'APPROVAL', cityStaff);

    // 审定 by the Changchun HRSS bureau: the case waits in its approver's queue.
    const approverQueue = await call(changchun, 'GET', '/queue', cityApprover);
    const waiting = approverQueue.body.waiting.find((c: any) => c.id === id);
    expect(waiting).toMatchObject({ stage: 'APPROVAL', myActions: ['approve', 'not-approve'], deadline: { overdue: false } });
    expect(waiting.institution.contact.phone).toBe('139****1234');
    const approved = await call(changchun, 'POST', `/cases/${id}/approve`, cityApprover, { note: '同意备案' });
    expect(approved).toMatchObject({ status: 200, body: { stage: 'PUBLIC_NOTICE', approval: { approvalBody: 'local-hrss-bureau' } } });
    const approvedEvent = await waitFor('case approved', () => published(Events.caseApproved.topic, id)[0]);
    expect(approvedEvent).toMatchObject({
      jurisdiction: '220100',
      approvalBody: 'local-hrss-bureau',
      score: 86.4,
      institution: { creditCode: applicantInst.creditCode },
    });

    // Publication closes the notice and the province issues the filing notice.
    await produceEvent(kafka, Events.noticeClosed, {
      caseId: id,
      jurisdiction: '220100',
      noticeId: randomUUID(),
      outcome: 'no-objection',
      remainingOccupations: [lathe, welder],
      closedAt: new Date().toISOString(),
    });
    await waitForStage(changchun, id, 'FILING_NOTICE_REQUESTED', cityStaff);
    await produceEvent(kafka, Events.filingIssued, {
      filingId: randomUUID(),
      sequence: 1,
      caseId: id,
      applicationKind: 'new-filing',
      noticeNumber: '吉人社备〔2026〕12号',
      noticeDate: '2026-11-26',
      issuingAuthority: '吉林省人力资源和社会保障厅',
      institution: {
        name: applicantInst.name,
        creditCode: applicantInst.creditCode,
        kind: 'employer',
        province: '220000',
        jurisdiction: '220100',
        jurisdictionName: '长春市',
        scope: 'own-employees',
        contact: { person: '李红', phone: '13904311234', address: applicantInst.address },
      },
      occupations: [lathe, welder],
      status: 'valid',
      issuedAt: new Date().toISOString(),
    });
    const done = await waitForStage(changchun, id, 'FILING_NOTICE_ISSUED', cityStaff);
    expect(done.history.map((h: any) => h.action)).toEqual([
      'open',
      'accept',
      'request-experts',
      'group-formed',
      'leader-elected',
      'preliminary-opinion',
      'recheck-pass',
      'technical-opinion',
      'comprehensive-pass',
      'recheck-pass',
      'approve',
      'notice-passed',
      'filing-issued',
    ]);
    // Every transition was published for intake's timeline, in order.
    const stages = await waitFor('all stage changes published', () => {
      const s = published(Events.caseStageChanged.topic, id);
      return s.length === 13 ? s : undefined;
    });
    expect(stages.map((s: any) => s.to)).toEqual(done.history.map((h: any) => h.to));
    expect(published(Events.recheckRequested.topic, id).map((r: any) => r.gate)).toEqual(['preliminary', 'comprehensive']);
    expect(published(Events.recheckDecided.topic, id).map((r: any) => `${r.gate}:${r.decision}`)).toEqual(['preliminary:pass', 'comprehensive:pass']);
    // Each queue the case entered was told, by role, by the instance that holds the queue (two instances write the topic).
    const told = await waitFor('every queue told', () => {
      const n = recorder.find((m) => m.topic === Events.reviewNotificationRequested.topic && m.key === id);
      return n.length === 6 ? n : undefined;
    });
    expect(
      told
        .map((m) => {
          const r = JSON.parse(m.value);
          return `${m.headers[Headers.source]} ${r.kind} ${r.recipient.id} ${r.params.stage ?? r.params.gate}${r.params.decision ? `:${r.params.decision}` : ''}`;
        })
        .sort(),
    ).toEqual(
      [
        '/services/review/220100 case-in-queue role:center-staff@220100 SUBMITTED',
        '/services/review/220000 recheck-queued role:center-staff@220000 preliminary',
        '/services/review/220000 recheck-decided role:center-staff@220100 preliminary:pass',
        '/services/review/220000 recheck-queued role:center-staff@220000 comprehensive',
        '/services/review/220000 recheck-decided role:center-staff@220100 comprehensive:pass',
        '/services/review/220100 case-in-queue role:approver@220100 APPROVAL',
      ].sort(),
    );
    expect(told.every((m) => !/email|mobile/.test(m.value))).toBe(true);

    // The applicant reads its own case; another applicant cannot.
    const applicant = await token('applicant', '220100', { creditCode: applicantInst.creditCode });
    expect((await call(changchun, 'GET', `/cases/${id}`, applicant)).status).toBe(200);
    const own = (await call(changchun, 'GET', '/queue', applicant)).body.ownCases;
    expect(own.map((c: any) => c.id)).toEqual([id]);
    expect(own[0]).toMatchObject({ stage: 'FILING_NOTICE_ISSUED', myActions: [] });
    const stranger = await token('applicant', '220100', { creditCode: institution('employer', 'x').creditCode });
    expect((await call(changchun, 'GET', `/cases/${id}`, stranger)).status).toBe(404);
  });

  it('takes a province-level 社评组织 case straight to the 厅长办公会, which must record its meeting reference', async () => {
    const staff = await token('center-staff', '220000');
    const approver = await token('approver', '220000');
    const id = await submit(kafka, '220000', institution('social-org', '吉林省职业技能培训评价协会', '51220000'));
    await waitForStage(province, id, 'SUBMITTED', staff);
    expect((await call(province, 'POST', `/cases/${id}/accept`, staff, {})).status).toBe(200);
    expect((await call(province, 'POST', `/cases/${id}/expert-request`, staff, { workPlan: '方案', groupSize: 3, reserves: 1 })).status).toBe(200);
    const { groupId, leader } = await formGroup(kafka, id, '220000');
    await waitForStage(province, id, 'GROUP_FORMED', staff);
    await electLeader(kafka, id, '220000', groupId, leader);
    await waitForStage(province, id, 'PRELIMINARY_REVIEW', staff);
    // No provincial re-check gate for a province case.
    await opinion(kafka, id, '220000', 'preliminary', 'pass', leader);
    await waitForStage(province, id, 'ONSITE_EVALUATION', staff);
    await opinion(kafka, id, '220000', 'technical', 'pass', leader, 80);
    await waitForStage(province, id, 'COMPREHENSIVE_REVIEW', staff);
    await opinion(kafka, id, '220000', 'comprehensive', 'pass', leader, 81);
    await waitForStage(province, id, 'APPROVAL', staff);

    // Centre staff cannot approve; the approver must name the 厅长办公会 meeting.
    expect((await call(province, 'POST', `/cases/${id}/approve`, staff, { meetingReference: 'x' })).status).toBe(403);
    const missing = await call(province, 'POST', `/cases/${id}/approve`, approver, {});
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('meetingReference');
    expect((await call(province, 'GET', `/cases/${id}`, staff)).body.stage).toBe('APPROVAL');
    const ok = await call(province, 'POST', `/cases/${id}/approve`, approver, { meetingReference: '厅长办公会〔2026〕第 23 次' });
    expect(ok.body).toMatchObject({
      stage: 'PUBLIC_NOTICE',
      approval: { approvalBody: 'director-office-meeting', meetingReference: '厅长办公会〔2026〕第 23 次' },
    });
    const event = await waitFor('case approved', () => published(Events.caseApproved.topic, id)[0]);
    expect(event).toMatchObject({ jurisdiction: '220000', approvalBody: 'director-office-meeting', meetingReference: '厅长办公会〔2026〕第 23 次', score: 81 });
    expect(published(Events.recheckRequested.topic, id)).toEqual([]);
  });

  it('returns a case twice and resumes after each resubmission, keeping the history', async () => {
    const cityStaff = await token('center-staff', '220100');
    const provinceStaff = await token('center-staff', '220000');
    const id = await submit(kafka, '220100', institution('employer', '长春轨道客车装备有限公司'));
    await waitForStage(changchun, id, 'SUBMITTED', cityStaff);
    await call(changchun, 'POST', `/cases/${id}/accept`, cityStaff, {});
    await call(changchun, 'POST', `/cases/${id}/expert-request`, cityStaff, { workPlan: '方案', groupSize: 3, reserves: 0 });
    const { groupId, leader } = await formGroup(kafka, id, '220100');
    await waitForStage(changchun, id, 'GROUP_FORMED', cityStaff);
    await electLeader(kafka, id, '220100', groupId, leader);
    await waitForStage(changchun, id, 'PRELIMINARY_REVIEW', cityStaff);

    for (const round of [1, 2]) {
      await opinion(kafka, id, '220100', 'preliminary', 'fail', leader);
      await waitForStage(changchun, id, 'PROVINCIAL_RECHECK_PRELIMINARY', cityStaff);
      const r = await waitFor(`re-check round ${round}`, async () => {
        const q = await call(province, 'GET', '/rechecks', provinceStaff);
        return q.body.items.find((x: any) => x.caseId === id);
      });
      expect(
        (await call(province, 'POST', `/rechecks/${r.id}/decision`, provinceStaff, { decision: 'fail', reason: `第${round}次：材料不全，缺考评员名册` }))
          .status,
      ).toBe(200);
      const returned = await waitForStage(changchun, id, 'RETURNED', cityStaff);
      expect(returned).toMatchObject({ returnCount: round, lastReason: `第${round}次：材料不全，缺考评员名册` });
      const ev = await waitFor('case returned', () => published(Events.caseReturned.topic, id).find((e: any) => e.returnCount === round));
      expect(ev).toMatchObject({ atStage: 'PROVINCIAL_RECHECK_PRELIMINARY', reasons: [`第${round}次：材料不全，缺考评员名册`] });
      await produceEvent(kafka, Events.applicationResubmitted, {
        caseId: id,
        round,
        materials: [
          {
            materialId: randomUUID(),
            checklistItem: 'assessor-roster',
            fileName: `roster-v${round + 1}.pdf`,
            contentType: 'application/pdf',
            size: 1000,
            sha256: 'b'.repeat(64),
            version: round + 1,
          },
        ],
        resubmittedAt: new Date().toISOString(),
      });
      const resumed = await waitForStage(changchun, id, 'PRELIMINARY_REVIEW', cityStaff);
      expect(resumed).toMatchObject({ resubmissionRound: round, expertGroup: { groupId } });
    }
    const final = (await call(changchun, 'GET', `/cases/${id}`, cityStaff)).body;
    const actions = final.history.map((h: any) => h.action);
    expect(actions.slice(-6)).toEqual(['preliminary-opinion', 'recheck-fail', 'resubmit', 'preliminary-opinion', 'recheck-fail', 'resubmit']);
    expect(final.history.filter((h: any) => h.action === 'recheck-fail').map((h: any) => h.reason)).toEqual([
      '第1次：材料不全，缺考评员名册',
      '第2次：材料不全，缺考评员名册',
    ]);
    expect(final.history.filter((h: any) => h.action === 'resubmit').map((h: any) => h.details.round)).toEqual([1, 2]);
  });

  it('refuses an illegal step with 409 naming the stage and the allowed steps, and changes nothing', async () => {
    const staff = await token('center-staff', '220100');
    const approver = await token('approver', '220100');
    const id = await submit(kafka, '220100', institution('employer', '长春光机仪器有限公司'));
    const before = await waitForStage(changchun, id, 'SUBMITTED', staff);

    const illegal = await call(changchun, 'POST', `/cases/${id}/approve`, approver, {});
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({
      currentStage: 'SUBMITTED',
      allowedActions: [
        { action: 'accept', to: 'ACCEPTED', by: 'center-staff' },
        { action: 'not-accept', to: 'CLOSED', by: 'center-staff' },
      ],
    });
    expect(illegal.body.message).toContain('SUBMITTED');
    const skip = await call(changchun, 'POST', `/cases/${id}/expert-request`, staff, { workPlan: '方案', groupSize: 3, reserves: 0 });
    expect(skip).toMatchObject({ status: 409, body: { currentStage: 'SUBMITTED' } });
    const after = (await call(changchun, 'GET', `/cases/${id}`, staff)).body;
    expect(after).toMatchObject({ stage: 'SUBMITTED', version: before.version, history: before.history });

    // Two accepts at once: the version column lets exactly one through.
    const both = await Promise.all([1, 2].map(() => call(changchun, 'POST', `/cases/${id}/accept`, staff, {})));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const accepted = (await call(changchun, 'GET', `/cases/${id}`, staff)).body;
    expect(accepted.history.filter((h: any) => h.action === 'accept')).toHaveLength(1);

    // Not accepting needs a reason, and closes the case with review.case.rejected.v1.
    const other = await submit(kafka, '220100', institution('employer', '长春某材料不符单位'));
    await waitForStage(changchun, other, 'SUBMITTED', staff);
    expect((await call(changchun, 'POST', `/cases/${other}/not-accept`, staff, {})).status).toBe(400);
    expect((await call(changchun, 'POST', `/cases/${other}/not-accept`, staff, { reason: '不属于本级受理范围' })).body).toMatchObject({ stage: 'CLOSED' });
    expect(await waitFor('case rejected', () => published(Events.caseRejected.topic, other)[0])).toMatchObject({
      atStage: 'SUBMITTED',
      finalStage: 'CLOSED',
      reason: '不属于本级受理范围',
    });
  });

  it('keeps a Changchun reviewer off a Jilin City case, which the province instance serves for Jilin City', async () => {
    const changchunStaff = await token('center-staff', '220100');
    const jilinStaff = await token('center-staff', '220200');
    const id = await submit(kafka, '220200', institution('employer', '吉林化纤集团有限责任公司', '91220201'));
    // Jilin City has no instance of its own: the province instance keeps its cases.
    await waitForStage(province, id, 'SUBMITTED', jilinStaff);
    expect((await call(province, 'GET', `/cases/${id}`, changchunStaff)).status).toBe(404);
    expect((await call(province, 'POST', `/cases/${id}/accept`, changchunStaff, {})).status).toBe(404);
    expect((await call(changchun, 'GET', `/cases/${id}`, changchunStaff)).status).toBe(404);
    const queue = await call(province, 'GET', '/queue', changchunStaff);
    expect(JSON.stringify(queue.body)).not.toContain(id);
    // Jilin City's own staff act on it at the province instance, and see it in their queue.
    const jilinQueue = await call(province, 'GET', '/queue', jilinStaff);
    expect(jilinQueue.body.waiting.map((c: any) => c.id)).toContain(id);
    expect((await call(province, 'POST', `/cases/${id}/accept`, jilinStaff, {})).body).toMatchObject({ stage: 'ACCEPTED' });
    expect((await call(province, 'GET', `/cases/${id}`, changchunStaff)).status).toBe(404);
  });

  it('applies a consumed event delivered twice only once', async () => {
    const staff = await token('center-staff', '220100');
    const id = await submit(kafka, '220100', institution('employer', '长春重复投递测试有限公司'));
    await waitForStage(changchun, id, 'SUBMITTED', staff);
    await call(changchun, 'POST', `/cases/${id}/accept`, staff, {});
    await call(changchun, 'POST', `/cases/${id}/expert-request`, staff, { workPlan: '方案', groupSize: 3, reserves: 0 });
    const { groupId, leader } = await formGroup(kafka, id, '220100');
    await waitForStage(changchun, id, 'GROUP_FORMED', staff);
    const eventId = randomUUID();
    await electLeader(kafka, id, '220100', groupId, leader, eventId);
    await electLeader(kafka, id, '220100', groupId, leader, eventId);
    await waitForStage(changchun, id, 'PRELIMINARY_REVIEW', staff);
    // A later event on the same partition proves both copies were consumed before we look.
    await opinion(kafka, id, '220100', 'preliminary', 'pass', leader);
    const c = await waitForStage(changchun, id, 'PROVINCIAL_RECHECK_PRELIMINARY', staff);
    expect(c.history.filter((h: any) => h.action === 'leader-elected')).toHaveLength(1);
    await waitFor('stage changes', () => published(Events.caseStageChanged.topic, id).some((s: any) => s.to === 'PROVINCIAL_RECHECK_PRELIMINARY'));
    expect(published(Events.caseStageChanged.topic, id).filter((s: any) => s.action === 'leader-elected')).toHaveLength(1);
    // Nothing of it went to the dead-letter topic.
    expect(recorder.find((m) => m.topic === dltOf(Events.groupLeaderElected.topic) && m.key === id)).toEqual([]);
  });

  it('dead-letters an event whose handler fails, leaving the case unchanged', async () => {
    const staff = await token('center-staff', '220100');
    // The leader of a group that was never formed: the step is illegal at SUBMITTED, retried, then dead-lettered.
    const id = await submit(kafka, '220100', institution('employer', '长春乱序事件测试有限公司'));
    const before = await waitForStage(changchun, id, 'SUBMITTED', staff);
    await electLeader(kafka, id, '220100', randomUUID(), 'expert-x');
    const dead = await waitFor('leader-elected on the DLT', () => recorder.find((m) => m.topic === dltOf(Events.groupLeaderElected.topic) && m.key === id)[0]);
    expect(dead.headers).toMatchObject({ 'dlt-error-kind': 'handler-failed', 'dlt-consumer-group': 'review-220100', 'dlt-attempts': '3' });
    expect(dead.headers['dlt-error']).toContain('SUBMITTED');
    const after = (await call(changchun, 'GET', `/cases/${id}`, staff)).body;
    expect(after).toMatchObject({ stage: 'SUBMITTED', version: before.version });
    expect(after.history).toHaveLength(1);

    // A group formed for a Changchun case this instance never opened cannot ever be processed: dead-lettered at once.
    const unknown = randomUUID();
    await formGroup(kafka, unknown, '220100');
    const dead2 = await waitFor('group-formed on the DLT', () => recorder.find((m) => m.topic === dltOf(Events.groupFormed.topic) && m.key === unknown)[0]);
    expect(dead2.headers).toMatchObject({ 'dlt-error-kind': 'unprocessable', 'dlt-attempts': '1' });
  });

  it('verifies the audit chain, and names the first broken entry after one row is edited in the database', async () => {
    const admin = await token('admin', '220000');
    const staff = await token('center-staff', '220100');
    expect((await call(changchun, 'GET', '/audit/verify', staff)).status).toBe(403);
    const ok = await call(changchun, 'GET', '/audit/verify', admin);
    expect(ok.body).toMatchObject({ ok: true, schema: 'review_220100' });
    expect(ok.body.entries).toBeGreaterThan(20);
    const run = (schema: string) =>
      promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'services/review/src/audit/verify-audit.cli.ts', '--schema', schema], {
        cwd: ROOT,
        env: process.env,
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const good = await run('review_220100');
    expect(good).toMatchObject({ code: 0, out: expect.stringContaining('OK') });

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const target = Math.floor(ok.body.entries / 2);
      const { rows } = await db.query(`UPDATE review_220100.audit_log SET reason = 'edited afterwards' WHERE seq = $1 RETURNING id`, [target]);
      const bad = await run('review_220100');
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`seq=${target} id=${rows[0].id}`);
      const verdict = (await call(changchun, 'GET', '/audit/verify', admin)).body;
      expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: target, id: rows[0].id } });
      // The province instance's chain is separate and still holds.
      expect((await run('review_220000')).code).toBe(0);
    } finally {
      await db.end();
    }
  });
});
