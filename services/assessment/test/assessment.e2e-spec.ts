import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { dltOf, Events, Headers, toKafkaHeaders } from '@filing/contracts';
import { produceEvent, produceRaw, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import employer from '../src/standards/data/attachment-1-employer.json';
import socialOrg from '../src/standards/data/attachment-2-social-org.json';
import {
  adminToken,
  api,
  Api,
  evaluationOf,
  expertToken,
  JURISDICTION,
  moveStage,
  OCCUPATION,
  openCase,
  sheetAt,
  staffToken,
  TestCase,
  waitForEvaluation,
} from './fixtures';

/**
 * The assessment service as its own process on the real broker and database. The test plays review and expert-pool
 * (producing their events on the real topics) and reads `assessment.opinion.submitted.v1` from its real topic.
 */
describe('assessment: standards, score sheets and the three opinions over real Kafka', () => {
  let service: ServiceProcess;
  let kafka: Kafka;
  let http: Api;
  let opinions: TopicRecorder;
  let deadLetters: TopicRecorder;

  const opinionEvents = (caseId: string, kind?: string) =>
    opinions
      .find((m) => m.key === caseId)
      .map((m) => JSON.parse(m.value))
      .filter((p) => !kind || p.kind === kind);

  const waitForOpinionEvent = (caseId: string, kind: string, count = 1) =>
    waitFor(`${count} ${kind} opinion event(s) for ${caseId}`, () => {
      const found = opinionEvents(caseId, kind);
      return found.length >= count ? found : undefined;
    });

  /** A case whose group is formed, leader elected and standard pinned, at PRELIMINARY_REVIEW. */
  async function readyCase(opts: Parameters<typeof openCase>[1] = {}): Promise<TestCase> {
    const c = await openCase(kafka, opts);
    await moveStage(kafka, c.caseId, 'GROUP_FORMED', 'PRELIMINARY_REVIEW');
    await waitForEvaluation(
      http,
      c.caseId,
      'group, leader, standard and stage',
      (e) => e.leaderExpertId === c.leader && e.standard && e.stage === 'PRELIMINARY_REVIEW',
    );
    return c;
  }

  /** Preliminary pass and the move to on-site evaluation, as review would do it. */
  async function toOnsite(c: TestCase): Promise<any> {
    const r = await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, await expertToken(c.leader), {
      result: 'pass',
      reasons: [],
      summary: '材料齐全，同意开展现场技术评估。',
    });
    expect(r.status).toBe(201);
    await moveStage(kafka, c.caseId, 'PRELIMINARY_REVIEW', 'ONSITE_EVALUATION');
    return waitForEvaluation(http, c.caseId, 'on-site stage', (e) => e.stage === 'ONSITE_EVALUATION');
  }

  async function fillAndSubmit(c: TestCase, expertId: string, sheet: unknown): Promise<void> {
    const token = await expertToken(expertId);
    const saved = await http.call('PUT', `/cases/${c.caseId}/score-sheets/mine`, token, sheet);
    expect(saved.status).toBe(200);
    const submitted = await http.call('POST', `/cases/${c.caseId}/score-sheets/mine/submit`, token);
    expect(submitted.status).toBe(200);
  }

  beforeAll(async () => {
    kafka = testKafka();
    opinions = await new TopicRecorder(kafka, [Events.opinionSubmitted.topic]).start();
    deadLetters = await new TopicRecorder(
      kafka,
      [Events.groupLeaderElected, Events.groupFormed, Events.groupMemberReplaced, Events.expertGroupRequested, Events.caseStageChanged].map((e) =>
        dltOf(e.topic),
      ),
    ).start();
    service = await startServiceProcess({ service: 'assessment', env: { EVENT_RETRY_BACKOFF_MS: '50' } });
    http = api(service.url);
  });

  afterAll(async () => {
    await Promise.all([service?.stop(), opinions?.stop(), deadLetters?.stop()]);
  });

  it('ships the two default standards, marked as defaults pending the official attachments', async () => {
    const r = await http.call('GET', '/standards', await staffToken());
    expect(r.status).toBe(200);
    expect(r.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          standardId: 'jl-attachment-1-employer',
          version: '1',
          institutionKind: 'employer',
          provisional: true,
          total: 100,
          passLine: 70,
        }),
        expect.objectContaining({
          standardId: 'jl-attachment-2-social-org',
          version: '1',
          institutionKind: 'social-org',
          provisional: true,
          total: 100,
          passLine: 70,
        }),
      ]),
    );
    const doc = await http.call('GET', '/standards/jl-attachment-1-employer/versions/1', await staffToken());
    expect(doc.body.provenance).toContain('附件1');
  });

  it('runs the full path from group formed to the comprehensive opinion, with the group rules enforced', async () => {
    const c = await readyCase({ members: 5 });
    const [e1, e2, e3, e4, e5] = c.experts.map((e) => e.expertId);
    const outsider = await expertToken(`${c.caseId.slice(0, 8)}-stranger`);

    // 初审: members record findings; an outsider cannot.
    expect((await http.call('POST', `/cases/${c.caseId}/findings`, await expertToken(e2), { text: '考评员名单缺少证书编号', subItemId: '4.2' })).status).toBe(
      201,
    );
    expect((await http.call('POST', `/cases/${c.caseId}/findings`, outsider, { text: 'x' })).status).toBe(404);

    // Only the leader submits the group's opinion; nothing is stored when someone else tries.
    const notLeader = await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, await expertToken(e2), {
      result: 'pass',
      reasons: [],
      summary: '同意',
    });
    expect(notLeader.status).toBe(403);
    expect(notLeader.body.message).toContain('leader');
    expect((await http.call('GET', `/cases/${c.caseId}/opinions/preliminary`, await staffToken())).status).toBe(404);

    await toOnsite(c);
    const preliminary = await waitForOpinionEvent(c.caseId, 'preliminary');
    expect(preliminary).toHaveLength(1);
    expect(preliminary[0]).toMatchObject({
      kind: 'preliminary',
      result: 'pass',
      jurisdiction: JURISDICTION,
      leaderExpertId: e1,
      standard: { standardId: 'jl-attachment-1-employer', version: '1' },
    });
    expect(
      (await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, await expertToken(e1), { result: 'pass', reasons: [], summary: '再次' })).status,
    ).toBe(409);

    const evaluation = await evaluationOf(http, c.caseId);
    const items = evaluation.scope.items;

    // A score above the sub-item maximum (4.1 is worth 6) is refused and nothing is stored.
    const tooHigh = sheetAt(items, 1);
    tooHigh.scores.find((s) => s.subItemId === '4.1')!.score = 7;
    const refused = await http.call('PUT', `/cases/${c.caseId}/score-sheets/mine`, await expertToken(e1), tooHigh);
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual(['sub-item 4.1 (考评员数量（每个职业不少于 3 名）): score 7 is outside 0..6']);
    expect((await http.call('GET', `/cases/${c.caseId}/score-sheets/mine`, await expertToken(e1))).status).toBe(404);

    // A non-member's sheet is refused and nothing is stored.
    expect((await http.call('PUT', `/cases/${c.caseId}/score-sheets/mine`, outsider, sheetAt(items, 1))).status).toBe(404);

    // Worked example, five members scoring every sub-item at 100%, 90%, 70%, 50% and 20% of its maximum.
    // Trimmed mean (5 members): drop 100% and 20% → (90 + 70 + 50) / 3 = 70% of every item:
    // 10.5 + 7 + 10.5 + 14 + 14 + 10.5 + 3.5 = 70 → exactly the pass line 70 → pass.
    // Median is 70%; 20% is 50% of the item max away (> 30%) → e5 is an outlier everywhere; 100% is exactly 30% → not.
    const shares: Record<string, number> = { [e1]: 1, [e2]: 0.9, [e3]: 0.7, [e4]: 0.5, [e5]: 0.2 };

    // A draft is private to its member until submitted.
    expect((await http.call('PUT', `/cases/${c.caseId}/score-sheets/mine`, await expertToken(e2), sheetAt(items, shares[e2]))).status).toBe(200);
    expect((await http.call('GET', `/cases/${c.caseId}/score-sheets`, await expertToken(e3))).body).toEqual([]);
    expect((await http.call('GET', `/cases/${c.caseId}/score-sheets/mine`, await expertToken(e3))).status).toBe(404);
    expect((await http.call('GET', `/cases/${c.caseId}/score-sheets/mine`, await expertToken(e2))).body).toMatchObject({ status: 'draft', expertId: e2 });

    for (const id of [e1, e2, e3, e4]) await fillAndSubmit(c, id, sheetAt(items, shares[id]));
    // Not everyone has submitted: no technical opinion yet.
    const early = await http.call('POST', `/cases/${c.caseId}/opinions/technical`, await expertToken(e1), { summary: '—' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain(e5);
    // The leader's preview of the consolidation names who is still missing, and shows the sheets so far.
    const partial = await http.call('GET', `/cases/${c.caseId}/consolidation`, await expertToken(e1));
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ complete: false, waitingFor: [{ expertId: e5 }] });
    expect(partial.body.consolidation.items[0].memberScores).toHaveLength(4);
    expect((await http.call('GET', `/cases/${c.caseId}/consolidation`, outsider)).status).toBe(404);
    await fillAndSubmit(c, e5, sheetAt(items, shares[e5]));
    const preview = await http.call('GET', `/cases/${c.caseId}/consolidation`, await expertToken(e3));
    expect(preview.body).toMatchObject({ complete: true, waitingFor: [], consolidation: { total: 70, passLine: 70, result: 'pass', vetoed: false } });

    // Submitted sheets are visible to the group and cannot change.
    expect((await http.call('GET', `/cases/${c.caseId}/score-sheets`, await expertToken(e3))).body).toHaveLength(5);
    const change = await http.call('PUT', `/cases/${c.caseId}/score-sheets/mine`, await expertToken(e1), sheetAt(items, 0.1));
    expect(change.status).toBe(409);
    expect((await http.call('GET', `/cases/${c.caseId}/score-sheets/mine`, await expertToken(e1))).body.scores[0].score).toBe(4);

    expect((await http.call('POST', `/cases/${c.caseId}/opinions/technical`, await expertToken(e3), { summary: '—' })).status).toBe(403);
    const technical = await http.call('POST', `/cases/${c.caseId}/opinions/technical`, await expertToken(e1), { summary: '现场技术评估符合要求。' });
    expect(technical.status).toBe(201);
    expect(technical.body.consolidation).toMatchObject({ total: 70, passLine: 70, result: 'pass', vetoed: false });
    // What the leader saw before submitting is what was submitted.
    expect(technical.body.consolidation.items).toEqual(preview.body.consolidation.items);
    for (const item of technical.body.consolidation.items) {
      expect(item.method).toBe('trimmed-mean');
      expect(item.memberScores.filter((m: any) => m.outlier).map((m: any) => m.expertId)).toEqual([e5]);
    }
    const [techEvent] = await waitForOpinionEvent(c.caseId, 'technical');
    expect(techEvent).toMatchObject({ kind: 'technical', result: 'pass', total: 70, passLine: 70, vetoed: false, vetoes: [] });
    expect(techEvent.items.map((i: any) => [i.itemId, i.maxPoints, i.score])).toEqual([
      ['1', 15, 10.5],
      ['2', 10, 7],
      ['3', 15, 10.5],
      ['4', 20, 14],
      ['5', 20, 14],
      ['6', 15, 10.5],
      ['7', 5, 3.5],
    ]);

    // Review moves the case on; the group meets and forms the comprehensive opinion, with dissent recorded.
    await moveStage(kafka, c.caseId, 'ONSITE_EVALUATION', 'COMPREHENSIVE_REVIEW');
    await waitForEvaluation(http, c.caseId, 'comprehensive review stage', (e) => e.stage === 'COMPREHENSIVE_REVIEW');
    // The plenary (综合评审会): four of the five present, 车工 passed at levels 5 and 4 of 5–3.
    const plenary = {
      meeting: { date: new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10), place: '评审会议室', attendees: [e1, e2, e3, e5] },
      result: 'pass',
      occupations: [{ code: OCCUPATION.code, levels: [5, 4], reason: '三级（高级工）考评员不足' }],
    };
    expect((await http.call('POST', `/cases/${c.caseId}/opinions/comprehensive`, await expertToken(e2), { summary: '—', ...plenary })).status).toBe(403);
    const strangerDissent = await http.call('POST', `/cases/${c.caseId}/opinions/comprehensive`, await expertToken(e1), {
      summary: '—',
      ...plenary,
      dissent: [{ expertId: 'nobody', opinion: '反对' }],
    });
    expect(strangerDissent.status).toBe(400);
    // A result against the scores (70 = the pass line → pass) needs its reason: refused, nothing stored.
    const unexplained = await http.call('POST', `/cases/${c.caseId}/opinions/comprehensive`, await expertToken(e1), {
      summary: '—',
      ...plenary,
      result: 'fail',
      occupations: [{ code: OCCUPATION.code, levels: [], reason: '场地不足' }],
    });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.problems).toEqual([expect.stringContaining('overrideReason')]);
    expect((await http.call('GET', `/cases/${c.caseId}/opinions/comprehensive`, await expertToken(e1))).status).toBe(404);
    const comprehensive = await http.call('POST', `/cases/${c.caseId}/opinions/comprehensive`, await expertToken(e1), {
      summary: '经综合评审，该单位达到技术评估标准，建议通过。',
      ...plenary,
      dissent: [{ expertId: e5, opinion: '场地设施不足，建议不通过' }],
    });
    expect(comprehensive.status).toBe(201);
    const [compEvent] = await waitForOpinionEvent(c.caseId, 'comprehensive');
    expect(compEvent).toMatchObject({
      kind: 'comprehensive',
      result: 'pass',
      total: 70,
      passLine: 70,
      vetoes: [],
      vetoed: false,
      standard: { standardId: 'jl-attachment-1-employer', version: '1' },
      dissent: [`陈静（${e5}）：场地设施不足，建议不通过`],
      leaderExpertId: e1,
      round: 1,
      scoreResult: 'pass',
      meeting: { attendees: [e1, e2, e3, e5] },
      occupationOutcomes: [
        { code: OCCUPATION.code, name: '车工', result: 'pass', appliedLevels: [5, 4, 3], levels: [5, 4], reason: '三级（高级工）考评员不足' },
      ],
    });
    expect(compEvent.items).toHaveLength(7);

    // Each opinion as JSON and as the printable form.
    const json = await http.call('GET', `/cases/${c.caseId}/opinions/comprehensive`, await expertToken(e4));
    expect(json.body).toMatchObject({ kind: 'comprehensive', result: 'pass', dissent: [{ expertId: e5, name: '陈静' }] });
    for (const [kind, title] of [
      ['preliminary', '初评意见表'],
      ['technical', '技术评估意见表'],
      ['comprehensive', '综合技术评估意见表'],
    ]) {
      const page = await http.call('GET', `/cases/${c.caseId}/opinions/${kind}.html`, await staffToken());
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<h1>${title}</h1>`);
      expect(page.text).toContain('长春一汽模具制造有限公司');
    }
    const techPage = (await http.call('GET', `/cases/${c.caseId}/opinions/technical.html`, await staffToken())).text;
    expect(techPage).toContain('☑ 听取汇报');
    expect(techPage).toContain('☐ 访谈咨询');
    expect(techPage).toContain('去掉一个最高分和一个最低分');
    const compPage = (await http.call('GET', `/cases/${c.caseId}/opinions/comprehensive.html`, await staffToken())).text;
    expect(compPage).toContain('场地设施不足，建议不通过');
    expect(compPage).toContain('☑ 通过');
    expect(compPage).toContain('分职业评估结论');
    expect(compPage).toContain('通过：五级/初级工、四级/中级工');
    // Someone outside the group and the centre cannot read them.
    expect((await http.call('GET', `/cases/${c.caseId}/opinions/technical`, outsider)).status).toBe(404);
  });

  it('a veto fails the case whatever the total', async () => {
    const c = await readyCase({ members: 3 });
    const { scope } = await toOnsite(c);
    await fillAndSubmit(c, c.experts[0].expertId, sheetAt(scope.items, 1));
    await fillAndSubmit(c, c.experts[1].expertId, sheetAt(scope.items, 1, { vetoes: [{ vetoId: 'V5', reason: '考场无视频监控' }] }));
    await fillAndSubmit(c, c.experts[2].expertId, sheetAt(scope.items, 1));
    const technical = await http.call('POST', `/cases/${c.caseId}/opinions/technical`, await expertToken(c.leader), { summary: '满分但触发否决项' });
    expect(technical.status).toBe(201);
    const [event] = await waitForOpinionEvent(c.caseId, 'technical');
    expect(event).toMatchObject({ result: 'fail', total: 100, vetoed: true, vetoes: ['V5 无固定考核场所或无视频监控'] });
  });

  it('accepts a new preliminary opinion after a return and resubmission; a duplicate stage event counts once', async () => {
    const c = await readyCase();
    const leader = await expertToken(c.leader);
    const fail = await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, leader, { result: 'fail', reasons: [], summary: '材料不全' });
    expect(fail.status).toBe(400);
    expect(
      (
        await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, leader, {
          result: 'fail',
          reasons: ['缺少考评员名单'],
          summary: '材料不全，退回补正。',
        })
      ).status,
    ).toBe(201);

    // Review returns the materials; the same event is delivered twice (same ce_id) and must open only one new round.
    const returned = { id: randomUUID() };
    await moveStage(kafka, c.caseId, 'PRELIMINARY_REVIEW', 'RETURNED', returned);
    await moveStage(kafka, c.caseId, 'PRELIMINARY_REVIEW', 'RETURNED', returned);
    await waitForEvaluation(http, c.caseId, 'returned', (e) => e.stage === 'RETURNED');
    expect((await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, leader, { result: 'pass', reasons: [], summary: '—' })).status).toBe(409);

    await moveStage(kafka, c.caseId, 'RETURNED', 'PRELIMINARY_REVIEW');
    const resubmitted = await waitForEvaluation(http, c.caseId, 'back in preliminary review', (e) => e.stage === 'PRELIMINARY_REVIEW');
    expect(resubmitted.preliminaryRound).toBe(2);
    expect(
      (await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, leader, { result: 'pass', reasons: [], summary: '补正后材料齐全。' })).status,
    ).toBe(201);
    const events = await waitForOpinionEvent(c.caseId, 'preliminary', 2);
    expect(events.map((e: any) => e.result)).toEqual(['fail', 'pass']);
    expect((await http.call('GET', `/cases/${c.caseId}/opinions/preliminary`, leader)).body).toMatchObject({ round: 2, result: 'pass' });
  });

  it('scores an add-occupation case on the occupation-related items only, scaled to the total', async () => {
    const c = await readyCase({ applicationKind: 'add-occupation' });
    const { scope } = await toOnsite(c);
    expect(scope).toMatchObject({ occupationOnly: true, scopeMax: 70 });
    expect(scope.items.map((i: any) => i.id)).toEqual(['2', '3', '4', '5', '7']);

    const withOrgItem = sheetAt(scope.items, 1);
    withOrgItem.scores.push({ subItemId: '1.1', score: 4 });
    const refused = await http.call('PUT', `/cases/${c.caseId}/score-sheets/mine`, await expertToken(c.leader), withOrgItem);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('1.1');

    // Members at 100%, 50% and 60% → mean 70% of 70 points = 49, scaled × 100/70 = 70.
    const [a, b, d] = c.experts.map((e) => e.expertId);
    await fillAndSubmit(c, a, sheetAt(scope.items, 1));
    await fillAndSubmit(c, b, sheetAt(scope.items, 0.5));
    await fillAndSubmit(c, d, sheetAt(scope.items, 0.6));
    const technical = await http.call('POST', `/cases/${c.caseId}/opinions/technical`, await expertToken(c.leader), { summary: '新增职业部分符合要求' });
    expect(technical.status).toBe(201);
    expect(technical.body.consolidation).toMatchObject({ rawTotal: 49, scopeMax: 70, total: 70, result: 'pass', occupationOnly: true });
    const [event] = await waitForOpinionEvent(c.caseId, 'technical');
    expect(event.items.map((i: any) => [i.itemId, i.score])).toEqual([
      ['2', 7],
      ['3', 10.5],
      ['4', 14],
      ['5', 14],
      ['7', 3.5],
    ]);
    expect(event.total).toBe(70);
    expect((await http.call('GET', `/cases/${c.caseId}/opinions/technical.html`, await staffToken())).text).toContain('申请增加认定职业');
  });

  describe('standard versions', () => {
    const version2 = () => ({
      ...JSON.parse(JSON.stringify(socialOrg)),
      version: '2',
      passLine: 80,
      provisional: false,
      provenance: '测试：正式附件2',
      effectiveFrom: '2023-01-01',
    });

    it('refuses an invalid standard with every reason, and refuses non-administrators', async () => {
      const before = (await http.call('GET', '/standards', await staffToken())).body.length;
      const broken = JSON.parse(JSON.stringify(employer));
      broken.version = 'broken';
      broken.items[0].subItems[0].maxPoints = 9;
      broken.items[1].subItems[0].id = '1.1';
      broken.passLine = 101;
      const r = await http.call('POST', '/standards', await adminToken(), broken);
      expect(r.status).toBe(400);
      expect(r.body.problems).toEqual(
        expect.arrayContaining([
          "item 1 (组织保障): sub-item points add up to 20, not the item's 15",
          'id "1.1" is used twice (sub-item 1.1 of item 1 and sub-item 1.1 of item 2)',
          'passLine 101 is outside 0..100 (the total)',
        ]),
      );
      const shape = await http.call('POST', '/standards', await adminToken(), { ...employer, version: 'x', items: [{ id: '1' }] });
      expect(shape.status).toBe(400);
      expect(shape.body.message).toContain('items.0.title');
      expect((await http.call('POST', '/standards', await staffToken(), { ...employer, version: '9' })).status).toBe(403);
      expect((await http.call('POST', '/standards', await adminToken('220100'), { ...employer, version: '9' })).status).toBe(403);
      expect((await http.call('POST', '/standards', await adminToken(), employer)).status).toBe(409);
      expect((await http.call('GET', '/standards', await staffToken())).body.length).toBe(before);
    });

    it('a case started under version 1 keeps version 1 after version 2 is loaded', async () => {
      const started = await readyCase({ kind: 'social-org' });
      expect((await evaluationOf(http, started.caseId)).standard).toMatchObject({ standardId: 'jl-attachment-2-social-org', version: '1', passLine: 70 });

      const loaded = await http.call('POST', '/standards', await adminToken(), version2());
      expect(loaded.status).toBe(201);
      expect((await http.call('GET', '/standards/in-force?institutionKind=social-org', await staffToken())).body).toMatchObject({ version: '2', passLine: 80 });

      const later = await readyCase({ kind: 'social-org' });
      expect((await evaluationOf(http, later.caseId)).standard).toMatchObject({ version: '2', passLine: 80 });

      // The administrator sees which case is pinned to which version; staff may not list them.
      const pinned = await http.call('GET', '/standards/pinned-cases', await adminToken());
      expect(pinned.status).toBe(200);
      const versionOf = (caseId: string) => pinned.body.items.find((i: any) => i.caseId === caseId);
      expect(versionOf(started.caseId)).toMatchObject({ standardId: 'jl-attachment-2-social-org', version: '1', institutionKind: 'social-org' });
      expect(versionOf(later.caseId)).toMatchObject({ standardId: 'jl-attachment-2-social-org', version: '2' });
      expect((await http.call('GET', '/standards/pinned-cases', await staffToken())).status).toBe(403);

      // The first case is still scored against version 1 all the way to its opinion.
      const { scope, standard } = await toOnsite(started);
      expect(standard).toMatchObject({ version: '1', passLine: 70 });
      for (const e of started.experts) await fillAndSubmit(started, e.expertId, sheetAt(scope.items, 0.75));
      expect((await http.call('POST', `/cases/${started.caseId}/opinions/technical`, await expertToken(started.leader), { summary: '—' })).status).toBe(201);
      const [event] = await waitForOpinionEvent(started.caseId, 'technical');
      expect(event).toMatchObject({ standard: { standardId: 'jl-attachment-2-social-org', version: '1' }, passLine: 70, total: 75, result: 'pass' });
    });
  });

  describe('consumers', () => {
    const dltMessages = (topic: string, caseId: string) => deadLetters.find((m) => m.topic === dltOf(topic) && m.key === caseId);
    const waitForDlt = (topic: string, caseId: string) => waitFor(`${topic} dead-lettered for ${caseId}`, () => dltMessages(topic, caseId)[0]);

    it('a leader who is not a member ends in the DLT and changes nothing', async () => {
      const c = await readyCase();
      await produceEvent(kafka, Events.groupLeaderElected, {
        caseId: c.caseId,
        jurisdiction: JURISDICTION,
        groupId: c.groupId,
        leaderExpertId: 'outsider',
        votes: 2,
        voters: 3,
        electedAt: new Date().toISOString(),
      });
      const dead = await waitForDlt(Events.groupLeaderElected.topic, c.caseId);
      expect(dead.headers[Headers.dltError]).toContain('not a member');
      expect(dead.headers[Headers.dltErrorKind]).toBe('unprocessable');
      expect((await evaluationOf(http, c.caseId)).leaderExpertId).toBe(c.leader);
    });

    it('a group formed when no standard is in force ends in the DLT', async () => {
      const c = await openCase(kafka, { formedAt: new Date('2020-01-01T02:00:00Z') });
      const dead = await waitForDlt(Events.groupFormed.topic, c.caseId);
      expect(dead.headers[Headers.dltError]).toContain('no employer evaluation standard is in force on 2020-01-01');
      const e = await evaluationOf(http, c.caseId);
      expect(e.standard).toBeNull();
      expect(e.members).toEqual([]);
    });

    it('a replacement by someone already in the group ends in the DLT; a replacement delivered twice applies once', async () => {
      const c = await readyCase();
      const [, second, third] = c.experts;
      const replace = (replacedExpertId: string, replacement: { expertId: string; name: string }) => ({
        caseId: c.caseId,
        jurisdiction: JURISDICTION,
        groupId: c.groupId,
        replacedExpertId,
        replacement: { ...replacement, occupationCodes: ['6-18-01-01'] },
        cause: 'recused' as const,
        reason: '与申报单位存在利害关系',
        replacedAt: new Date().toISOString(),
      });
      await produceEvent(kafka, Events.groupMemberReplaced, replace(second.expertId, third));
      const dead = await waitForDlt(Events.groupMemberReplaced.topic, c.caseId);
      expect(dead.headers[Headers.dltError]).toContain('already a member');

      const meta = { id: randomUUID() };
      const reserve = { expertId: `${c.caseId.slice(0, 8)}-r1`, name: '孙强' };
      await produceEvent(kafka, Events.groupMemberReplaced, replace(second.expertId, reserve), meta);
      await produceEvent(kafka, Events.groupMemberReplaced, replace(second.expertId, reserve), meta);
      const after = await waitForEvaluation(http, c.caseId, 'replacement applied', (e) => e.members.some((m: any) => m.expertId === reserve.expertId));
      expect(after.members.map((m: any) => m.expertId)).toEqual([c.experts[0].expertId, reserve.expertId, third.expertId]);
      // The replaced expert can no longer act; the reserve can.
      expect((await http.call('POST', `/cases/${c.caseId}/findings`, await expertToken(second.expertId), { text: 'x' })).status).toBe(404);
      expect((await http.call('POST', `/cases/${c.caseId}/findings`, await expertToken(reserve.expertId), { text: '补充意见' })).status).toBe(201);
    });

    it('a recusal that overtakes the group-formed event waits for the group, then replaces the member', async () => {
      const caseId = randomUUID();
      const reserve = { expertId: `${caseId.slice(0, 8)}-r1`, name: '孙强', occupationCodes: ['6-18-01-01'] };
      await produceEvent(kafka, Events.groupMemberReplaced, {
        caseId,
        jurisdiction: JURISDICTION,
        groupId: `group-${caseId.slice(0, 8)}`,
        replacedExpertId: `${caseId.slice(0, 8)}-e2`,
        replacement: reserve,
        cause: 'recused' as const,
        reason: '与申报单位存在利害关系',
        replacedAt: new Date().toISOString(),
      });
      await waitFor('the recusal deferred', async () =>
        /filing_events_deferred\{topic="expert-pool\.group\.member-replaced\.v1"\} [1-9]/.test(await (await fetch(`${service.url}/metrics`)).text()),
      );
      const c = await openCase(kafka, { caseId });
      const after = await waitForEvaluation(http, c.caseId, 'the recusal applied', (e) => e.members.some((m: any) => m.expertId === reserve.expertId));
      expect(after.members.map((m: any) => m.expertId)).toEqual([c.experts[0].expertId, reserve.expertId, c.experts[2].expertId]);
      expect(dltMessages(Events.groupMemberReplaced.topic, caseId)).toEqual([]);
    });

    it('a request contradicting the pinned facts ends in the DLT; a request delivered twice is harmless', async () => {
      const c = await readyCase();
      const request = {
        caseId: c.caseId,
        jurisdiction: JURISDICTION,
        databaseLevel: JURISDICTION,
        applicationKind: 'new-filing' as const,
        applicant: { name: '长春一汽模具制造有限公司', creditCode: '91220101MA0Y3B9X1K', kind: 'social-org' as const },
        occupations: [{ code: '6-18-01-01', name: '车工', levels: [5], basis: 'national-standard' as const }],
        groupSize: 3,
        reserves: 2,
        workPlan: '—',
        requestedBy: { subject: 'staff-1', role: 'center-staff' as const, jurisdiction: JURISDICTION },
        requestedAt: new Date().toISOString(),
      };
      await produceEvent(kafka, Events.expertGroupRequested, request);
      const dead = await waitForDlt(Events.expertGroupRequested.topic, c.caseId);
      expect(dead.headers[Headers.dltError]).toContain('already evaluated as employer/new-filing');
      expect((await evaluationOf(http, c.caseId)).institutionKind).toBe('employer');

      // The same consistent request twice (one ce_id): the occupations are updated once, nothing is dead-lettered.
      const meta = { id: randomUUID() };
      const again = {
        ...request,
        applicant: { ...request.applicant, kind: 'employer' as const },
        occupations: [{ ...request.occupations[0], levels: [5, 4] }],
      };
      await produceEvent(kafka, Events.expertGroupRequested, again, meta);
      await produceEvent(kafka, Events.expertGroupRequested, again, meta);
      const after = await waitForEvaluation(http, c.caseId, 'updated occupations', (e) => e.occupations[0].levels.length === 2);
      expect(after).toMatchObject({ institutionKind: 'employer', standard: { version: '1' } });
      expect(dltMessages(Events.expertGroupRequested.topic, c.caseId)).toHaveLength(1);
    });

    it('a stage event that breaks its contract ends in the DLT without reaching the handler', async () => {
      const caseId = randomUUID();
      const meta = {
        id: randomUUID(),
        type: Events.caseStageChanged.type,
        source: '/services/review/220000',
        time: new Date().toISOString(),
        subject: caseId,
        correlationId: randomUUID(),
      };
      await produceRaw(
        kafka,
        Events.caseStageChanged.topic,
        caseId,
        JSON.stringify({ caseId, jurisdiction: JURISDICTION, to: 'NOWHERE' }),
        toKafkaHeaders(meta),
      );
      const dead = await waitForDlt(Events.caseStageChanged.topic, caseId);
      expect(dead.headers[Headers.dltErrorKind]).toBe('invalid-payload');
      expect(await evaluationOf(http, caseId)).toBeUndefined();
    });
  });

  it('audits findings, submitted score sheets, every opinion and loaded standards in a hash chain that verifies', async () => {
    expect((await http.call('GET', '/audit/verify', await staffToken())).status).toBe(403);
    const verdict = await http.call('GET', '/audit/verify', await adminToken());
    expect(verdict.body).toMatchObject({ ok: true, schema: 'assessment' });
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT DISTINCT action FROM assessment.audit_log`);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(
        expect.arrayContaining([
          'finding-recorded',
          'score-sheet-submitted',
          'preliminary-opinion-submitted',
          'technical-opinion-submitted',
          'comprehensive-opinion-submitted',
          'standard-loaded',
        ]),
      );
      const {
        rows: [sheet],
      } = await db.query(`SELECT actor FROM assessment.audit_log WHERE action = 'score-sheet-submitted' LIMIT 1`);
      expect(sheet.actor).toMatchObject({ role: 'expert', jurisdiction: expect.any(String) });
    } finally {
      await db.end();
    }
  });
});
