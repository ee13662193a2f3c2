import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { CaseApproved, Events, Headers } from '@filing/contracts';
import { ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { approval, approve, call, childcare, institution, lathe, objector, token } from './fixtures';

/**
 * The publication service as it runs: two replicas on the real broker and database, a controllable clock moved
 * through a 2025 National Day notice window (publication day not counted: 2025-09-29 → 2025-10-13).
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const T0 = '2025-09-29T02:00:00.000Z'; // Monday 10:00 in China
const AFTER_WINDOW = '2025-10-14T02:00:00.000Z';
const ENV = {
  CLOCK_MODE: 'controllable',
  NOTICE_POLL_MS: '200',
  OBJECTION_MAX_PER_NOTICE: '3',
  OBJECTION_RATE_LIMIT: '1000',
  EVENT_MAX_ATTEMPTS: '2',
  EVENT_RETRY_BACKOFF_MS: '50',
  CENTRE_CONTACTS: JSON.stringify({ '220100': { unit: '长春市职业技能鉴定中心', phone: '0431-88888888', address: '长春市人民大街 1 号' } }),
};

describe('publication: notice, objections, filing notice, register, national feed', () => {
  let kafka: Kafka;
  let replicas: ServiceProcess[] = [];
  let recorder: TopicRecorder;
  let staff: string, provinceStaff: string, approver: string, admin: string, cityApprover: string;
  const url = () => replicas[0].url;

  const setClock = async (now: string) => {
    for (const r of replicas) expect((await call(r.url, 'POST', '/test/clock', { body: { now } })).status).toBe(201);
  };
  const noticeOf = (caseId: string) =>
    waitFor(`the notice of case ${caseId}`, async () => {
      const r = await call(url(), 'GET', `/notices/by-case/${caseId}`, { token: provinceStaff });
      return r.status === 200 ? r.body : undefined;
    });
  const noticeWhen = (caseId: string, pred: (n: any) => boolean, what: string) =>
    waitFor(`case ${caseId}: ${what}`, async () => {
      const r = await call(url(), 'GET', `/notices/by-case/${caseId}`, { token: provinceStaff });
      return r.status === 200 && pred(r.body) ? r.body : undefined;
    });
  const events = (def: { topic: string }, caseId: string) =>
    recorder.find((m) => m.topic === def.topic && m.key === caseId).map((m) => ({ ...m, payload: JSON.parse(m.value) }));
  const startReplicas = async () => {
    replicas = await Promise.all([1, 2].map((i) => startServiceProcess({ service: 'publication', name: `publication-${i}`, env: ENV })));
  };

  beforeAll(async () => {
    kafka = testKafka();
    recorder = await new TopicRecorder(kafka, [
      Events.noticeOpened.topic,
      Events.noticeClosed.topic,
      Events.objectionReceived.topic,
      Events.objectionResolved.topic,
      Events.filingRequested.topic,
      Events.filingIssued.topic,
      Events.calendarOverridesLoaded.topic,
      Events.noticeAwaitingCalendar.topic,
      `${Events.caseApproved.topic}.dlt`,
    ]).start();
    [staff, provinceStaff, approver, admin, cityApprover] = await Promise.all([
      token('center-staff', '220100'),
      token('center-staff', '220000'),
      token('approver', '220000'),
      token('admin', '220000'),
      token('approver', '220100'),
    ]);
    await startReplicas();
    await setClock(T0);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await recorder?.stop();
  });

  const A = approval({ institution: institution('长春一汽模具制造有限公司'), occupations: [lathe] });
  const B = approval();
  const C = approval();
  const H = approval();
  const D = approval();
  const S = approval({ occupations: [lathe, childcare] });
  let noticeA: any, noticeB: any, noticeC: any, noticeH: any, noticeS: any;

  it('opens a notice on approval with explicit start and end dates (five working days, publication day not counted)', async () => {
    for (const c of [A, B, C, H, S]) await approve(kafka, c);
    [noticeA, noticeB, noticeC, noticeH, noticeS] = await Promise.all([A, B, C, H, S].map((c) => noticeOf(c.caseId)));
    // 9/29 goes up; counting from 9/30: 9/30, [10/1–10/8 National Day], 10/9, 10/10, 10/11 (调休 Saturday), 10/13.
    expect(noticeA).toMatchObject({ startDate: '2025-09-29', endDate: '2025-10-13', workingDays: 5, publicationDayCounts: false, status: 'open' });
    const opened = await waitFor('notice.opened for A', () => events(Events.noticeOpened, A.caseId)[0]);
    expect(opened.payload).toMatchObject({ noticeId: noticeA.id, startDate: '2025-09-29', endDate: '2025-10-13', workingDays: 5, publicationDayCounts: false });

    const list = await call(url(), 'GET', '/public/notices');
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: any) => n.noticeId)).toEqual(expect.arrayContaining([noticeA.id, noticeB.id]));
    // Nothing has ended yet: no past notices.
    expect((await call(url(), 'GET', '/public/notices?period=past')).body).toMatchObject({ total: 0, items: [] });
    expect((await call(url(), 'GET', '/public/notices?period=later')).status).toBe(400);
    // The window's days as the public calendar shows them: National Day and its make-up Saturday named.
    const days = await call(url(), 'GET', '/calendar/days?from=2025-09-29&to=2025-10-13');
    expect(days.status).toBe(200);
    expect(days.body.days).toHaveLength(15);
    expect(days.body.days.find((d: any) => d.date === '2025-10-01')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节' });
    expect(days.body.days.find((d: any) => d.date === '2025-10-11')).toMatchObject({ working: true, kind: 'make-up-workday' });
    expect(days.body.days.filter((d: any) => d.working && d.date > '2025-09-29')).toHaveLength(5);
    expect((await call(url(), 'GET', '/calendar/days?from=2025-10-13&to=2025-09-29')).status).toBe(400);
    expect((await call(url(), 'GET', '/calendar/days?from=2025-01-01&to=2025-12-31')).status).toBe(400);
    const details = await call(url(), 'GET', `/public/notices/${noticeA.id}`);
    expect(details.body).toMatchObject({
      institution: { name: '长春一汽模具制造有限公司', creditCode: A.institution.creditCode, kind: 'employer' },
      occupations: [{ code: '6-18-01-01', name: '车工', levels: [{ level: 5 }, { level: 4 }, { level: 3, name: '三级/高级工' }] }],
      period: { startDate: '2025-09-29', endDate: '2025-10-13', workingDays: 5 },
      contact: { unit: '长春市职业技能鉴定中心', phone: '0431-88888888' },
      acceptingObjections: true,
    });
  });

  it('an approval delivered twice opens one notice', async () => {
    const meta = await approve(kafka, D);
    await approve(kafka, D, meta.id);
    await noticeOf(D.caseId);
    await waitFor('the duplicate seen by a consumer', async () => {
      for (const r of replicas) {
        const metrics = await (await fetch(`${r.url}/metrics`)).text();
        if (/filing_events_consumed_total\{topic="review.case.approved.v1",outcome="duplicate"\} [1-9]/.test(metrics)) return true;
      }
      return false;
    });
    expect(events(Events.noticeOpened, D.caseId)).toHaveLength(1);
  });

  it('takes objections with real name inside the window, with a receipt; refuses anonymous ones; enforces abuse limits', async () => {
    const anonymous = await call(url(), 'POST', `/public/notices/${noticeB.id}/objections`, { body: { reason: '不合格' } });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.message).toMatch(/name/);
    expect(anonymous.body.message).toMatch(/idNumber/);

    // 居民身份证号 with a wrong GB 11643 check character (a typo): refused, naming the field and the rule.
    const typo = await call(url(), 'POST', `/public/notices/${noticeB.id}/objections`, { body: objector({ idNumber: '220102199001011234' }) });
    expect(typo.status).toBe(400);
    expect(typo.body.message).toMatch(/idNumber .*check character.*GB 11643/);

    const lodged = await call(url(), 'POST', `/public/notices/${noticeB.id}/objections`, { body: objector() });
    expect(lodged.status).toBe(201);
    expect(lodged.body.receiptNumber).toMatch(/^YY-20250929-[2-9A-Z]{8}$/);
    const received = await waitFor('objection.received', () => events(Events.objectionReceived, B.caseId)[0]);
    expect(received.payload).toMatchObject({ noticeId: noticeB.id, receiptNumber: lodged.body.receiptNumber });
    expect(received.value).not.toContain('220102199001011239');

    expect((await call(url(), 'POST', `/public/notices/${noticeC.id}/objections`, { body: { ...objector(), evidence: '证'.repeat(4001) } })).status).toBe(400);
    const onC = await call(url(), 'POST', `/public/notices/${noticeC.id}/objections`, {
      body: { ...objector({ name: '李四' }), evidence: '2025年9月实地查看照片3张，可当面提供。' },
    });
    expect(onC.status).toBe(201);
    // Staff read the evidence (证据及线索) with the objection.
    const onCListed = (await call(url(), 'GET', `/notices/${noticeC.id}/objections`, { token: staff })).body.items;
    expect(onCListed).toEqual([expect.objectContaining({ receiptNumber: onC.body.receiptNumber, evidence: '2025年9月实地查看照片3张，可当面提供。' })]);

    const huge = await call(url(), 'POST', `/public/notices/${noticeH.id}/objections`, { body: objector({ reason: '长'.repeat(20000) }) });
    expect(huge.status).toBe(413);
    for (let i = 0; i < 3; i++) expect((await call(url(), 'POST', `/public/notices/${noticeH.id}/objections`, { body: objector() })).status).toBe(201);
    const capped = await call(url(), 'POST', `/public/notices/${noticeH.id}/objections`, { body: objector() });
    expect(capped.status).toBe(429);

    const staffView = await call(url(), 'GET', `/notices/${noticeB.id}/objections`, { token: staff });
    expect(staffView.body.items[0]).toMatchObject({ objectorName: '张三', objectorIdNumber: '2201**********1239', status: 'open' });
  });

  it('centre staff investigate and settle objections with reasons; upheld for the whole case = not passed', async () => {
    const [objB] = (await call(url(), 'GET', `/notices/${noticeB.id}/objections`, { token: staff })).body.items;
    expect((await call(url(), 'POST', `/objections/${objB.id}/investigation`, { token: staff, body: { note: '安排实地核查' } })).status).toBe(200);
    const noScope = await call(url(), 'POST', `/objections/${objB.id}/resolution`, { token: staff, body: { outcome: 'upheld', reason: '核查属实' } });
    expect(noScope.status).toBe(400);
    const otherCity = await call(url(), 'POST', `/objections/${objB.id}/resolution`, {
      token: await token('center-staff', '220200'),
      body: { outcome: 'dismissed', reason: 'x' },
    });
    expect(otherCity.status).toBe(404);
    const upheld = await call(url(), 'POST', `/objections/${objB.id}/resolution`, {
      token: staff,
      body: { outcome: 'upheld', scope: 'whole-case', reason: '经实地核查，实操场地不符合要求，异议成立。' },
    });
    expect(upheld.status).toBe(200);
    // The window is still running: the notice stays up until its end date.
    expect(upheld.body.notice).toMatchObject({ status: 'open', outcome: null });
    const again = await call(url(), 'POST', `/objections/${objB.id}/resolution`, { token: staff, body: { outcome: 'dismissed', reason: 'x' } });
    expect(again.status).toBe(409);
    const resolved = await waitFor('objection.resolved', () => events(Events.objectionResolved, B.caseId)[0]);
    expect(resolved.payload).toMatchObject({ outcome: 'upheld', struckOccupationCodes: [], reason: '经实地核查，实操场地不符合要求，异议成立。' });

    const onS = await call(url(), 'POST', `/public/notices/${noticeS.id}/objections`, { body: objector({ reason: '保育师四级无考评人员。' }) });
    const strike = await call(url(), 'POST', `/objections/${onS.body.objectionId}/resolution`, {
      token: staff,
      body: { outcome: 'upheld', scope: 'occupations', struckOccupationCodes: ['4-07-05-02'], reason: '保育师考评人员不足，核减该职业。' },
    });
    expect(strike.status).toBe(200);
    const status = await call(url(), 'GET', `/public/objections/${onS.body.receiptNumber}`);
    expect(status.body).toMatchObject({ status: 'upheld', resolutionReason: '保育师考评人员不足，核减该职业。' });
    expect(JSON.stringify(status.body)).not.toContain('220102199001011239');

    const [objC] = (await call(url(), 'GET', `/notices/${noticeC.id}/objections`, { token: staff })).body.items;
    expect((await call(url(), 'POST', `/objections/${objC.id}/investigation`, { token: staff, body: { note: '调取材料' } })).status).toBe(200);
  });

  it('when the window ends: closes once on its own, requests the filing notice if nothing is open, holds it while an objection is open', async () => {
    await setClock(AFTER_WINDOW);
    const closedA = await noticeWhen(A.caseId, (n) => n.status === 'closed', 'closed');
    expect(closedA).toMatchObject({ outcome: 'no-objection', filingStatus: 'requested' });
    const closedB = await noticeWhen(B.caseId, (n) => n.status === 'closed', 'closed');
    expect(closedB).toMatchObject({ outcome: 'objection-upheld', filingStatus: 'none' });
    // 往期公示: the public sees ended notices with their result.
    const past = (await call(url(), 'GET', '/public/notices?period=past')).body;
    expect(past.items.find((n: any) => n.noticeId === noticeA.id)).toMatchObject({ status: 'closed', outcome: 'no-objection', acceptingObjections: false });
    expect(past.items.find((n: any) => n.noticeId === noticeB.id)).toMatchObject({ outcome: 'objection-upheld' });
    expect((await call(url(), 'GET', '/public/notices')).body.items.map((n: any) => n.noticeId)).not.toContain(noticeA.id);
    await noticeWhen(C.caseId, (n) => n.status === 'awaiting-objections', 'held for its objection');
    const struck = await noticeWhen(S.caseId, (n) => n.status === 'closed', 'closed');
    expect(struck).toMatchObject({ outcome: 'occupations-struck', remainingOccupations: [lathe], filingStatus: 'requested' });

    expect((await waitFor('notice.closed A', () => events(Events.noticeClosed, A.caseId)[0])).payload).toMatchObject({
      outcome: 'no-objection',
      remainingOccupations: [lathe],
    });
    expect((await waitFor('notice.closed B', () => events(Events.noticeClosed, B.caseId)[0])).payload).toMatchObject({
      outcome: 'objection-upheld',
      remainingOccupations: [],
    });
    expect((await waitFor('filing.requested A', () => events(Events.filingRequested, A.caseId)[0])).payload).toMatchObject({
      noticeId: noticeA.id,
      jurisdiction: '220100',
    });

    const late = await call(url(), 'POST', `/public/notices/${noticeA.id}/objections`, { body: objector() });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('runs from 2025-09-29 to 2025-10-13');
    expect(late.body.message).toContain('has ended');

    const held = await call(url(), 'POST', `/filing-requests/${noticeC.id}/issue`, { token: approver });
    expect(held.status).toBe(409);
    expect(held.body.message).toContain('held');
    expect((await call(url(), 'POST', `/filing-requests/${noticeB.id}/issue`, { token: approver })).status).toBe(409);
    const queue = await call(url(), 'GET', '/filing-requests', { token: approver });
    expect(queue.body.items.map((i: any) => i.noticeId)).toContain(noticeA.id);
    expect(queue.body.items.map((i: any) => i.noticeId)).not.toContain(noticeC.id);
    expect(events(Events.filingRequested, C.caseId)).toHaveLength(0);
  });

  it('an objection settled after the window closes the notice then', async () => {
    const [objC] = (await call(url(), 'GET', `/notices/${noticeC.id}/objections`, { token: staff })).body.items;
    const dismissed = await call(url(), 'POST', `/objections/${objC.id}/resolution`, {
      token: staff,
      body: { outcome: 'dismissed', reason: '经核查，异议不成立。' },
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.notice).toMatchObject({ status: 'closed', outcome: 'objections-dismissed' });
    await waitFor('filing.requested C', () => events(Events.filingRequested, C.caseId)[0]);
    // B's close was written before C's request; the relay publishes in commit order, so B's would be here by now.
    expect(events(Events.filingRequested, B.caseId)).toHaveLength(0);
    expect(events(Events.noticeClosed, A.caseId)).toHaveLength(1);
  });

  const batch: CaseApproved[] = [];
  const filings: any[] = [];

  it('issues filing notices concurrently on two replicas with gapless, unique numbers per year', async () => {
    // One add-occupation case for A's institution, and ten more new filings, all approved on 2025-10-14.
    batch.push(approval({ institution: A.institution, applicationKind: 'add-occupation', occupations: [childcare] }));
    for (let i = 0; i < 10; i++) batch.push(approval({ jurisdiction: i % 2 ? '220100' : '220200', occupations: [lathe] }));
    for (const c of batch) await approve(kafka, c);
    await Promise.all(batch.map((c) => noticeOf(c.caseId)));
    await setClock('2025-10-22T02:00:00.000Z');
    await Promise.all(batch.map((c) => noticeWhen(c.caseId, (n) => n.filingStatus === 'requested', 'filing requested')));

    expect((await call(url(), 'POST', `/filing-requests/${noticeA.id}/issue`, { token: cityApprover })).status).toBe(403);
    const noticeIds = [noticeA.id, noticeC.id, ...(await Promise.all(batch.map((c) => noticeOf(c.caseId)))).map((n: any) => n.id)];
    const results = await Promise.all(noticeIds.map((id, i) => call(replicas[i % 2].url, 'POST', `/filing-requests/${id}/issue`, { token: approver })));
    expect(results.map((r) => r.status)).toEqual(noticeIds.map(() => 201));
    filings.push(...results.map((r) => r.body));
    const n = noticeIds.length;
    expect(filings.map((f) => f.noticeNumber).sort()).toEqual(Array.from({ length: n }, (_, i) => `吉人社备〔2025〕${i + 1}号`).sort());
    expect(filings.map((f) => f.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(new Set(filings.map((f) => f.noticeDate))).toEqual(new Set(['2025-10-22']));
    // 备案编号: one per institution, kept by the add-occupation filing.
    const addOcc = filings.find((f) => f.caseId === batch[0].caseId);
    expect(addOcc.filingNumber).toBe(filings.find((f) => f.caseId === A.caseId).filingNumber);
    expect(new Set(filings.map((f) => f.filingNumber))).toEqual(
      new Set(Array.from({ length: n - 1 }, (_, i) => `220000-2025-${String(i + 1).padStart(4, '0')}`)),
    );
    // Issuing twice is refused.
    expect((await call(url(), 'POST', `/filing-requests/${noticeA.id}/issue`, { token: approver })).status).toBe(409);

    const issued = await waitFor('filing.issued A', () => events(Events.filingIssued, A.caseId)[0]);
    const fA = filings.find((f) => f.caseId === A.caseId);
    expect(issued.headers[Headers.id]).toBe(fA.filingId);
    expect(issued.payload).toMatchObject({
      filingId: fA.filingId,
      sequence: fA.sequence,
      noticeNumber: fA.noticeNumber,
      noticeDate: '2025-10-22',
      filingNumber: fA.filingNumber,
      issuingAuthority: '吉林省人力资源和社会保障厅',
      institution: { name: '长春一汽模具制造有限公司', province: '220000', jurisdiction: '220100', jurisdictionName: '长春市', scope: 'own-employees' },
      occupations: [lathe],
      status: 'valid',
    });
  });

  it('keeps the register: add-occupation extends the entry; public search by city, occupation, level and name; coverage', async () => {
    const byName = await call(url(), 'GET', `/public/register?name=${encodeURIComponent('一汽模具')}`);
    expect(byName.body.total).toBe(1);
    expect(byName.body.items[0]).toMatchObject({ creditCode: A.institution.creditCode, jurisdiction: '220100', status: 'valid' });
    expect(byName.body.items[0].occupations.map((o: any) => o.code).sort()).toEqual(['4-07-05-02', '6-18-01-01']);
    expect(byName.body.items[0].filings).toHaveLength(2);
    // The register is public: the address, but no contact person, phone or e-mail (personal data).
    expect(byName.body.items[0].address).toBe(A.institution.address);
    expect(byName.body.items[0].contact).toBeUndefined();
    for (const personal of [A.institution.contact.person, A.institution.contact.phone, A.institution.contact.email])
      expect(JSON.stringify(byName.body)).not.toContain(String(personal));

    const level4childcare = await call(url(), 'GET', '/public/register?occupation=4-07-05-02&level=4&city=220100');
    expect(level4childcare.body.items.map((i: any) => i.creditCode)).toEqual([A.institution.creditCode]);
    expect((await call(url(), 'GET', '/public/register?occupation=4-07-05-02&level=1')).body.total).toBe(0);
    expect((await call(url(), 'GET', `/public/register?occupation=${encodeURIComponent('车工')}&city=220200`)).body.total).toBe(5);

    const byCode = await call(url(), 'GET', `/public/register?creditCode=${A.institution.creditCode}`);
    expect(byCode.body.items.map((i: any) => i.creditCode)).toEqual([A.institution.creditCode]);
    expect((await call(url(), 'GET', '/public/register?creditCode=91220101MA0Y3B9X1')).status).toBe(400);

    const all = await call(url(), 'GET', '/public/register?pageSize=5');
    expect(all.body.total).toBe(12); // A and C plus ten from the batch (the add-occupation case extended A)
    const page3 = await call(url(), 'GET', '/public/register?pageSize=5&page=3');
    expect(page3.body.items).toHaveLength(2);
    expect((await call(url(), 'GET', '/public/register?pageSize=500')).status).toBe(400);

    const coverage = await call(url(), 'GET', '/public/register/coverage');
    const latheCov = coverage.body.occupations.find((o: any) => o.code === '6-18-01-01');
    expect(latheCov.jurisdictions.map((j: any) => j.code)).toEqual(['220100', '220200']);
    expect(latheCov.citiesWithout.map((j: any) => j.code)).toContain('220300');
    expect(coverage.body.occupations.find((o: any) => o.code === '4-07-05-02').jurisdictions).toEqual([
      { code: '220100', name: '长春市', institutions: 1, levels: [4] },
    ]);
  });

  it('replays the national feed twice with the same ids: a consumer deduping on ce_id sees nothing new; reconciliation names the missing ids', async () => {
    const ids = filings.map((f) => f.filingId);
    // Only this run's filings: the broker may keep the topic from earlier runs.
    const ours = new Set(ids);
    const feed = () => recorder.find((m) => m.topic === Events.filingIssued.topic && ours.has(m.headers[Headers.id]));
    await waitFor('every filing on the feed', () => feed().length === ids.length);
    const deduped = () => new Set(feed().map((m) => m.headers[Headers.id]));
    expect([...deduped()].sort()).toEqual([...ids].sort());
    const firstPayloads = new Map(feed().map((m) => [m.headers[Headers.id], m.value]));

    const viaEndpoint = await call(url(), 'POST', '/national-feed/replays', { token: admin, body: { fromSequence: 1 } });
    expect(viaEndpoint.status).toBe(200);
    expect(viaEndpoint.body).toMatchObject({ events: ids.length, firstSequence: 1, lastSequence: ids.length });
    expect((await call(url(), 'POST', '/national-feed/replays', { token: staff, body: { fromSequence: 1 } })).status).toBe(403);
    expect((await call(url(), 'POST', '/national-feed/replays', { token: admin, body: {} })).status).toBe(400);

    const cli = await runCli(['--from-date', '2025-10-01']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ events: ids.length });

    await waitFor('both replays on the feed', () => feed().length === ids.length * 3);
    expect([...deduped()].sort()).toEqual([...ids].sort());
    for (const m of feed()) expect(m.value).toBe(firstPayloads.get(m.headers[Headers.id]));

    const held = ids.slice(2);
    const rec = await call(url(), 'POST', '/national-feed/reconciliation', { token: admin, body: { heldIds: [...held, 'not-ours'] } });
    expect(rec.status).toBe(200);
    expect(rec.body.missing.map((m: any) => m.filingId).sort()).toEqual(ids.slice(0, 2).sort());
    expect(rec.body.unknown).toEqual(['not-ours']);
    expect(rec.body.issued).toBe(ids.length);
  });

  it('a notice that falls due while the service is down closes exactly once when it comes back', async () => {
    const F = approval();
    await approve(kafka, F);
    const noticeF = await noticeOf(F.caseId);
    expect(noticeF).toMatchObject({ startDate: '2025-10-22', endDate: '2025-10-29', status: 'open' });
    await Promise.all(replicas.map((r) => r.stop()));
    // Back up with a fresh clock (real time, well after 2025-10-29): the first scheduler pass runs before "ready".
    await startReplicas();
    const closed = await call(url(), 'GET', `/notices/by-case/${F.caseId}`, { token: staff });
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'no-objection' });
    await waitFor('filing.requested F', () => events(Events.filingRequested, F.caseId)[0]);
    expect(events(Events.noticeClosed, F.caseId)).toHaveLength(1);
    expect(events(Events.filingRequested, F.caseId)).toHaveLength(1);
  });

  let noticeG: any;

  it('keeps an approval whose notice window reaches a year without calendar data waiting, visibly, and opens its notice once an administrator loads the year', async () => {
    await setClock('2027-01-04T02:00:00.000Z');
    const health = (await call(url(), 'GET', '/health/ready')).body;
    expect(health.checks.calendar).toMatchObject({ ok: false, affectsReadiness: false, detail: expect.stringContaining('no data for 2027') });
    expect((await call(url(), 'GET', '/calendar')).body.coverage).toMatchObject({ coveredUntil: null, nextMissingYear: 2027 });
    const G = approval();
    await approve(kafka, G);
    const waiting = await waitFor('notice.awaiting-calendar for G', () => events(Events.noticeAwaitingCalendar, G.caseId)[0]);
    expect(waiting.payload).toMatchObject({ caseId: G.caseId, year: 2027, approvedAt: G.approvedAt });
    const listed = await call(url(), 'GET', '/notices/awaiting-calendar', { token: provinceStaff });
    expect(listed.body.items).toEqual([expect.objectContaining({ caseId: G.caseId, waitingForYear: 2027, institutionName: G.institution.name })]);
    const byCase = await call(url(), 'GET', `/notices/by-case/${G.caseId}`, { token: staff });
    expect(byCase.status).toBe(404);
    expect(byCase.body.message).toContain('waits for the 2027 working-day calendar');
    // Nothing is dead-lettered, and the approval delivered again changes nothing.
    await approve(kafka, G);
    expect(recorder.find((m) => m.topic === `${Events.caseApproved.topic}.dlt` && m.key === G.caseId)).toEqual([]);

    const wrongYear = await call(url(), 'POST', '/calendar/overrides', { token: admin, body: { year: 2027, days: [{ date: '2028-01-01', kind: 'holiday' }] } });
    expect(wrongYear.status).toBe(400);
    expect(
      (await call(url(), 'POST', '/calendar/overrides', { token: staff, body: { year: 2027, days: [{ date: '2027-01-01', kind: 'holiday' }] } })).status,
    ).toBe(403);
    const loaded = await call(url(), 'POST', '/calendar/overrides', {
      token: admin,
      body: {
        year: 2027,
        source: 'test arrangement',
        days: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, kind: 'holiday', note: '元旦' })),
      },
    });
    expect(loaded.status).toBe(201);
    expect(loaded.body.coveredYears).toContain(2027);
    expect((await call(url(), 'GET', '/calendar')).body.coveredYears).toContain(2027);
    // The loaded year travels to review (stage time limits) as an event, written with the overrides; refused loads emit nothing.
    // The topic is read from its beginning and other spec files load 2027 too: this spec's load is the one made at its clock.
    const ours = () => events(Events.calendarOverridesLoaded, 'calendar-2027').filter((e) => String(e.payload.loadedAt).startsWith('2027-01-04T02:'));
    const sent = await waitFor('calendar overrides-loaded 2027', () => ours()[0]);
    expect(sent.payload).toEqual({
      year: 2027,
      days: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, kind: 'holiday' })),
      loadedBy: { subject: expect.any(String), role: 'admin', jurisdiction: '220000' },
      loadedAt: expect.stringMatching(/^2027-01-04T02:00/), // the clock set above, ticking on
    });
    expect(ours()).toHaveLength(1);

    // The waiting notice opens by itself: 2027-01-04 (Mon) goes up; counting from the next day: 1/5, 1/6, 1/7, 1/8, 1/11.
    noticeG = await noticeOf(G.caseId);
    expect(noticeG).toMatchObject({ startDate: '2027-01-04', endDate: '2027-01-11', status: 'open' });
    // The row is committed before the relay publishes its event: wait for it, then there is exactly one.
    await waitFor('the notice-opened event of G', () => events(Events.noticeOpened, G.caseId).length > 0);
    expect(events(Events.noticeOpened, G.caseId)).toHaveLength(1);
    expect((await call(url(), 'GET', '/notices/awaiting-calendar', { token: provinceStaff })).body.items).toEqual([]);
    expect(events(Events.noticeAwaitingCalendar, G.caseId)).toHaveLength(1);
  });

  it('limits objections per client address', async () => {
    const limited = await startServiceProcess({
      service: 'publication',
      name: 'publication-limited',
      env: { ...ENV, OBJECTION_RATE_LIMIT: '2', OBJECTION_MAX_PER_NOTICE: '100', NOTICE_SCHEDULER: 'off' },
    });
    const lodgeFrom = (svc: ServiceProcess, forwardedFor?: string) =>
      fetch(`${svc.url}/public/notices/${noticeG.id}/objections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify(objector()),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    try {
      await call(limited.url, 'POST', '/test/clock', { body: { now: '2027-01-05T02:00:00.000Z' } });
      // No trusted proxy configured: X-Forwarded-For is not believed, so it cannot be used to dodge the limit.
      for (let i = 0; i < 2; i++) expect((await lodgeFrom(limited, `198.51.100.${i}`)).status).toBe(201);
      const third = await lodgeFrom(limited, '198.51.100.9');
      expect(third.status).toBe(429);
      expect(third.body.message).toContain('too many objections from this address');
    } finally {
      await limited.stop();
    }
    // Behind the console server or an ingress (TRUST_PROXY=loopback here): each visitor has their own bucket, keyed on
    // the address the trusted proxy forwards, and the proxy's own address is not one shared bucket.
    const proxied = await startServiceProcess({
      service: 'publication',
      name: 'publication-proxied',
      env: {
        ...ENV,
        OBJECTION_RATE_LIMIT: '2',
        OBJECTION_MAX_PER_NOTICE: '100',
        NOTICE_SCHEDULER: 'off',
        TRUST_PROXY: 'loopback',
        METRICS_ALLOW: '10.0.0.0/8',
        DOCS_ALLOW: 'none',
      },
    });
    try {
      await call(proxied.url, 'POST', '/test/clock', { body: { now: '2027-01-05T02:00:00.000Z' } });
      for (let i = 0; i < 2; i++) expect((await lodgeFrom(proxied, '203.0.113.7')).status).toBe(201);
      expect((await lodgeFrom(proxied, '203.0.113.7')).status).toBe(429);
      // A client cannot prepend its own entry: the rightmost untrusted address counts.
      expect((await lodgeFrom(proxied, '198.51.100.1, 203.0.113.7')).status).toBe(429);
      expect((await lodgeFrom(proxied, '203.0.113.8')).status).toBe(201);
      // /metrics and /docs restricted by configuration: the monitoring subnet reads metrics, nobody reads the docs.
      const get = async (path: string, forwardedFor?: string) =>
        (await fetch(`${proxied.url}${path}`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })).status;
      expect(await get('/metrics', '10.4.0.9')).toBe(200);
      expect(await get('/metrics', '203.0.113.7')).toBe(404);
      expect(await get('/metrics')).toBe(404); // the console's loopback address is not the monitoring subnet
      expect([await get('/docs'), await get('/docs/openapi.json', '10.4.0.9')]).toEqual([404, 404]);
      expect(await get('/health/ready', '203.0.113.7')).toBe(200);
      // Unrestricted (the default), as on the other replicas.
      expect([(await fetch(`${url()}/docs/openapi.json`)).status, (await fetch(`${url()}/metrics`)).status]).toEqual([200, 200]);
      const db = new Client({ connectionString: process.env.DATABASE_URL });
      await db.connect();
      try {
        const { rows } = await db.query(
          `SELECT client_ip, count(*)::int AS n FROM publication.objection WHERE notice_id = $1 AND client_ip LIKE '203.0.113.%' GROUP BY client_ip ORDER BY client_ip`,
          [noticeG.id],
        );
        expect(rows).toEqual([
          { client_ip: '203.0.113.7', n: 2 },
          { client_ip: '203.0.113.8', n: 1 },
        ]);
      } finally {
        await db.end();
      }
    } finally {
      await proxied.stop();
    }
  });

  it('audits every decision above in one hash chain across both replicas, and it verifies', async () => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      // One still-open objection goes under investigation (核查): that step is audited too.
      const {
        rows: [open],
      } = await db.query(`SELECT id FROM publication.objection WHERE status = 'open' ORDER BY received_at LIMIT 1`);
      expect((await call(url(), 'POST', `/objections/${open.id}/investigation`, { token: provinceStaff, body: { note: '安排实地核查' } })).status).toBe(200);
      const {
        rows: [investigated],
      } = await db.query(`SELECT reason, actor, details FROM publication.audit_log WHERE action = 'objection-investigated' ORDER BY seq DESC LIMIT 1`);
      expect(investigated).toMatchObject({
        reason: '安排实地核查',
        actor: { role: 'center-staff', jurisdiction: '220000' },
        details: { objectionId: open.id },
      });

      expect((await call(url(), 'GET', '/audit/verify', { token: staff })).status).toBe(403);
      const verdict = await call(url(), 'GET', '/audit/verify', { token: admin });
      expect(verdict.body).toMatchObject({ ok: true, schema: 'publication' });
      const { rows } = await db.query(`SELECT action, count(*)::int AS n FROM publication.audit_log GROUP BY action`);
      const counts = Object.fromEntries(rows.map((r: { action: string; n: number }) => [r.action, r.n]));
      for (const action of [
        'notice-opened',
        'notice-awaiting-calendar',
        'objection-lodged',
        'objection-resolved',
        'notice-held-for-objections',
        'notice-closed',
        'filing-notice-issued',
        'calendar-overrides-loaded',
        'feed-replayed',
      ]) {
        expect({ action, logged: (counts[action] ?? 0) > 0 }).toEqual({ action, logged: true });
      }
      // The approval delivered twice opened one notice, and audited one opening.
      const { rows: opened } = await db.query(
        `SELECT count(*)::int AS n FROM publication.audit_log WHERE action = 'notice-opened' GROUP BY case_id HAVING count(*) > 1`,
      );
      expect(opened).toEqual([]);
    } finally {
      await db.end();
    }
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'services/publication/src/feed/replay-feed.cli.ts', ...args], {
      cwd: ROOT,
      env: process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
