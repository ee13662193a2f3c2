import ExcelJS from 'exceljs';
import { randomInt } from 'node:crypto';
import { ServiceProcess, startServiceProcess, waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS } from '../../../tools/demo/demo-experts';
import { PrivateBroker, startPrivateBroker } from '../private-broker';
import { CaseRecord, institution, ProcedureDriver } from './procedure-driver';

const { lathe } = DEMO_OCCUPATIONS;

/**
 * 省级监管 across instances: Changchun runs its own review instance, the province's serves itself and Jilin city. The
 * province's figures come only from the instances' events (its read model) and their heartbeats; stopping
 * Changchun's process stops its heartbeats and the province shows it stale — with its last figures, not zeros.
 * March 2026 has no holiday: the working days below are plain Monday–Friday counts.
 */
describe("the province's oversight of every instance's cases", () => {
  const procs: ServiceProcess[] = [];
  let ownBroker: PrivateBroker;
  let changchun: ServiceProcess;
  let province: ServiceProcess;
  let d: ProcedureDriver;
  const names = {
    a1: `长春${randomInt(1e6)}甲机械有限公司`,
    a2: `长春${randomInt(1e6)}乙机械有限公司`,
    a3: `长春${randomInt(1e6)}丙机械有限公司`,
    b1: `吉林省${randomInt(1e6)}直属集团有限公司`,
    c1: `吉林市${randomInt(1e6)}化工有限公司`,
  };
  const cases = {} as Record<keyof typeof names, CaseRecord>;

  const setClock = async (iso: string) => {
    for (const p of procs.filter((x) => x.child.exitCode === null)) await d.step(`clock of ${p.name}`, 'POST', `${p.url}/test/clock`, undefined, { now: iso });
  };
  const oversight = async (token: string) => d.http('GET', `${province.url}/oversight`, token);
  const workbook = async (url: string, token: string) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    return wb;
  };
  const rowsOf = (sheet: ExcelJS.Worksheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return rows;
  };

  beforeAll(async () => {
    // A broker of its own: the figures count every case the instances hold (see startPrivateBroker).
    ownBroker = await startPrivateBroker();
    const env = {
      KAFKA_BROKERS: ownBroker.brokers.join(','),
      CLOCK_MODE: 'controllable',
      EVENT_RETRY_BACKOFF_MS: '50',
      REVIEW_HEARTBEAT_INTERVAL_MS: '400',
      REVIEW_OVERSIGHT_STALE_AFTER_MS: '4000',
    };
    const started = await Promise.all([
      startServiceProcess({ service: 'intake', name: 'ovs-intake', env }),
      startServiceProcess({ service: 'review', name: 'ovs-review-220000', env: { ...env, REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' } }),
      startServiceProcess({ service: 'review', name: 'ovs-review-220100', env: { ...env, REVIEW_JURISDICTION: '220100' } }),
    ]);
    procs.push(...started);
    const [intake] = started;
    [, province, changchun] = started;
    d = new ProcedureDriver({
      intake: intake.url,
      reviewProvince: province.url,
      reviewCities: { '220100': changchun.url },
      expertPool: '',
      assessment: '',
      publication: '',
    });
  });

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await ownBroker?.stop();
  });

  it('builds the figures from a known set of cases at both instances', async () => {
    // Monday 2 March 2026, 09:00 in China: five applications, three in Changchun.
    await setClock('2026-03-02T01:00:00.000Z');
    cases.a1 = await d.submit('220100', institution(names.a1), [lathe]);
    cases.a2 = await d.submit('220100', institution(names.a2), [lathe]);
    cases.a3 = await d.submit('220100', institution(names.a3), [lathe]);
    cases.b1 = await d.submit('220000', institution(names.b1, 'employer', '220102'), [lathe]);
    cases.c1 = await d.submit('220200', institution(names.c1, 'employer', '220202'), [lathe]);

    // Wednesday 4 March: two accepted after 2 working days (3rd, 4th).
    await setClock('2026-03-04T02:00:00.000Z');
    await d.accept(cases.a1);
    await d.accept(cases.b1);
    // Friday 6 March: one refused and one accepted after 4 working days.
    await setClock('2026-03-06T02:00:00.000Z');
    await d.step('not accept', 'POST', `${changchun.url}/cases/${cases.a2.caseId}/not-accept`, await d.token('center-staff', '220100'), {
      reason: '材料不符合要求',
    });
    await d.accept(cases.c1);
    // Monday 16 March: Jilin city asks for experts after 6 working days in ACCEPTED (9th–13th, 16th).
    await setClock('2026-03-16T02:00:00.000Z');
    await d.requestExperts(cases.c1, 5);
    // Heartbeats counted after the last step (the instances' clocks run on from the instant set).
    const stepsDone: string = (await d.step('the province clock', 'GET', `${province.url}/test/clock`, undefined)).now;

    const staff = await d.token('center-staff', '220000');
    const view = await waitFor(
      'the oversight read model to hold every step, both instances heard from since the last step',
      async () => {
        const r = await oversight(staff);
        if (r.status !== 200) throw new Error(`GET /oversight: ${r.status} ${JSON.stringify(r.body)}`);
        const v = r.body;
        const cc = v.cities.find((c: any) => c.jurisdiction === '220100');
        const jl = v.cities.find((c: any) => c.jurisdiction === '220200');
        const heardSince = v.instances.every((i: any) => i.state === 'live' && i.asOf > stepsDone);
        return cc.finished === 1 && jl.byStage.EXPERT_GROUP_REQUESTED === 1 && heardSince ? v : undefined;
      },
      60_000,
      250,
    );

    const city = (code: string) => view.cities.find((c: any) => c.jurisdiction === code);
    expect(city('220100')).toMatchObject({
      servedBy: '220100',
      state: 'live',
      byStage: { SUBMITTED: 1, ACCEPTED: 1, CLOSED: 1 },
      open: 2,
      finished: 1,
      overdue: 2,
    });
    expect(city('220000')).toMatchObject({ servedBy: '220000', state: 'live', byStage: { ACCEPTED: 1 }, open: 1, finished: 0, overdue: 1 });
    expect(city('220200')).toMatchObject({ servedBy: '220000', state: 'live', byStage: { EXPERT_GROUP_REQUESTED: 1 }, open: 1, overdue: 0 });
    expect(city('220300')).toMatchObject({ byStage: {}, open: 0, overdue: 0 });

    // Overdue: A3 waited 10 working days to be accepted (limit 5); A1 and B1 are 8 days into the 5 of ACCEPTED.
    expect(view.overdueCases.map((c: any) => [c.institutionName, c.stage, c.deadline.waitedWorkingDays, c.deadline.dueDate]).sort()).toEqual(
      [
        [names.a1, 'ACCEPTED', 8, '2026-03-11'],
        [names.a3, 'SUBMITTED', 10, '2026-03-09'],
        [names.b1, 'ACCEPTED', 8, '2026-03-11'],
      ].sort(),
    );

    // Time per stage: SUBMITTED stays of 2, 2, 4, 4 working days; one ACCEPTED stay of 6.
    const stage = (s: string) => view.stageDurations.find((x: any) => x.stage === s);
    expect(stage('SUBMITTED')).toMatchObject({ count: 4, median: 3, p90: 4, max: 4, limitWorkingDays: 5 });
    expect(stage('ACCEPTED')).toMatchObject({ count: 1, median: 6, p90: 6, max: 6 });
    expect(stage('APPROVAL')).toMatchObject({ count: 0, median: null, p90: null });
    expect(view.filingsPerMonth).toEqual([]);

    // Each instance's own count, as its heartbeat reported it.
    const inst = (code: string) => view.instances.find((i: any) => i.jurisdiction === code);
    expect(inst('220100')).toMatchObject({ name: '长春市', state: 'live', reportedOpenCases: 2, reportedOverdueCases: 2 });
    expect(inst('220000')).toMatchObject({ name: '吉林省', state: 'live', reportedOpenCases: 2, reportedOverdueCases: 1 });
  });

  it("is the province's: a city's staff is refused, in Chinese, and so is a city instance", async () => {
    const cityStaff = await d.token('center-staff', '220100');
    const refused = await oversight(cityStaff);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('省级');
    const atCity = await d.http('GET', `${changchun.url}/oversight`, await d.token('center-staff', '220000'));
    expect(atCity.status).toBe(404);
    expect((await oversight(await d.token('applicant', '220000', { creditCode: cases.b1.institution.creditCode }))).status).toBe(403);
  });

  it('exports every table of the view to Excel with the same figures', async () => {
    const wb = await workbook(`${province.url}/oversight/export.xlsx`, await d.token('approver', '220000'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['城市×阶段', '超期案件', '阶段用时', '月度备案', '实例状态']);
    const byCity = rowsOf(wb.getWorksheet('城市×阶段')!);
    const header = byCity[0];
    const changchunRow = byCity.find((r) => r[0] === '长春市')!;
    expect(changchunRow[header.indexOf('已提交（待受理）')]).toBe('1');
    expect(changchunRow[header.indexOf('已结束')]).toBe('1');
    expect(changchunRow[header.indexOf('超期')]).toBe('2');
    expect(changchunRow[1]).toBe('正常');
    const overdue = rowsOf(wb.getWorksheet('超期案件')!);
    expect(
      overdue
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual([names.a1, names.a3, names.b1].sort());
    const durations = rowsOf(wb.getWorksheet('阶段用时')!);
    expect(durations.find((r) => r[0] === '已提交（待受理）')).toEqual(['已提交（待受理）', '5', '4', '3', '4', '4']);
  });

  it("exports a city's cases: Changchun's staff its own at its instance, the province any city from its read model", async () => {
    const cityStaff = await d.token('center-staff', '220100');
    const own = rowsOf((await workbook(`${changchun.url}/exports/cases.xlsx`, cityStaff)).worksheets[0]);
    expect(own[0]).toEqual([
      '案件编号',
      '机构名称',
      '申报类型',
      '属地',
      '当前阶段',
      '进入本阶段',
      '时限（工作日）',
      '到期日',
      '已用工作日',
      '是否超期',
      '提交日期',
    ]);
    expect(
      own
        .slice(1)
        .map((r) => [r[1], r[2], r[3], r[4], r[9]])
        .sort(),
    ).toEqual(
      [
        [names.a1, '新备案', '长春市', '已受理', '超期'],
        [names.a2, '新备案', '长春市', '已结束', ''],
        [names.a3, '新备案', '长春市', '已提交（待受理）', '超期'],
      ].sort(),
    );
    const other = await d.http('GET', `${changchun.url}/exports/cases.xlsx?jurisdiction=220200`, cityStaff);
    expect(other.status).toBe(403);
    const bad = await d.http('GET', `${province.url}/exports/cases.xlsx?jurisdiction=22xx00`, await d.token('center-staff', '220000'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('行政区划代码');

    const fromProvince = rowsOf(
      (await workbook(`${province.url}/exports/cases.xlsx?jurisdiction=220100`, await d.token('center-staff', '220000'))).worksheets[0],
    );
    expect(
      fromProvince
        .slice(1)
        .map((r) => [r[0], r[1], r[4]])
        .sort(),
    ).toEqual(
      own
        .slice(1)
        .map((r) => [r[0], r[1], r[4]])
        .sort(),
    );
  });

  it('shows a stopped city instance as stale, keeping its last figures, while the province stays live', async () => {
    await changchun.stop();
    const staff = await d.token('center-staff', '220000');
    const view = await waitFor(
      'Changchun to go stale',
      async () => {
        const v = (await oversight(staff)).body;
        return v.instances.find((i: any) => i.jurisdiction === '220100').state === 'stale' ? v : undefined;
      },
      30_000,
      250,
    );
    expect(view.instances.find((i: any) => i.jurisdiction === '220000').state).toBe('live');
    const cc = view.cities.find((c: any) => c.jurisdiction === '220100');
    expect(cc).toMatchObject({ state: 'stale', open: 2, finished: 1, overdue: 2 });
    expect(new Date(cc.heardAt).getTime()).toBeLessThan(new Date(view.asOf).getTime() - view.staleAfterMs);
    expect(view.cities.find((c: any) => c.jurisdiction === '220200').state).toBe('live');
    // The province still exports Changchun's cases from what it heard.
    const rows = rowsOf((await workbook(`${province.url}/exports/cases.xlsx?jurisdiction=220100`, staff)).worksheets[0]);
    expect(rows).toHaveLength(4);
    const sheet = rowsOf((await workbook(`${province.url}/oversight/export.xlsx`, staff)).getWorksheet('实例状态')!);
    expect(sheet.find((r) => r[0] === '长春市')![1]).toBe('数据滞后（未收到心跳）');
  });
});
