import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { dltOf, EventDefinition, Events } from '@filing/contracts';
import { produceEvent, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { call, institution, lathe, putAtStage, submit, token, waitForStage } from './review.fixtures';

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
      startServiceProcess({
        service: 'review',
        name: 'review-220100',
        env: { ...common, REVIEW_JURISDICTION: '220100', REVIEW_STAGE_LIMITS: '{"ACCEPT": 3}', REVIEW_OVERDUE_CHECK_INTERVAL_MS: '200' },
      }),
    ]);
    kafka = testKafka();
    recorder = await new TopicRecorder(kafka, [
      Events.caseStageChanged.topic,
      Events.reviewNotificationRequested.topic,
      ...consumed.map((d) => dltOf(d.topic)),
    ]).start();
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

  /** Passes of the overdue check (督办) an instance has finished, from its metrics. */
  async function overduePasses(svc: ServiceProcess): Promise<number> {
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('review_overdue_check_passes_total{outcome="done"}'));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  /** Events on different topics have no order between them: wait for one to land before producing the next. */
  async function recorded(svc: ServiceProcess, caseId: string, action: string, bearer: string): Promise<void> {
    await waitFor(`${action} recorded on ${caseId}`, async () =>
      (await call(svc, 'GET', `/cases/${caseId}`, bearer)).body.history?.some((h: any) => h.action === action),
    );
  }

  it('applies every consumed event once when it is delivered twice', async () => {
    const staff = await token('center-staff', '220100');
    const provinceStaff = await token('center-staff', '220000');
    const inst = institution('employer', '长春重复投递全流程有限公司');
    const id = randomUUID();
    const now = () => new Date().toISOString();
    await twice(Events.applicationSubmitted, {
      caseId: id,
      applicationKind: 'new-filing',
      jurisdiction: '220100',
      institution: inst,
      occupations: [lathe],
      materials: [],
      submittedAt: now(),
    });
    await waitForStage(changchun, id, 'SUBMITTED', staff);
    await call(changchun, 'POST', `/cases/${id}/accept`, staff, {});
    await call(changchun, 'POST', `/cases/${id}/expert-request`, staff, { workPlan: '方案', groupSize: 3, reserves: 1 });
    const groupId = randomUUID();
    const members = ['e1', 'e2', 'e3'].map((e) => ({ expertId: `${e}-${id.slice(0, 8)}`, name: e, occupationCodes: [lathe.code] }));
    const leader = members[0].expertId;
    await twice(Events.groupFormed, {
      caseId: id,
      jurisdiction: '220100',
      groupId,
      drawId: randomUUID(),
      databaseLevel: '220100',
      members,
      reserveCount: 1,
      commitment: 'c'.repeat(64),
      formedAt: now(),
    });
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
      twice(Events.opinionSubmitted, {
        caseId: id,
        jurisdiction: '220100',
        opinionId: randomUUID(),
        kind,
        result,
        summary: `${kind} ${result}`,
        total: 80,
        leaderExpertId: leader,
        submittedAt: now(),
      });
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
      [
        Events.applicationSubmitted,
        {
          caseId: existing,
          applicationKind: 'new-filing',
          jurisdiction: '220100',
          institution: before.institution,
          occupations: [lathe],
          materials: [],
          submittedAt: now,
        },
        existing,
        'handler-failed',
      ],
      // an application for a jurisdiction that does not exist (the province instance would otherwise adopt it)
      [
        Events.applicationSubmitted,
        {
          caseId: unknown,
          applicationKind: 'new-filing',
          jurisdiction: '229999',
          institution: before.institution,
          occupations: [lathe],
          materials: [],
          submittedAt: now,
        },
        unknown,
        'unprocessable',
      ],
      // a resubmission of a case that was never returned
      [Events.applicationResubmitted, { caseId: existing, round: 1, materials: [], resubmittedAt: now }, existing, 'handler-failed'],
      // events about a Changchun case this instance never opened
      [
        Events.groupFormed,
        {
          caseId: unknown,
          jurisdiction: '220100',
          groupId: 'g',
          drawId: 'd',
          databaseLevel: '220100',
          members: [1, 2, 3].map((i) => ({ expertId: `x${i}`, name: 'x', occupationCodes: [] })),
          reserveCount: 0,
          commitment: 'd'.repeat(64),
          formedAt: now,
        },
        unknown,
        'unprocessable',
      ],
      [
        Events.groupMemberReplaced,
        {
          caseId: unknown,
          jurisdiction: '220100',
          groupId: 'g',
          replacedExpertId: 'x1',
          replacement: { expertId: 'x9', name: 'x', occupationCodes: [] },
          cause: 'recused',
          reason: '回避',
          replacedAt: now,
        },
        unknown,
        'unprocessable',
      ],
      [
        Events.groupLeaderElected,
        { caseId: unknown, jurisdiction: '220100', groupId: 'g', leaderExpertId: 'x1', votes: 2, voters: 3, electedAt: now },
        unknown,
        'unprocessable',
      ],
      [
        Events.opinionSubmitted,
        { caseId: unknown, jurisdiction: '220100', opinionId: 'o', kind: 'preliminary', result: 'pass', summary: 's', leaderExpertId: 'x1', submittedAt: now },
        unknown,
        'unprocessable',
      ],
      [
        Events.recheckDecided,
        { caseId: unknown, jurisdiction: '220100', gate: 'preliminary', decision: 'pass', reason: 'r', decidedBy: actor, decidedAt: now },
        unknown,
        'unprocessable',
      ],
      [
        Events.noticeClosed,
        { caseId: unknown, jurisdiction: '220100', noticeId: 'n', outcome: 'no-objection', remainingOccupations: [], closedAt: now },
        unknown,
        'unprocessable',
      ],
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
          institution: {
            name: 'x',
            creditCode: before.institution.creditCode,
            kind: 'employer',
            province: '220000',
            jurisdiction: '220100',
            jurisdictionName: '长春市',
            scope: 'own-employees',
            contact: { person: 'p', phone: '13904311234', address: 'a' },
          },
          occupations: [lathe],
          status: 'valid',
          issuedAt: now,
        },
        unknown,
        'unprocessable',
      ],
      // publication and expert-pool reporting on a case this instance never opened
      [
        Events.noticeOpened,
        {
          caseId: unknown,
          jurisdiction: '220100',
          noticeId: 'n',
          startDate: '2026-11-27',
          endDate: '2026-12-03',
          workingDays: 5,
          publicationDayCounts: false,
          institution: before.institution,
          occupations: [lathe],
          openedAt: now,
        },
        unknown,
        'unprocessable',
      ],
      [
        Events.objectionReceived,
        { caseId: unknown, jurisdiction: '220100', noticeId: 'n', objectionId: 'o', receiptNumber: 'r', receivedAt: now },
        unknown,
        'unprocessable',
      ],
      [
        Events.objectionResolved,
        {
          caseId: unknown,
          jurisdiction: '220100',
          noticeId: 'n',
          objectionId: 'o',
          outcome: 'upheld',
          struckOccupationCodes: [],
          reason: 'r',
          resolvedBy: actor,
          resolvedAt: now,
        },
        unknown,
        'unprocessable',
      ],
      [
        Events.drawSeedRevealed,
        { caseId: unknown, jurisdiction: '220100', drawId: 'd', commitment: 'a'.repeat(64), seed: 'b'.repeat(64), revealedAt: now },
        unknown,
        'unprocessable',
      ],
      // the province queue refuses a re-check of a province case (only city cases pass the gates)
      [
        Events.recheckRequested,
        {
          caseId: unknown,
          jurisdiction: '220000',
          gate: 'preliminary',
          applicationKind: 'new-filing',
          institution: before.institution,
          occupations: [lathe],
          opinion: { result: 'pass', summary: 's' },
          requestedBy: actor,
          requestedAt: now,
        },
        unknown,
        'unprocessable',
      ],
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

  /** How many events of a topic wait, deferred, at an instance (its metrics). */
  async function deferredCount(svc: ServiceProcess, topic: string): Promise<number> {
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    const m = new RegExp(`filing_events_deferred\\{topic="${topic.replace(/\./g, '\\.')}"\\} (\\d+)`).exec(metrics);
    return m ? Number(m[1]) : 0;
  }

  /** A Changchun case through acceptance and the expert request, waiting for its group. */
  async function caseAwaitingGroup(
    name: string,
  ): Promise<{ id: string; staff: string; groupId: string; members: { expertId: string; name: string; occupationCodes: string[] }[] }> {
    const staff = await token('center-staff', '220100');
    const id = await submit(kafka, '220100', institution('employer', name));
    await waitForStage(changchun, id, 'SUBMITTED', staff);
    expect((await call(changchun, 'POST', `/cases/${id}/accept`, staff, {})).status).toBe(200);
    expect((await call(changchun, 'POST', `/cases/${id}/expert-request`, staff, { workPlan: '方案', groupSize: 3, reserves: 1 })).status).toBe(200);
    const groupId = randomUUID();
    const members = ['a', 'b', 'c'].map((e) => ({ expertId: `${e}-${id.slice(0, 8)}`, name: e, occupationCodes: [lathe.code] }));
    return { id, staff, groupId, members };
  }

  const formed = (c: { id: string; groupId: string; members: unknown[] }) => ({
    caseId: c.id,
    jurisdiction: '220100',
    groupId: c.groupId,
    drawId: randomUUID(),
    databaseLevel: '220100',
    members: c.members as { expertId: string; name: string; occupationCodes: string[] }[],
    reserveCount: 1,
    commitment: '1'.repeat(64),
    formedAt: new Date().toISOString(),
  });

  /** The third member recused after the kick-off; a reserve takes the seat. */
  const recusal = (c: { id: string; groupId: string; members: { expertId: string }[] }) => ({
    caseId: c.id,
    jurisdiction: '220100',
    groupId: c.groupId,
    replacedExpertId: c.members[2].expertId,
    replacement: { expertId: `r-${c.id.slice(0, 8)}`, name: 'r', occupationCodes: [lathe.code] },
    cause: 'recused' as const,
    reason: '回避',
    replacedAt: new Date().toISOString(),
  });

  it('defers events that overtake their predecessor on another topic, and applies each once the predecessor arrives', async () => {
    const c = await caseAwaitingGroup('长春事件乱序测试有限公司');
    const leader = c.members[1].expertId;
    const now = () => new Date().toISOString();
    // The leader's election and preliminary opinion, a recusal after the kick-off: all before the group is formed.
    await produceEvent(kafka, Events.groupLeaderElected, {
      caseId: c.id,
      jurisdiction: '220100',
      groupId: c.groupId,
      leaderExpertId: leader,
      votes: 2,
      voters: 3,
      electedAt: now(),
    });
    await produceEvent(kafka, Events.opinionSubmitted, {
      caseId: c.id,
      jurisdiction: '220100',
      opinionId: randomUUID(),
      kind: 'preliminary',
      result: 'pass',
      summary: '初评通过',
      leaderExpertId: leader,
      submittedAt: now(),
    });
    await produceEvent(kafka, Events.groupMemberReplaced, recusal(c));
    await waitFor(
      'the three early events deferred',
      async () =>
        (await deferredCount(changchun, Events.groupLeaderElected.topic)) >= 1 &&
        (await deferredCount(changchun, Events.opinionSubmitted.topic)) >= 1 &&
        (await deferredCount(changchun, Events.groupMemberReplaced.topic)) >= 1,
    );
    expect((await call(changchun, 'GET', `/cases/${c.id}`, c.staff)).body).toMatchObject({ stage: 'EXPERT_GROUP_REQUESTED', expertGroup: null });

    await produceEvent(kafka, Events.groupFormed, formed(c));
    await waitForStage(changchun, c.id, 'PROVINCIAL_RECHECK_PRELIMINARY', c.staff);
    // The stage moves with the opinion; the recusal may still be waiting its turn: read the case once none waits.
    await waitFor(
      'the three deferred events applied',
      async () =>
        (await deferredCount(changchun, Events.groupLeaderElected.topic)) === 0 &&
        (await deferredCount(changchun, Events.opinionSubmitted.topic)) === 0 &&
        (await deferredCount(changchun, Events.groupMemberReplaced.topic)) === 0,
    );
    const atRecheck = (await call(changchun, 'GET', `/cases/${c.id}`, c.staff)).body;
    // The deferred events were parked in whatever order their partitions delivered them; each applied once, after the group.
    const last = atRecheck.history.map((h: any) => h.action).slice(-4);
    expect(last[0]).toBe('group-formed');
    expect([...last].sort()).toEqual(['group-formed', 'leader-elected', 'member-replaced', 'preliminary-opinion']);
    expect(atRecheck.expertGroup).toMatchObject({ groupId: c.groupId, leaderExpertId: leader, size: 3 });
    expect(atRecheck.opinions.preliminary).toMatchObject({ result: 'pass', leaderExpertId: leader });
    expect(recorder.find((m) => m.topic.endsWith('.dlt') && m.key === c.id)).toEqual([]);
  });

  it('defers an objection (and its settlement) that overtakes the notice, and a filing that overtakes the notice closing', async () => {
    const staff = await token('center-staff', '220100');
    const id = await submit(kafka, '220100', institution('employer', '长春公示乱序测试有限公司'));
    await waitForStage(changchun, id, 'SUBMITTED', staff);
    // Straight to the public notice: the stages before it are covered above.
    await putAtStage(id, 'PUBLIC_NOTICE');
    const inst = (await call(changchun, 'GET', `/cases/${id}`, staff)).body.institution;
    const now = () => new Date().toISOString();
    const noticeId = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    await produceEvent(kafka, Events.objectionResolved, {
      caseId: id,
      jurisdiction: '220100',
      noticeId,
      objectionId: first,
      outcome: 'dismissed',
      struckOccupationCodes: [],
      reason: '不成立',
      resolvedBy: { subject: 's', role: 'center-staff', jurisdiction: '220100' },
      resolvedAt: now(),
    });
    await produceEvent(kafka, Events.objectionReceived, {
      caseId: id,
      jurisdiction: '220100',
      noticeId,
      objectionId: first,
      receiptNumber: 'YY-1',
      receivedAt: now(),
    });
    await produceEvent(kafka, Events.objectionReceived, {
      caseId: id,
      jurisdiction: '220100',
      noticeId,
      objectionId: second,
      receiptNumber: 'YY-2',
      receivedAt: now(),
    });
    await produceEvent(kafka, Events.filingIssued, {
      filingId: randomUUID(),
      sequence: 1,
      caseId: id,
      applicationKind: 'new-filing',
      noticeNumber: '吉人社备〔2026〕99号',
      noticeDate: '2026-12-01',
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
    await waitFor(
      'the early events deferred',
      async () => (await deferredCount(changchun, Events.objectionReceived.topic)) >= 2 && (await deferredCount(changchun, Events.filingIssued.topic)) >= 1,
    );

    await produceEvent(kafka, Events.noticeOpened, {
      caseId: id,
      jurisdiction: '220100',
      noticeId,
      startDate: '2026-12-02',
      endDate: '2026-12-08',
      workingDays: 5,
      publicationDayCounts: false,
      institution: inst,
      occupations: [lathe],
      openedAt: now(),
    });
    const withObjections = await waitFor('both objections and the settlement recorded', async () => {
      const c = (await call(changchun, 'GET', `/cases/${id}`, staff)).body;
      return c.notice?.resolvedObjections?.length === 1 && c.notice.openObjections.length === 1 ? c : undefined;
    });
    expect(withObjections.notice).toMatchObject({ noticeId, openObjections: [second], resolvedObjections: [{ objectionId: first, outcome: 'dismissed' }] });
    expect(withObjections.stage).toBe('PUBLIC_NOTICE'); // the filing still waits for the closing

    await produceEvent(kafka, Events.noticeClosed, {
      caseId: id,
      jurisdiction: '220100',
      noticeId,
      outcome: 'no-objection',
      remainingOccupations: [lathe],
      closedAt: now(),
    });
    const done = await waitForStage(changchun, id, 'FILING_NOTICE_ISSUED', staff);
    expect(done.history.map((h: any) => h.action).slice(-2)).toEqual(['notice-passed', 'filing-issued']);
    expect(recorder.find((m) => m.topic.endsWith('.dlt') && m.key === id)).toEqual([]);
  });

  it('loses no update when events about one case arrive side by side (objection received and settled, replaced and elected)', async () => {
    const cases = await Promise.all([0, 1, 2, 3, 4].map((i) => caseAwaitingGroup(`长春并发更新测试${i}有限公司`)));
    await Promise.all(cases.map((c) => produceEvent(kafka, Events.groupFormed, formed(c))));
    await Promise.all(cases.map((c) => waitForStage(changchun, c.id, 'GROUP_FORMED', c.staff)));
    const now = () => new Date().toISOString();
    // Both write the group (members, leader): produced together, on two topics.
    await Promise.all(
      cases.flatMap((c) => [
        produceEvent(kafka, Events.groupMemberReplaced, recusal(c)),
        produceEvent(kafka, Events.groupLeaderElected, {
          caseId: c.id,
          jurisdiction: '220100',
          groupId: c.groupId,
          leaderExpertId: c.members[0].expertId,
          votes: 3,
          voters: 3,
          electedAt: now(),
        }),
      ]),
    );
    for (const c of cases) {
      const after = await waitFor(`both group changes of ${c.id}`, async () => {
        const r = (await call(changchun, 'GET', `/cases/${c.id}`, c.staff)).body;
        return r.stage === 'PRELIMINARY_REVIEW' && r.history.some((h: any) => h.action === 'member-replaced') ? r : undefined;
      });
      expect(after.expertGroup.leaderExpertId).toBe(c.members[0].expertId);
      const db = new Client({ connectionString: process.env.DATABASE_URL });
      await db.connect();
      try {
        const [row] = (await db.query(`SELECT expert_group FROM review_220100.review_case WHERE id = $1`, [c.id])).rows;
        expect(row.expert_group.leaderExpertId).toBe(c.members[0].expertId);
        expect(row.expert_group.members.map((m: any) => m.expertId)).toEqual([c.members[0].expertId, c.members[1].expertId, `r-${c.id.slice(0, 8)}`]);
        expect(row.expert_group.replacements).toHaveLength(1);
        // Both facts on the notice column at once: two objections received, a third settled, on three topics' worth of events.
        await db.query(`UPDATE review_220100.review_case SET stage = 'PUBLIC_NOTICE', notice = $2 WHERE id = $1`, [
          c.id,
          JSON.stringify({
            noticeId: c.groupId,
            startDate: '2026-12-02',
            endDate: '2026-12-08',
            workingDays: 5,
            openObjections: ['o-1'],
            resolvedObjections: [],
          }),
        ]);
      } finally {
        await db.end();
      }
    }
    await Promise.all(
      cases.flatMap((c) => [
        produceEvent(kafka, Events.objectionReceived, {
          caseId: c.id,
          jurisdiction: '220100',
          noticeId: c.groupId,
          objectionId: 'o-2',
          receiptNumber: 'YY-2',
          receivedAt: now(),
        }),
        produceEvent(kafka, Events.objectionResolved, {
          caseId: c.id,
          jurisdiction: '220100',
          noticeId: c.groupId,
          objectionId: 'o-1',
          outcome: 'dismissed',
          struckOccupationCodes: [],
          reason: '不成立',
          resolvedBy: { subject: 's', role: 'center-staff', jurisdiction: '220100' },
          resolvedAt: now(),
        }),
        produceEvent(kafka, Events.drawSeedRevealed, {
          caseId: c.id,
          jurisdiction: '220100',
          drawId: randomUUID(),
          commitment: 'c'.repeat(64),
          seed: 'f'.repeat(64),
          revealedAt: now(),
        }),
      ]),
    );
    for (const c of cases) {
      const after = await waitFor(`the three facts of ${c.id}`, async () => {
        const r = (await call(changchun, 'GET', `/cases/${c.id}`, c.staff)).body;
        return r.drawSeed && r.notice.resolvedObjections.length === 1 && r.notice.openObjections.includes('o-2') ? r : undefined;
      });
      expect(after.notice).toMatchObject({ openObjections: ['o-2'], resolvedObjections: [{ objectionId: 'o-1', outcome: 'dismissed' }] });
    }
  });

  it('serves a city without its own instance at the province instance, re-checks included (梅河口市, drawing from the province database)', async () => {
    const meihekouStaff = await token('center-staff', '220581');
    const provinceStaff = await token('center-staff', '220000');
    const id = await submit(kafka, '220581', institution('employer', '梅河口市医药制造有限公司', '91220581'));
    await waitForStage(province, id, 'SUBMITTED', meihekouStaff);
    expect((await call(province, 'GET', `/cases/${id}`, provinceStaff)).status).toBe(404); // a city case, not the province’s own: not found for its staff
    await call(province, 'POST', `/cases/${id}/accept`, meihekouStaff, {});
    const req = await call(province, 'POST', `/cases/${id}/expert-request`, meihekouStaff, { workPlan: '方案', groupSize: 3, reserves: 1 });
    // 梅河口市 keeps no expert database of its own: the province's discipline officer draws.
    expect(req.body.expertRequest.databaseLevel).toBe('220000');
    const groupId = randomUUID();
    const members = ['m1', 'm2', 'm3'].map((e) => ({ expertId: `${e}-${id.slice(0, 8)}`, name: e, occupationCodes: [lathe.code] }));
    await produceEvent(kafka, Events.groupFormed, {
      caseId: id,
      jurisdiction: '220581',
      groupId,
      drawId: randomUUID(),
      databaseLevel: '220000',
      members,
      reserveCount: 1,
      commitment: 'e'.repeat(64),
      formedAt: new Date().toISOString(),
    });
    await waitForStage(province, id, 'GROUP_FORMED', meihekouStaff);
    await produceEvent(kafka, Events.groupLeaderElected, {
      caseId: id,
      jurisdiction: '220581',
      groupId,
      leaderExpertId: members[0].expertId,
      votes: 3,
      voters: 3,
      electedAt: new Date().toISOString(),
    });
    await waitForStage(province, id, 'PRELIMINARY_REVIEW', meihekouStaff);
    await produceEvent(kafka, Events.opinionSubmitted, {
      caseId: id,
      jurisdiction: '220581',
      opinionId: randomUUID(),
      kind: 'preliminary',
      result: 'pass',
      summary: '初评通过',
      leaderExpertId: members[0].expertId,
      submittedAt: new Date().toISOString(),
    });
    await waitForStage(province, id, 'PROVINCIAL_RECHECK_PRELIMINARY', meihekouStaff);
    const r = await waitFor('the re-check in the province queue', async () =>
      (await call(province, 'GET', '/rechecks', provinceStaff)).body.items.find((x: any) => x.caseId === id),
    );
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
      await fetch(`${changchun.url}/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: new Date(dayAfter).toISOString() }),
      });
      const later = (await call(changchun, 'GET', '/queue', staff)).body;
      const overdue = later.waiting.find((c: any) => c.id === id);
      expect(overdue.deadline).toMatchObject({ overdue: true, dueDate: item.deadline.dueDate });
      expect(later.overdueCount).toBeGreaterThanOrEqual(1);
      expect(later.waiting[0].deadline.overdue).toBe(true); // overdue cases first

      // 督办: the overdue check tells the centre staff's queue once, and keeps quiet on the passes after.
      const overdueOf = () =>
        recorder.find((m) => m.topic === Events.reviewNotificationRequested.topic && m.key === id && JSON.parse(m.value).kind === 'case-overdue');
      const told = await waitFor('the overdue notice requested', () => (overdueOf().length ? overdueOf() : undefined));
      const passesNow = await overduePasses(changchun);
      await waitFor('two more passes of the overdue check', async () => (await overduePasses(changchun)) >= passesNow + 2);
      expect(overdueOf()).toHaveLength(1);
      expect(JSON.parse(told[0].value)).toMatchObject({
        kind: 'case-overdue',
        jurisdiction: '220100',
        recipient: { id: 'role:center-staff@220100', role: 'center-staff' },
        params: { institution: '长春超期受理测试有限公司', stage: 'SUBMITTED', dueDate: item.deadline.dueDate, limitWorkingDays: '3' },
        link: `/cases/${id}`,
      });
      expect(JSON.parse(told[0].value).dedupeKey).toMatch(new RegExp(`^${id}\\|overdue\\|SUBMITTED\\|.+\\|role:center-staff@220100$`));
    } finally {
      await fetch(`${changchun.url}/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: new Date().toISOString() }),
      });
    }
  });
});
