import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { CalendarOverridesLoaded, dltOf, Events, Headers } from '@filing/contracts';
import { produceEvent, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { call, institution, lathe, putAtStage, token, waitForStage } from './review.fixtures';

/**
 * Stage time limits (办理时限) count on the same calendar as the public notice: the overrides an administrator loads
 * at publication reach review as publication.calendar.overrides-loaded.v1 (produced here as publication would).
 * chinese-days has no data after 2026, so a deadline in 2029 needs the loaded year. (2029, not 2027: publication's own
 * e2e test loads 2027 onto the shared topic, and this instance would read it first when the specs run together.)
 */
describe('review: stage deadlines on the calendar overrides loaded at publication', () => {
  let changchun: ServiceProcess;
  let kafka: Kafka;
  let recorder: TopicRecorder;
  let staff: string;
  let caseId: string;

  const admin = { subject: 'admin-1', role: 'admin' as const, jurisdiction: '220000' };
  const load = (days: CalendarOverridesLoaded['days'], loadedAt: string): CalendarOverridesLoaded => ({ year: 2029, days, loadedBy: admin, loadedAt });
  const newYear = { date: '2029-01-01', kind: 'holiday' as const };

  const deadline = async () => (await call(changchun, 'GET', '/queue', staff)).body.waiting.find((c: any) => c.id === caseId)?.deadline;
  const dueDateBecomes = (dueDate: string) =>
    waitFor(`due date ${dueDate} on the work queue`, async () => ((await deadline())?.dueDate === dueDate ? deadline() : undefined));

  /** Processed events of this instance: the inbox keeps one row per event id. */
  async function inboxHas(eventId: string): Promise<boolean> {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      return (await db.query(`SELECT 1 FROM review_220100.inbox WHERE event_id = $1`, [eventId])).rowCount === 1;
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    changchun = await startServiceProcess({
      service: 'review',
      name: 'review-220100-calendar',
      env: {
        REVIEW_JURISDICTION: '220100',
        REVIEW_STAGE_LIMITS: '{"ACCEPT": 3}',
        CLOCK_MODE: 'controllable',
        EVENT_RETRY_BACKOFF_MS: '50',
        EVENT_MAX_ATTEMPTS: '2',
      },
    });
    kafka = testKafka();
    recorder = await new TopicRecorder(kafka, [dltOf(Events.calendarOverridesLoaded.topic)]).start();
    staff = await token('center-staff', '220100');
    // Monday 8 January 2029, 10:00 China time: the application arrives and acceptance has 3 working days.
    await fetch(`${changchun.url}/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2029-01-08T02:00:00.000Z' }),
    });
    caseId = randomUUID();
    await produceEvent(kafka, Events.applicationSubmitted, {
      caseId,
      applicationKind: 'new-filing',
      jurisdiction: '220100',
      institution: institution('employer', '长春二〇二九年期限测试有限公司'),
      occupations: [lathe],
      materials: [],
      submittedAt: '2029-01-08T02:00:00.000Z',
    });
    await waitForStage(changchun, caseId, 'SUBMITTED', staff);
  });

  afterAll(async () => {
    await recorder?.stop();
    await changchun?.stop();
  });

  it('shows no due date, naming the missing year, until the overrides for 2029 arrive; then a real one, counting the loaded holidays', async () => {
    expect(await deadline()).toEqual({
      limitWorkingDays: 3,
      dueDate: null,
      overdue: false,
      waitedWorkingDays: 0,
      problem: expect.stringContaining('no official holiday data for year 2029'),
      awaitingCalendarYear: 2029,
    });

    // Counting from 9 January; the loaded arrangement makes 9 January a holiday: 10, 11, 12 January.
    await produceEvent(kafka, Events.calendarOverridesLoaded, load([newYear, { date: '2029-01-09', kind: 'holiday' }], '2029-01-08T03:00:00.000Z'));
    expect(await dueDateBecomes('2029-01-12')).toEqual({ limitWorkingDays: 3, dueDate: '2029-01-12', overdue: false, waitedWorkingDays: 0 });
    const single = (await call(changchun, 'GET', `/cases/${caseId}`, staff)).body;
    expect(single.deadline).toMatchObject({ dueDate: '2029-01-12' });
  });

  it("a later load replaces the year's set; the earlier load delivered again, or replayed under a new id, changes nothing", async () => {
    const earlier = load([newYear, { date: '2029-01-10', kind: 'holiday' }], '2029-01-08T04:00:00.000Z');
    const earlierId = randomUUID();
    await produceEvent(kafka, Events.calendarOverridesLoaded, earlier, { id: earlierId });
    await dueDateBecomes('2029-01-12'); // 9, 11, 12 January

    // The correction: only New Year's Day. 9, 10, 11 January.
    await produceEvent(kafka, Events.calendarOverridesLoaded, load([newYear], '2029-01-08T05:00:00.000Z'));
    await dueDateBecomes('2029-01-11');

    // At-least-once: the earlier event again with its id (the inbox drops it), and the same earlier load under a new
    // id (older than what is in force, so ignored). One key, one partition: they arrive in this order.
    await produceEvent(kafka, Events.calendarOverridesLoaded, earlier, { id: earlierId });
    const replayId = randomUUID();
    await produceEvent(kafka, Events.calendarOverridesLoaded, earlier, { id: replayId });
    await waitFor('the replayed load consumed', () => inboxHas(replayId));
    expect(await deadline()).toEqual({ limitWorkingDays: 3, dueDate: '2029-01-11', overdue: false, waitedWorkingDays: 0 });
    expect(recorder.find((m) => m.topic === dltOf(Events.calendarOverridesLoaded.topic))).toEqual([]);
  });

  it('dead-letters a load whose days are not in its year, changing nothing', async () => {
    const bad = load([{ date: '2030-01-03', kind: 'holiday' }], '2029-01-08T06:00:00.000Z');
    const meta = await produceEvent(kafka, Events.calendarOverridesLoaded, bad);
    const dead = await waitFor(
      'the bad load on the DLT',
      () => recorder.find((m) => m.topic === dltOf(Events.calendarOverridesLoaded.topic) && m.headers[Headers.id] === meta.id)[0],
    );
    expect(dead.headers[Headers.dltErrorKind]).toBe('unprocessable');
    expect(dead.headers[Headers.dltError]).toContain('2030-01-03 is not in 2029');
    expect(await deadline()).toEqual({ limitWorkingDays: 3, dueDate: '2029-01-11', overdue: false, waitedWorkingDays: 0 });
  });

  it('shows an approved case whose notice waits for a year of the calendar as waiting, on the case and in the work queue, until the notice opens', async () => {
    const id = randomUUID();
    const inst = institution('employer', '长春公示等待日历测试有限公司');
    await produceEvent(kafka, Events.applicationSubmitted, {
      caseId: id,
      applicationKind: 'new-filing',
      jurisdiction: '220100',
      institution: inst,
      occupations: [lathe],
      materials: [],
      submittedAt: '2029-01-08T02:00:00.000Z',
    });
    await waitForStage(changchun, id, 'SUBMITTED', staff);
    // Straight to the notice stage: the steps before it are covered elsewhere.
    await putAtStage(id, 'PUBLIC_NOTICE');
    await produceEvent(kafka, Events.noticeAwaitingCalendar, {
      caseId: id,
      jurisdiction: '220100',
      year: 2030,
      approvedAt: '2029-12-27T02:00:00.000Z',
      waitingSince: '2029-12-27T02:00:05.000Z',
    });
    const waiting = await waitFor('the case waiting for the 2030 calendar', async () => {
      const c = (await call(changchun, 'GET', `/cases/${id}`, staff)).body;
      return c.waitingFor ? c : undefined;
    });
    expect(waiting.waitingFor).toMatchObject({
      kind: 'calendar',
      year: 2030,
      since: '2029-12-27T02:00:05.000Z',
      messageZh: expect.stringContaining('等待2030年工作日历'),
    });
    expect(waiting.history.map((h: any) => h.action)).toContain('notice-awaiting-calendar');
    const queue = (await call(changchun, 'GET', '/queue', staff)).body;
    expect(queue.supervising.find((c: any) => c.id === id).waitingFor).toMatchObject({ kind: 'calendar', year: 2030 });
    expect(queue.awaitingCalendarCount).toBeGreaterThanOrEqual(1);

    await produceEvent(kafka, Events.noticeOpened, {
      caseId: id,
      jurisdiction: '220100',
      noticeId: randomUUID(),
      startDate: '2030-01-02',
      endDate: '2030-01-09',
      workingDays: 5,
      publicationDayCounts: false,
      institution: inst,
      occupations: [lathe],
      openedAt: '2030-01-02T01:00:00.000Z',
    });
    const opened = await waitFor('the notice opened', async () => {
      const c = (await call(changchun, 'GET', `/cases/${id}`, staff)).body;
      return c.notice ? c : undefined;
    });
    expect(opened.waitingFor).toBeNull();
    expect(opened.notice).toMatchObject({ startDate: '2030-01-02', endDate: '2030-01-09' });
  });

  it('warns in its health and metrics how far the calendar reaches', async () => {
    const ready = (await call(changchun, 'GET', '/health/ready', staff)).body;
    // 2029 is loaded above and the clock stands in January 2029: covered until the end of 2029, no warning yet.
    expect(ready.checks.calendar).toMatchObject({ ok: true, affectsReadiness: false, detail: expect.stringContaining('covered until 2029-12-31') });
    const metrics = await (await fetch(`${changchun.url}/metrics`)).text();
    expect(metrics).toMatch(/filing_calendar_days_left 3\d\d/);
    await fetch(`${changchun.url}/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2029-11-15T02:00:00.000Z' }),
    });
    const late = (await call(changchun, 'GET', '/health/ready', staff)).body;
    expect(late.checks.calendar).toMatchObject({ ok: false, detail: expect.stringContaining('load the 2030 holiday arrangement') });
    expect(late.status).toBe('ready');
  });
});
