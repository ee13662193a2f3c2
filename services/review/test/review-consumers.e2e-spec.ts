import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { dltOf, EventDefinition, Events } from '@filing/contracts';
import { produceEvent, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { call, institution, lathe, submit, token, waitForStage } from './review.fixtures';

/**
 * Every consumer of the review service: an event delivered twice has one effect, and an event its handler cannot
 * process ends on the topic's DLT without changing anything. Plus the time limits (督办) on the work queue, against
 * a controllable clock.
 */
describe('review consumers: redelivery, dead letters, deadlines', () => {
  let province: ServiceProcess;
  let changchun: ServiceProcess;
  let kafka: Kafka;
  let recorder: TopicRecorder;

  const consumed: EventDefinition<any>[] = [
    Events.applicationSubmitted,
    Events.applicationResubmitted,
    Events.groupFormed,
    Events.groupMemberReplaced,
    Events.groupLeaderElected,
    Events.opinionSubmitted,
    Events.recheckRequested,
    Events.recheckDecided,
    Events.noticeClosed,
    Events.filingIssued,
    Events.noticeOpened,
    Events.objectionReceived,
    Events.objectionResolved,
    Events.drawSeedRevealed,
  ];

  beforeAll(async () => {
    const common = { EVENT_RETRY_BACKOFF_MS: '50', EVENT_MAX_ATTEMPTS: '3', CLOCK_MODE: 'controllable' };
    [province, changchun] = await Promise.all([
      startServiceProcess({ service: 'review', name: 'review-220000', env: { ...common, REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' } }),
      startServiceProcess({ service: 'review', name: 'review-220100', env: { ...common, REVIEW_JURISDICTION: '220100', REVIEW_STAGE_LIMITS: '{"ACCEPT": 3}' } }),
    ]);
    kafka = testKafka();
    recorder = await new TopicRecorder(kafka, [Events.caseStageChanged.topic, ...consumed.map((d) => dltOf(d.topic))]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await Promise.all([province?.stop(), changchun?.stop()]);
  });

  /** Produces an event twice with the same CloudEvents id, as an at-least-once redelivery would. */
  async function twice<P extends object>(def: EventDefinition<P>, payload: P): Promise<void> {
    const id = randomUUID();
    await produceEvent(kafka, def, payload, { id });
    await produceEvent(kafka, def, payload, { id });
  }

  /** Events on different topics have no order between them: wait for one to land before producing the next. */
  async function recorded(svc: ServiceProcess, caseId: string, action: string, bearer: string): Promise<void> {
    await waitFor(`${action} recorded on ${caseId}`, async () => (await call(svc, 'GET', `/cases/${caseId}`, bearer)).body.history?.some((h: any) => h.action === action));
  }

  it('applies every consumed event once when it is delivered twice', async () => {
    const staff = await token('center-staff', '220100');
    const provinceStaff = await token('center-staff', '220000');
    const inst = institution('employer', '长春重复投递全流程有限公司');
    const id = randomUUID();
    const now = () => new Date().toISOString();
    await twice(Events.applicationSubmitted, { caseId: id, applicationKind: 'new-filing', jurisdiction: '220100', institution: inst, occupations: [lathe], materials: [], submittedAt: now() });
    await waitForStage(changchun, id, 'SUBMITTED', staff);
    await call(changchun, 'POST', `/cases/${id}/accept`, staff, {});
    await call(changchun, 'POST', `/cases/${id}/expert-request`, staff, { workPlan: '方案', groupSize: 3, reserves: 1 });
    const groupId = randomUUID();
    const members = ['e1', 'e2', 'e3'].map((e) => ({ expertId: `${e}-${id.slice(0, 8)}`, name: e, occupationCodes: [lathe.code] }));
    const leader = members[0].expertId;
    await twice(Events.groupFormed, { caseId: id, jurisdiction: '220100', groupId, drawId: randomUUID(), databaseLevel: '220100', members, reserveCount: 1, commitment: 'c'.repeat(64), formedAt: now() });
    await waitForStage(changchun, id, 'GROUP_FORMED', staff);
    await twice(Events.groupMemberReplaced, {
      caseId: id,
      jurisdiction: '220100',
      groupId,
      replacedExpertId: members[2].expertId,
      replacement: { expertId: `r1-${id.slice(0, 8)}`, name: 'r1', occupationCodes: [lathe.code] },
      cause: 'declined',
      reason: '时间冲突',
      replacedAt: now(),
    });
    await recorded(changchun, id, 'member-replaced', staff);
    await twice(Events.groupLeaderElected, { caseId: id, jurisdiction: '220100', groupId, leaderExpertId: leader, votes: 3, voters: 3, electedAt: now() });
    await waitForStage(changchun, id, 'PRELIMINARY_REVIEW', staff);
    const opinion = (kind: 'preliminary' | 'technical' | 'comprehensive', result: 'pass' | 'fail') =>
      twice(Events.opinionSubmitted, { caseId: id, jurisdiction: '220100', opinionId: randomUUID(), kind, result, summary: `${kind} ${result}`, total: 80, leaderExpertId: leader, submittedAt: now() });
    const queued = (n: number) =>
      waitFor(`${n} re-check request(s) queued at the province`, async () => {
        const all = (await call(province, 'GET', '/rechecks?status=all', provinceStaff)).body.items.filter((x: any) => x.caseId === id);
        return all.length >= n ? all : undefined;
      });
    // The decision is produced (twice) by the test here, standing in for the province instance.
    const decide = (gate: 'preliminary' | 'comprehensive', decision: 'pass' | 'fail') =>
      twice(Events.recheckDecided, {
        caseId: id,
        jurisdiction: '220100',
        gate,
        decision,
        reason: `${gate} ${decision}`,
        decidedBy: { subject: 'province-staff', role: 'center-staff', jurisdiction: '220000' },
        decidedAt: now(),
      });

    await opinion('preliminary', 'fail');
    await waitForStage(changchun, id, 'PROVINCIAL_RECHECK_PRELIMINARY', staff);
    await queued(1);
    await decide('preliminary', 'fail');
    await waitForStage(changchun, id, 'RETURNED', staff);
    await twice(Events.applicationResubmitted, { caseId: id, round: 1, materials: [], resubmittedAt: now() });
    await waitForStage(changchun, id, 'PRELIMINARY_REVIEW', staff);
    await opinion('preliminary', 'pass');
    await waitForStage(changchun, id, 'PROVINCIAL_RECHECK_PRELIMINARY', staff);
    await queued(2);
    await decide('preliminary', 'pass');
    await waitForStage(changchun, id, 'ONSITE_EVALUATION', staff);
    await opinion('technical', 'pass');
    await waitForStage(changchun, id, 'COMPREHENSIVE_REVIEW', staff);
    await opinion('comprehensive', 'pass');
    await waitForStage(changchun, id, 'PROVINCIAL_RECHECK_COMPREHENSIVE', staff);
    const drawId = randomUUID();
    await twice(Events.drawSeedRevealed, { caseId: id, jurisdiction: '220100', drawId, commitment: 'c'.repeat(64), seed: 'f'.repeat(64), revealedAt: now() });
    await recorded(changchun, id, 'draw-seed-revealed', staff);
    expect((await queued(3)).map((r: any) => r.gate)).toEqual(['preliminary', 'preliminary', 'comprehensive']);
    await decide('comprehensive', 'pass');
    await waitForStage(changchun, id, 'APPROVAL', staff);
    expect((await call(changchun, 'POST', `/cases/${id}/approve`, await token('approver', '220100'), {})).status).toBe(200);
    const noticeId = randomUUID();
    await twice(Events.noticeOpened, {
      caseId: id,
      jurisdiction: '220100',
      noticeId,
      startDate: '2026-11-27',
      endDate: '2026-12-03',
      workingDays: 5,
      publicationDayCounts: false,
      institution: inst,
      occupations: [lathe],
      openedAt: now(),
    });
    await recorded(changchun, id, 'notice-opened', staff);
    const objectionId = randomUUID();
    await twice(Events.objectionReceived, { caseId: id, jurisdiction: '220100', noticeId, objectionId, receiptNumber: 'YY-2026-0001', receivedAt: now() });
    const withObjection = await waitFor('the objection recorded', async () => {
      const c = (await call(changchun, 'GET', `/cases/${id}`, staff)).body;
      return c.notice?.openObjections?.length ? c : undefined;
    });
    expect(withObjection.notice).toMatchObject({ noticeId, startDate: '2026-11-27', endDate: '2026-12-03', openObjections: [objectionId] });
    await twice(Events.objectionResolved, {
      caseId: id,
      jurisdiction: '220100',
      noticeId,
      objectionId,
      outcome: 'dismissed',
      struckOccupationCodes: [],
      reason: '经核实，异议不成立',
      resolvedBy: { subject: 'staff-220100', role: 'center-staff', jurisdiction: '220100' },
      resolvedAt: now(),
    });
    await recorded(changchun, id, 'objection-resolved', staff);
    await twice(Events.noticeClosed, { caseId: id, jurisdiction: '220100', noticeId, outcome: 'no-objection', remainingOccupations: [lathe], closedAt: now() });
    await waitForStage(changchun, id, 'FILING_NOTICE_REQUESTED', staff);
    await twice(Events.filingIssued, {
      filingId: randomUUID(),
      sequence: 7,
      caseId: id,
      applicationKind: 'new-filing',
      noticeNumber: '吉人社备〔2026〕13号',
      noticeDate: '2026-11-26',
      issuingAuthority: '吉林省人力资源和社会保障厅',
      institution: {
        name: inst.name,
        creditCode: inst.creditCode,
        kind: 'employer',
        province: '220000',
        jurisdiction: '220100',
        jurisdictionName: '长春市',
        scope: 'own-employees',
        contact: { person: '李红', phone: '13904311234', address: inst.address },
      },
      occupations: [lathe],
      status: 'valid',
      issuedAt: now(),
    });
    const done = await waitForStage(changchun, id, 'FILING_NOTICE_ISSUED', staff);
    expect(done.history.map((h: any) => h.action)).toEqual([
      'open',
      'accept',
      'request-experts',
      'group-formed',
      'member-replaced',
      'leader-elected',
      'preliminary-opinion',
      'recheck-fail',
      'resubmit',
      'preliminary-opinion',
      'recheck-pass',
      'technical-opinion',
      'comprehensive-pass',
      'draw-seed-revealed',
      'recheck-pass',
      'approve',
      'notice-opened',
      'objection-received',
      'objection-resolved',
      'notice-passed',
      'filing-issued',
    ]);
    expect(done.expertGroup).toMatchObject({ groupId, size: 3 });
    expect(done.drawSeed).toMatchObject({ drawId, seed: 'f'.repeat(64) });
    expect(done.notice).toMatchObject({ openObjections: [], resolvedObjections: [{ objectionId, outcome: 'dismissed' }] });
    expect((await call(changchun, 'GET', `/cases/${id}`, staff)).body.history.filter((h: any) => h.action === 'member-replaced')).toHaveLength(1);

    // A re-check request redelivered to the province queues once.
    const other = randomUUID();
    await twice(Events.recheckRequested, {
      caseId: other,
      jurisdiction: '220300',
      gate: 'preliminary',
      applicationKind: 'new-filing',
      institution: institution('employer', '四平重复复核测试有限公司', '91220301'),
      occupations: [lathe],
      opinion: { result: 'pass', summary: '初评通过' },
      requestedBy: { subject: 'review-220000', role: 'center-staff', jurisdiction: '220300' },
      requestedAt: now(),
    });
    await queued(3);
    const forOther = await waitFor('the redelivered request queued', async () => {
      const all = (await call(province, 'GET', '/rechecks?status=all', provinceStaff)).body.items.filter((x: any) => x.caseId === other);
      return all.length ? all : undefined;
    });
    // A later event on the same partition key proves the copy was consumed before we count.
    await twice(Events.recheckRequested, {
      caseId: other,
      jurisdiction: '220300',
      gate: 'comprehensive',
      applicationKind: 'new-filing',
      institution: institution('employer', '四平重复复核测试有限公司', '91220301'),
      occupations: [lathe],
      opinion: { result: 'pass', summary: '综合通过', total: 75 },
      requestedBy: { subject: 'review-220000', role: 'center-staff', jurisdiction: '220300' },
      requestedAt: now(),
    });
    const both = await waitFor('the second request queued', async () => {
      const all = (await call(province, 'GET', '/rechecks?status=all', provinceStaff)).body.items.filter((x: any) => x.caseId === other);
      return all.length >= 2 ? all : undefined;
    });
    expect(forOther.length).toBe(1);
    expect(both.map((r: any) => r.gate)).toEqual(['preliminary', 'comprehensive']);
    const changes = await waitFor('stage changes', () => {
      const s = recorder.find((m) => m.topic === Events.caseStageChanged.topic && m.key === id);
      return s.length >= 16 ? s : undefined;
    });
    expect(changes).toHaveLength(16); // every transition once; the member replacement is no transition
    // No redelivered copy was treated as a failure.
    expect(recorder.find((m) => m.topic.endsWith('.dlt') && m.key === id)).toEqual([]);
  });

  it('sends an event its handler cannot process to the DLT, for every consumer, changing nothing', async () => {
    const staff = await token('center-staff', '220100');
    const existing = await submit(kafka, '220100', institution('employer', '长春死信测试有限公司'));
    const before = await waitForStage(changchun, existing, 'SUBMITTED', staff);
    const unknown = randomUUID();
    const now = new Date().toISOString();
    const actor = { subject: 's', role: 'center-staff' as const, jurisdiction: '220000' };
    const poison: [EventDefinition<any>, object, string, 'handler-failed' | 'unprocessable'][] = [
      // the same application opened twice under a new event id: the case exists already
      [Events.applicationSubmitted, { caseId: existing, applicationKind: 'new-filing', jurisdiction: '220100', institution: before.institution, occupations: [lathe], materials: [], submittedAt: now }, existing, 'handler-failed'],
      // an application for a jurisdiction that does not exist (the province instance would otherwise adopt it)
      [Events.applicationSubmitted, { caseId: unknown, applicationKind: 'new-filing', jurisdiction: '229999', institution: before.institution, occupations: [lathe], materials: [], submittedAt: now }, unknown, 'unprocessable'],
      // a resubmission of a case that was never returned
      [Events.applicationResubmitted, { caseId: existing, round: 1, materials: [], resubmittedAt: now }, existing, 'handler-failed'],
      // events about a Changchun case this instance never opened
      [Events.groupFormed, { caseId: unknown, jurisdiction: '220100', groupId: 'g', drawId: 'd', databaseLevel: '220100', members: [1, 2, 3].map((i) => ({ expertId: `x${i}`, name: 'x', occupationCodes: [] })), reserveCount: 0, commitment: 'd'.repeat(64), formedAt: now }, unknown, 'unprocessable'],
      [Events.groupMemberReplaced, { caseId: unknown, jurisdiction: '220100', groupId: 'g', replacedExpertId: 'x1', replacement: { expertId: 'x9', name: 'x', occupationCodes: [] }, cause: 'recused', reason: '回避', replacedAt: now }, unknown, 'unprocessable'],
      [Events.groupLeaderElected, { caseId: unknown, jurisdiction: '220100', groupId: 'g', leaderExpertId: 'x1', votes: 2, voters: 3, electedAt: now }, unknown, 'unprocessable'],
      [Events.opinionSubmitted, { caseId: unknown, jurisdiction: '220100', opinionId: 'o', kind: 'preliminary', result: 'pass', summary: 's', leaderExpertId: 'x1', submittedAt: now }, unknown, 'unprocessable'],
      [Events.recheckDecided, { caseId: unknown, jurisdiction: '220100', gate: 'preliminary', decision: 'pass', reason: 'r', decidedBy: actor, decidedAt: now }, unknown, 'unprocessable'],
      [Events.noticeClosed, { caseId: unknown, jurisdiction: '220100', noticeId: 'n', outcome: 'no-objection', remainingOccupations: [], closedAt: now }, unknown, 'unprocessable'],
      [
        Events.filingIssued,
        {
          filingId: randomUUID(),
          sequence: 99,
          caseId: unknown,
          applicationKind: 'new-filing',
          noticeNumber: 'n',
          noticeDate: '2026-11-26',
          issuingAuthority: 'a',
          institution: { name: 'x', creditCode: before.institution.creditCode, kind: 'employer', province: '220000', jurisdiction: '220100', jurisdictionName: '长春市', scope: 'own-employees', contact: { person: 'p', phone: '13904311234', address: 'a' } },
          occupations: [lathe],
          status: 'valid',
          issuedAt: now,
        },
        unknown,
        'unprocessable',
      ],
      // publication and expert-pool reporting on a case this instance never opened
      [Events.noticeOpened, { caseId: unknown, jurisdiction: '220100', noticeId: 'n', startDate: '2026-11-27', endDate: '2026-12-03', workingDays: 5, publicationDayCounts: false, institution: before.institution, occupations: [lathe], openedAt: now }, unknown, 'unprocessable'],
      [Events.objectionReceived, { caseId: unknown, jurisdiction: '220100', noticeId: 'n', objectionId: 'o', receiptNumber: 'r', receivedAt: now }, unknown, 'unprocessable'],
      [Events.objectionResolved, { caseId: unknown, jurisdiction: '220100', noticeId: 'n', objectionId: 'o', outcome: 'upheld', struckOccupationCodes: [], reason: 'r', resolvedBy: actor, resolvedAt: now }, unknown, 'unprocessable'],
      [Events.drawSeedRevealed, { caseId: unknown, jurisdiction: '220100', drawId: 'd', commitment: 'a'.repeat(64), seed: 'b'.repeat(64), revealedAt: now }, unknown, 'unprocessable'],
      // the province queue refuses a re-check of a province case (only city cases pass the gates)
      [Events.recheckRequested, { caseId: unknown, jurisdiction: '220000', gate: 'preliminary', applicationKind: 'new-filing', institution: before.institution, occupations: [lathe], opinion: { result: 'pass', summary: 's' }, requestedBy: actor, requestedAt: now }, unknown, 'unprocessable'],
    ];
    for (const [def, payload] of poison) await produceEvent(kafka, def, payload as never);
    for (const [def, , key, kind] of poison) {
      const dead = await waitFor(`${def.topic} on its DLT`, () => recorder.find((m) => m.topic === dltOf(def.topic) && m.key === key)[0]);
      expect({ topic: def.topic, kind: dead.headers['dlt-error-kind'] }).toEqual({ topic: def.topic, kind });
      expect(dead.headers['dlt-error']).toBeTruthy();
    }
    const after = (await call(changchun, 'GET', `/cases/${existing}`, staff)).body;
    expect(after).toMatchObject({ stage: 'SUBMITTED', version: before.version });
    expect(after.history).toHaveLength(1);
    expect((await call(changchun, 'GET', `/cases/${unknown}`, staff)).status).toBe(404);
  });

  it('applies a leader election that overtakes the group-formed event (no order between topics) once the group is formed', async () => {
    const staff = await token('center-staff', '220100');
    const id = await submit(kafka, '220100', institution('employer', '长春事件乱序组长测试有限公司'));
    await waitForStage(changchun, id, 'SUBMITTED', staff);
    await call(changchun, 'POST', `/cases/${id}/accept`, staff, {});
    await call(changchun, 'POST', `/cases/${id}/expert-request`, staff, { workPlan: '方案', groupSize: 3, reserves: 0 });
    const groupId = randomUUID();
    const members = ['l1', 'l2', 'l3'].map((e) => ({ expertId: `${e}-${id.slice(0, 8)}`, name: e, occupationCodes: [lathe.code] }));
    await produceEvent(kafka, Events.groupLeaderElected, { caseId: id, jurisdiction: '220100', groupId, leaderExpertId: members[1].expertId, votes: 2, voters: 3, electedAt: new Date().toISOString() });
    await waitFor('the early election parked', async () => (await call(changchun, 'GET', `/cases/${id}`, staff)).body.expertGroup?.groupId === groupId);
    expect((await call(changchun, 'GET', `/cases/${id}`, staff)).body.stage).toBe('EXPERT_GROUP_REQUESTED');
    await produceEvent(kafka, Events.groupFormed, { caseId: id, jurisdiction: '220100', groupId, drawId: randomUUID(), databaseLevel: '220100', members, reserveCount: 0, commitment: '1'.repeat(64), formedAt: new Date().toISOString() });
    const c = await waitForStage(changchun, id, 'PRELIMINARY_REVIEW', staff);
    expect(c.expertGroup).toMatchObject({ groupId, leaderExpertId: members[1].expertId, size: 3 });
    expect(c.history.map((h: any) => h.action).slice(-2)).toEqual(['group-formed', 'leader-elected']);
    expect(recorder.find((m) => m.topic.endsWith('.dlt') && m.key === id)).toEqual([]);
  });

  it('serves a city without its own instance at the province instance, re-checks included (梅河口市, drawing from the province database)', async () => {
    const meihekouStaff = await token('center-staff', '220581');
    const provinceStaff = await token('center-staff', '220000');
    const id = await submit(kafka, '220581', institution('employer', '梅河口市医药制造有限公司', '91220581'));
    await waitForStage(province, id, 'SUBMITTED', meihekouStaff);
    expect((await call(province, 'GET', `/cases/${id}`, provinceStaff)).status).toBe(403); // a city case, not the province's own
    await call(province, 'POST', `/cases/${id}/accept`, meihekouStaff, {});
    const req = await call(province, 'POST', `/cases/${id}/expert-request`, meihekouStaff, { workPlan: '方案', groupSize: 3, reserves: 1 });
    // 梅河口市 keeps no expert database of its own: the province's discipline officer draws.
    expect(req.body.expertRequest.databaseLevel).toBe('220000');
    const groupId = randomUUID();
    const members = ['m1', 'm2', 'm3'].map((e) => ({ expertId: `${e}-${id.slice(0, 8)}`, name: e, occupationCodes: [lathe.code] }));
    await produceEvent(kafka, Events.groupFormed, { caseId: id, jurisdiction: '220581', groupId, drawId: randomUUID(), databaseLevel: '220000', members, reserveCount: 1, commitment: 'e'.repeat(64), formedAt: new Date().toISOString() });
    await waitForStage(province, id, 'GROUP_FORMED', meihekouStaff);
    await produceEvent(kafka, Events.groupLeaderElected, { caseId: id, jurisdiction: '220581', groupId, leaderExpertId: members[0].expertId, votes: 3, voters: 3, electedAt: new Date().toISOString() });
    await waitForStage(province, id, 'PRELIMINARY_REVIEW', meihekouStaff);
    await produceEvent(kafka, Events.opinionSubmitted, { caseId: id, jurisdiction: '220581', opinionId: randomUUID(), kind: 'preliminary', result: 'pass', summary: '初评通过', leaderExpertId: members[0].expertId, submittedAt: new Date().toISOString() });
    await waitForStage(province, id, 'PROVINCIAL_RECHECK_PRELIMINARY', meihekouStaff);
    const r = await waitFor('the re-check in the province queue', async () => (await call(province, 'GET', '/rechecks', provinceStaff)).body.items.find((x: any) => x.caseId === id));
    expect((await call(province, 'POST', `/rechecks/${r.id}/decision`, meihekouStaff, { decision: 'pass', reason: 'x' })).status).toBe(403);
    expect((await call(province, 'POST', `/rechecks/${r.id}/decision`, provinceStaff, { decision: 'pass', reason: '复核通过' })).status).toBe(200);
    const c = await waitForStage(province, id, 'ONSITE_EVALUATION', meihekouStaff);
    // At the province instance the case's history also holds the province centre's own re-check entries.
    expect(c.history.map((h: any) => h.action).slice(-4)).toEqual(['preliminary-opinion', 'recheck-queued', 'recheck-decided', 'recheck-pass']);
  });

  it('flags a case overdue (督办) on the work queue once its stage time limit in working days has passed', async () => {
    const staff = await token('center-staff', '220100');
    const id = await submit(kafka, '220100', institution('employer', '长春超期受理测试有限公司'));
    await waitForStage(changchun, id, 'SUBMITTED', staff);
    const fresh = (await call(changchun, 'GET', '/queue', staff)).body;
    const item = fresh.waiting.find((c: any) => c.id === id);
    // REVIEW_STAGE_LIMITS gives acceptance 3 working days at this instance.
    expect(item.deadline).toMatchObject({ limitWorkingDays: 3, overdue: false });
    expect(item.deadline.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    try {
      // The day after the due date, China noon.
      const dayAfter = new Date(`${item.deadline.dueDate}T04:00:00Z`).getTime() + 24 * 3600 * 1000;
      await fetch(`${changchun.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: new Date(dayAfter).toISOString() }) });
      const later = (await call(changchun, 'GET', '/queue', staff)).body;
      const overdue = later.waiting.find((c: any) => c.id === id);
      expect(overdue.deadline).toMatchObject({ overdue: true, dueDate: item.deadline.dueDate });
      expect(later.overdueCount).toBeGreaterThanOrEqual(1);
      expect(later.waiting[0].deadline.overdue).toBe(true); // overdue cases first
    } finally {
      await fetch(`${changchun.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: new Date().toISOString() }) });
    }
  });
});
