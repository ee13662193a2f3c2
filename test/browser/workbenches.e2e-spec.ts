import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS, demoExperts } from '../../tools/demo/demo-experts';
import { CaseRecord, institution, ProcedureDriver } from '../e2e/procedure/procedure-driver';
import { ConsolePlatform, descriptionOf, personIn, screenshot, signInAsInstitution, startConsolePlatform } from './console-harness';

/**
 * The officials' workbenches in a real Chromium against the real platform (issue 14): every role's home lists what
 * awaits it and its menu only what it may use; Changchun's centre works its queue (待办, 督办) and a case's steps; the
 * province re-checks and returns materials naming the items; the Changchun bureau and the 厅长办公会 approve; the
 * administrator loads the 2027 calendar. Each official signs in as themselves in their own browser context. The steps
 * of other actors (the applicant, the discipline officer, the experts) are taken by API here, with the demo clock.
 */
// Several officials and the procedure's other steps per test, on a shared machine: more than the suite's default.
jest.setTimeout(600_000);

describe('the officials’ workbenches in Chromium', () => {
  let p: ConsolePlatform;
  let d: ProcedureDriver;
  let base: string;
  const { lathe, welder } = DEMO_OCCUPATIONS;
  let late: CaseRecord; // submitted a fortnight before the others: overdue (督办) at 受理
  let city: CaseRecord; // a Changchun case worked through the browser
  let province: CaseRecord; // a province case for the 厅长办公会

  beforeAll(async () => {
    p = await startConsolePlatform({ CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '300', EVENT_RETRY_BACKOFF_MS: '50' });
    base = p.console.url;
    d = new ProcedureDriver(p.urls, { timeoutMs: 90_000 });
    // Monday 29 September 2025, 09:00 China time.
    await d.setClock('2025-09-29T01:00:00.000Z');
    await d.importExperts('220100', demoExperts('220100', '长春市', 24, 2000));
    await d.importExperts('220000', demoExperts('220000', '吉林省', 24, 3000));
    late = await d.submit('220100', institution(`长春${randomInt(1e6)}迟办机械有限公司`, 'employer', '220104'), [lathe]);
    // Three weeks on (National Day in between): the first case is past its 5 working days at 受理.
    await d.setClock('2025-10-20T01:00:00.000Z');
    city = await d.submit('220100', institution(`长春${randomInt(1e6)}精密机械有限公司`, 'employer', '220104'), [lathe, welder]);
    province = await d.submit('220000', institution(`吉林省${randomInt(1e6)}职业技能评价协会`, 'social-org', '220102'), [DEMO_OCCUPATIONS.childcare]);
  });

  afterAll(async () => {
    await p?.stop();
  });

  /** Signs in on the development sign-in page by a demo identity's label; lands on the workbench. */
  async function official(label: string | RegExp, size: 'desktop' | 'phone' = 'desktop') {
    const person = await personIn(p.browser, size);
    await person.page.goto(`${base}/sign-in`);
    await person.page
      .getByRole('button', { name: typeof label === 'string' ? `以“${label}”登录` : label })
      .first()
      .click();
    await person.page.getByRole('heading', { name: '工作台' }).waitFor();
    return person;
  }

  /**
   * A home list shows what the services say awaits the signed-in person. The test run's other specs share the database
   * and broker, so a Changchun officer may have their draws or approvals too: the list is compared with the service's
   * own answer to the same person (asked from the page, with the page's session), not assumed empty.
   */
  async function showsWhatAwaits(page: Page, list: string, empty: string, ask: { service: string; path: string; names: (body: any) => string[] }) {
    const names: string[] = await page
      .evaluate(
        async ({ service, path }) => {
          const { sessionStorage } = globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } };
          const session = JSON.parse(sessionStorage.getItem('jl-filing.session') ?? '{}');
          const res = await fetch(`/api/${service}${path}`, { headers: { authorization: `Bearer ${session.accessToken}` } });
          if (!res.ok) throw new Error(`${service} ${path} answered ${res.status}`);
          return res.json();
        },
        { service: ask.service, path: ask.path },
      )
      .then(ask.names);
    const shown = page.getByRole('list', { name: list });
    if (names.length === 0) return shown.getByText(empty).waitFor();
    // The list refreshes itself every 10 s: something that arrived after the page loaded is shown by then.
    await waitFor(
      `${list}: ${names.join('、')}`,
      async () => {
        const text = await shown.innerText();
        return names.some((n) => text.includes(n));
      },
      30_000,
    );
  }

  async function menuOf(page: Page): Promise<string[]> {
    return (await page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allInnerTexts()).map((t) => t.trim());
  }

  const PUBLIC_MENU = ['公示', '异议查询', '备案机构查询', '就近就地覆盖', '抽取验证'];

  it('gives every role a home listing what awaits it, and a menu of only what it may use; the sign-in offers any role and jurisdiction', async () => {
    const staff = await official('长春市职业技能鉴定中心 工作人员');
    expect(await menuOf(staff.page)).toEqual(['工作台', '待办', '公示管理', '专家库', ...PUBLIC_MENU]);
    const mine = staff.page.getByRole('list', { name: '待我办理' });
    await mine.getByRole('link', { name: late.institution.name }).waitFor();
    await mine.getByRole('link', { name: city.institution.name }).waitFor();
    await staff.page.getByText('督办 · 已超期（期限 2025-10-13）').first().waitFor();
    await screenshot(staff.page, 'wb-01-home-centre-staff');
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    const provinceStaff = await official('省职业技能鉴定中心 工作人员');
    expect(await menuOf(provinceStaff.page)).toEqual(['工作台', '待办', '公示管理', '省级复核', '省级监管', '专家库', ...PUBLIC_MENU]);
    await provinceStaff.page.getByRole('list', { name: '待我办理' }).getByRole('link', { name: province.institution.name }).waitFor();
    await showsWhatAwaits(provinceStaff.page, '待省级复核', '当前没有待复核的意见', {
      service: 'review',
      path: '/queue',
      names: (q) => (q.rechecks ?? []).map((r: any) => r.institution.name),
    });
    await screenshot(provinceStaff.page, 'wb-02-home-province-staff');
    await provinceStaff.context.close();

    const approver = await official('长春市人社局 审定人员');
    expect(await menuOf(approver.page)).toEqual(['工作台', '审定', ...PUBLIC_MENU]);
    await showsWhatAwaits(approver.page, '待审定', '当前没有待审定的案件', {
      service: 'review',
      path: '/queue',
      names: (q) => (q.waiting ?? []).map((c: any) => c.institution.name),
    });
    await screenshot(approver.page, 'wb-03-home-approver');
    // A page the role may not use says so instead of failing.
    await approver.page.goto(`${base}/work-queue`);
    await approver.page.getByText('无权访问').waitFor();
    await approver.context.close();

    const officer = await official('长春市人社局机关纪委 纪检人员');
    expect(await menuOf(officer.page)).toEqual(['工作台', '专家抽取', ...PUBLIC_MENU]);
    await showsWhatAwaits(officer.page, '专家抽取申请', '当前没有待抽取的申请', {
      service: 'expert-pool',
      path: '/draws',
      names: (b) => b.items.filter((x: any) => ['QUEUED', 'COMMITTED', 'DRAWN'].includes(x.status)).map((x: any) => x.applicant.name),
    });
    await screenshot(officer.page, 'wb-04-home-discipline-officer');
    await officer.context.close();

    const expert = await official(/^以“专家 .+”登录$/);
    expect(await menuOf(expert.page)).toEqual(['工作台', ...PUBLIC_MENU]);
    await showsWhatAwaits(expert.page, '我的邀请和专家组', '当前没有邀请，也未参加专家组', {
      service: 'expert-pool',
      path: '/draws',
      names: (b) => b.items.filter((x: any) => x.status !== 'CANCELLED').map((x: any) => x.applicant.name),
    });
    await screenshot(expert.page, 'wb-05-home-expert');
    await expert.context.close();

    const admin = await official('系统管理员');
    expect(await menuOf(admin.page)).toEqual(['工作台', '省级监管', '工作日历', '历史备案导入', '评估标准', '审计链', '死信事件', ...PUBLIC_MENU]);
    await admin.page.getByText('已覆盖年份：').waitFor();
    await admin.page.getByRole('button', { name: '核验审计链' }).click();
    await waitFor('four audit chains verified', async () => (await admin.page.getByText(/^完整（\d+ 条）$/).count()) === 4, 30_000);
    await screenshot(admin.page, 'wb-06-home-admin');
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    // Any official role at any jurisdiction: an approver of 吉林市 (served by the province's review instance).
    const other = await personIn(p.browser);
    await other.page.goto(`${base}/sign-in`);
    const form = other.page.getByRole('form', { name: '以其他身份登录' });
    await form.getByLabel('身份').click();
    await other.page.keyboard.type('审定');
    await other.page.keyboard.press('Enter');
    await form.getByLabel('所属地区').click();
    await other.page.keyboard.type('吉林市');
    await other.page.keyboard.press('Enter');
    await screenshot(other.page, 'wb-00-sign-in');
    await form.getByRole('button', { name: '以该身份登录' }).click();
    await other.page.getByRole('heading', { name: '工作台' }).waitFor();
    await other.page.getByText('吉林市人社部门 审定人员 · 审定人员 · 吉林市').waitFor();
    await showsWhatAwaits(other.page, '待审定', '当前没有待审定的案件', {
      service: 'review',
      path: '/queue',
      names: (q) => (q.waiting ?? []).map((c: any) => c.institution.name),
    });
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  it('Changchun’s centre works its queue: 督办 in colour, counts per stage, filters; refuses one case and accepts another, with its work plan and expert request', async () => {
    const { page, context, errors } = await official('长春市职业技能鉴定中心 工作人员');
    city.databaseLevel = '220100';
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '待办' }).click();
    await page.getByRole('heading', { name: /^待办/ }).waitFor();
    const table = page.getByRole('table');
    const lateRow = table.getByRole('row').filter({ hasText: late.institution.name });
    await lateRow.getByText('督办 · 已超期（期限 2025-10-13）').waitFor();
    // Entered 29 September: 30 September, then 9 October on (National Day and its make-up Saturday) to 20 October.
    await lateRow.getByText('10 个工作日 / 时限 5').waitFor();
    expect(await lateRow.evaluate((tr) => tr.className)).toContain('row-overdue');
    const cityRow = table.getByRole('row').filter({ hasText: city.institution.name });
    await cityRow.getByText('0 个工作日 / 时限 5').waitFor();
    await cityRow.getByText('2025-10-27 前').waitFor();
    await page.getByLabel('已提交：2 件，其中督办 1 件').waitFor();
    await screenshot(page, 'wb-10-work-queue');
    await page.getByText('仅看督办').click();
    await waitFor(
      'only the overdue case listed',
      async () => (await table.getByRole('row').filter({ hasText: city.institution.name }).count()) === 0 && (await lateRow.count()) === 1,
    );
    await page.getByText('仅看督办').click();
    await page.getByLabel('机构名称或统一社会信用代码').fill(city.institution.creditCode);
    await page.getByLabel('机构名称或统一社会信用代码').press('Enter');
    await waitFor('only the searched case listed', async () => (await lateRow.count()) === 0 && (await cityRow.count()) === 1);
    await page.getByLabel('机构名称或统一社会信用代码').fill('');
    await page.getByLabel('机构名称或统一社会信用代码').press('Enter');

    // 不予受理 needs its reason, which the applicant will read.
    await lateRow.getByRole('link', { name: late.institution.name }).click();
    const accept = page.getByRole('form', { name: '受理审查' });
    await accept.getByLabel('不予受理').check();
    await accept.getByRole('button', { name: '确认不予受理' }).click();
    await accept.getByText('请填写不予受理理由').waitFor();
    await accept.getByLabel('不予受理理由').fill('申报机构未取得相应职业（工种）的培训资质，不符合备案条件。');
    await accept.getByRole('button', { name: '确认不予受理' }).click();
    await page.getByText('已结束', { exact: true }).first().waitFor();
    await page.getByRole('list', { name: '办理过程' }).getByText('申报机构未取得相应职业（工种）的培训资质，不符合备案条件。').waitFor();

    // The other case: its materials (each version, sha-256, download), then 受理 and the expert request.
    await page.goto(`${base}/cases/${city.caseId}`);
    await page.getByRole('heading', { name: city.institution.name }).waitFor();
    const materials = page.getByRole('table', { name: '申报材料' });
    const firstDownload = materials.getByRole('button', { name: /^下载 .+ 第 1 版$/ }).first();
    await firstDownload.waitFor();
    const sha = (
      await materials
        .getByLabel(/SHA-256$/)
        .first()
        .innerText()
    ).trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), firstDownload.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const form = page.getByRole('form', { name: '受理审查' });
    await form.getByLabel('受理意见（选填）').fill('材料齐全，予以受理。');
    await screenshot(page, 'wb-11-case-accept');
    await form.getByRole('button', { name: '确认受理' }).click();

    const plan = page.getByRole('form', { name: '技术评估工作方案与专家需求' });
    await plan.getByLabel('专家组人数').fill('4');
    await plan.getByRole('button', { name: '提交工作方案并申请抽取专家' }).click();
    await plan.getByText('请填写技术评估工作方案').waitFor();
    await plan.getByText('专家组人数应为 3 至 15 之间的单数').waitFor();
    await plan.getByLabel('技术评估工作方案').fill('材料审查、现场评估（听取汇报、现场查看、技术抽查）、综合评审；现场评估 1 天。');
    await plan.getByLabel('专家组人数').fill('3');
    await plan.getByLabel('同一单位专家上限（选填）').fill('1');
    await screenshot(page, 'wb-12-case-expert-request');
    await plan.getByRole('button', { name: '提交工作方案并申请抽取专家' }).click();
    await page.getByText('申请抽取专家', { exact: true }).first().waitFor();
    await page.getByText('3 人，备选 2 人，同一单位不超过 1 人').waitFor();
    await page.getByText('长春市专家库', { exact: true }).waitFor();
    const history = page.getByRole('list', { name: '办理过程' });
    await history.getByText('材料齐全，予以受理。').waitFor();
    await history
      .getByText(/长春市职业技能鉴定中心 工作人员（鉴定中心工作人员 · 长春市）/)
      .first()
      .waitFor();
    await screenshot(page, 'wb-13-case-requested');
    expect(errors).toEqual([]);
    await context.close();
    expect(await d.waitStage(city, 'EXPERT_GROUP_REQUESTED')).toMatchObject({
      expertRequest: { groupSize: 3, reserves: 2, maxPerEmployer: 1, databaseLevel: '220100' },
    });
  });

  it('Changchun’s discipline officer publishes the commitment, draws with their own entropy, sees the sealed list and reserves, and seats a reserve for a member who declines', async () => {
    const { page, context, errors } = await official('长春市人社局机关纪委 纪检人员');
    await page.getByRole('list', { name: '专家抽取申请' }).getByRole('link', { name: city.institution.name }).click();
    await page.getByRole('heading', { name: `专家抽取：${city.institution.name}` }).waitFor();
    await page.getByText('3 人，备选 2 人，同一单位不超过 1 人').waitFor();
    await page.getByRole('button', { name: '生成承诺值' }).click();
    const commitment = page.getByLabel('承诺值', { exact: true });
    await commitment.waitFor();
    const published = (await commitment.innerText()).trim();
    expect(published).toMatch(/^[0-9a-f]{64}/);
    await page.getByText(/^承诺值已于 2025-10-20 \d{2}:\d{2}:\d{2} 固定，请在抽取前公布$/).waitFor();
    await page.getByRole('button', { name: '复制承诺值' }).waitFor();
    await page.getByText(/^符合条件的专家 \d+ 人，按回避规则排除 \d+ 人。/).waitFor();
    await screenshot(page, 'wb-14-draw-committed');
    const draw = page.getByRole('form', { name: '随机抽取' });
    await draw.getByLabel('纪检人员随机输入').fill('骰子 3-6-1-4-2，2025-10-20 10:05');
    await draw.getByRole('button', { name: '抽取' }).click();
    const members = page.getByRole('table', { name: '专家组成员' });
    await waitFor('three members drawn', async () => (await members.getByRole('row').count()) === 4);
    expect(await page.getByRole('table', { name: '备选专家' }).getByRole('row').count()).toBe(3);
    // A member declines. A decline no reserve can fill within the requirements (occupations, employer cap) is refused
    // and said so in the dialog; the officer then records the next one who cannot attend.
    const names = (await members.getByRole('row').allInnerTexts()).slice(1).map((t) => t.split('\t')[0].trim());
    let declining = '';
    for (const name of names) {
      await page.getByRole('button', { name: `为 ${name} 递补` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('具体原因').fill('现场评估期间出差，无法参加');
      await dialog.getByRole('button', { name: '确认递补' }).click();
      const outcome = await waitFor('the replacement recorded or refused', async () =>
        (await page.getByRole('list', { name: '递补记录' }).count()) ? 'seated' : (await dialog.getByRole('alert').count()) ? 'refused' : undefined,
      );
      if (outcome === 'seated') {
        declining = name;
        break;
      }
      await dialog.getByRole('button', { name: '取消' }).click();
    }
    expect(declining).not.toBe('');
    await page
      .getByRole('list', { name: '递补记录' })
      .getByText(new RegExp(`${declining}谢绝（现场评估期间出差，无法参加），由 .+ 递补`))
      .waitFor();
    expect(await page.getByRole('table', { name: '备选专家' }).getByRole('row').count()).toBe(2);
    await screenshot(page, 'wb-15-draw-drawn');

    // The members confirm (their workbench comes later), then the officer holds the kick-off: the group is formed.
    const officerToken = await d.token('discipline-officer', '220100');
    const drawn = (await d.http('GET', `${p.urls.expertPool}/draws?status=DRAWN`, officerToken)).body.items.find(
      (x: { caseId: string }) => x.caseId === city.caseId,
    );
    city.drawId = drawn.id;
    expect(drawn.group.members.map((m: { state: string }) => m.state)).toEqual(['drawn', 'drawn', 'drawn']);
    city.members = drawn.group.members.map((m: { expertId: string }) => m.expertId);
    for (const expertId of city.members!)
      await d.step(
        'confirm',
        'POST',
        `${p.urls.expertPool}/draws/${city.drawId}/members/${expertId}/confirm`,
        await d.token('expert', '220100', { expertId }),
        {
          conflictDeclaration: { hasConflict: false, statement: '本人与申请机构不存在利害关系' },
        },
      );
    await waitFor('every member confirmed on the page', async () => (await members.getByText('已确认').count()) === 3, 30_000);
    await page.getByRole('button', { name: '召开启动会，组建专家组' }).click();
    await page.getByText('专家组已组建', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
    await d.waitStage(city, 'GROUP_FORMED');
    const formedAt = (await d.http('GET', `${p.urls.expertPool}/draws/${city.drawId}`, officerToken)).body.formedAt;
    await d.step('record the kick-off meeting', 'PUT', `${p.urls.expertPool}/draws/${city.drawId}/kick-off-meeting`, officerToken, {
      heldOn: new Date(Date.parse(formedAt) + 8 * 3600_000).toISOString().slice(0, 10),
      place: '长春市鉴定中心会议室',
      presentExpertIds: city.members,
      requirements: '明确技术评估要求',
      standardVersion: 'the standard in force on the formation date',
    });
    for (const voter of city.members!)
      await d.step('vote', 'POST', `${p.urls.expertPool}/draws/${city.drawId}/votes`, await d.token('expert', '220100', { expertId: voter }), {
        candidateExpertId: city.members![0],
      });
    city.leader = city.members![0];
    await d.waitStage(city, 'PRELIMINARY_REVIEW');
  });

  it('the province re-checks the preliminary opinion: fails it naming the materials to correct; the applicant sees them marked; the resubmission is re-checked and passes', async () => {
    await d.preliminaryOpinion(city);

    const { page, context, errors } = await official('省职业技能鉴定中心 工作人员');
    await page.getByRole('list', { name: '待省级复核' }).getByRole('link', { name: city.institution.name }).click();
    await page.getByRole('heading', { name: `初评意见复核：${city.institution.name}` }).waitFor();
    await page.getByText('材料齐全、符合要求，同意开展现场技术评估。').waitFor();
    const form = page.getByRole('form', { name: '复核结论' });
    await form.getByLabel('复核不通过，退回补正').check();
    await form.getByLabel('考评员名单', { exact: true }).check();
    await form.getByLabel('退回理由及需补正的材料').fill('焊工考评员人数不足，请补充考评员资格证书。');
    await screenshot(page, 'wb-20-recheck-fail');
    await form.getByRole('button', { name: '提交复核结论' }).click();
    await page.getByText(/^已复核：不通过/).waitFor();
    await page.getByText('需补正材料：考评员名单。焊工考评员人数不足，请补充考评员资格证书。').waitFor();
    await d.waitStage(city, 'RETURNED');

    // The applicant's own page marks the named material.
    const applicant = await personIn(p.browser);
    await signInAsInstitution(applicant.page, base, city.institution.creditCode, '长春');
    await applicant.page.goto(`${base}/applicant/applications/${city.caseId}`);
    await applicant.page.getByRole('group', { name: '考评员名单' }).getByText('需补正').waitFor();
    await applicant.context.close();

    await d.resubmit(city, ['assessor-list']);
    await d.preliminaryOpinion(city);
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '省级复核' }).click();
    await page.getByRole('table', { name: '复核列表' }).getByRole('link', { name: city.institution.name }).click();
    await page.getByRole('form', { name: '复核结论' }).getByLabel('复核意见').fill('补正材料齐全，初评意见复核通过。');
    await page.getByRole('form', { name: '复核结论' }).getByRole('button', { name: '提交复核结论' }).click();
    await page.getByText(/^已复核：通过/).waitFor();
    await d.waitStage(city, 'ONSITE_EVALUATION');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Changchun’s bureau approves the city case with the comprehensive opinion and re-check on the same page', async () => {
    await d.scoreOnsite(city);
    await d.technicalAndComprehensive(city);
    await d.decideRecheck(city, 'comprehensive', 'pass', '综合技术评估意见复核通过');
    await d.waitStage(city, 'APPROVAL');

    const { page, context, errors } = await official('长春市人社局 审定人员');
    await page.getByRole('list', { name: '待审定' }).getByRole('link', { name: city.institution.name }).waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审定' }).click();
    await page.getByRole('heading', { name: '审定 · 长春市人力资源和社会保障局' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: city.institution.name }).click();
    await page.getByText('综合评审：该机构具备开展职业技能等级认定的条件，同意备案。').first().waitFor();
    await page.getByText('综合技术评估意见复核通过').first().waitFor();
    await page.getByText('焊工考评员人数不足', { exact: false }).first().waitFor();
    const form = page.getByRole('form', { name: '审定' });
    expect(await form.getByLabel('厅长办公会会议纪要（议题）编号').count()).toBe(0);
    await form.getByLabel('审定意见（选填）').fill('同意备案，予以公示。');
    await screenshot(page, 'wb-30-approval-city');
    await form.getByRole('button', { name: '审定通过' }).click();
    await form.getByText('确认审定通过？案件将进入公示。').waitFor();
    await form.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('市（州）人社局审定').first().waitFor();
    await page.getByRole('link', { name: '查看公示' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'wb-31-approved-city');
    expect(errors).toEqual([]);
    await context.close();
    await d.waitStage(city, 'PUBLIC_NOTICE');
  });

  it('a province case is approved by the 厅长办公会, whose meeting reference is required', async () => {
    await d.accept(province);
    await d.requestExperts(province, 3);
    await d.formGroup(province);
    await d.preliminaryOpinion(province);
    await d.waitStage(province, 'ONSITE_EVALUATION');
    await d.scoreOnsite(province);
    await d.technicalAndComprehensive(province);
    await d.waitStage(province, 'APPROVAL');

    const { page, context, errors } = await official('省人社厅 审定人员');
    await page.getByRole('list', { name: '待审定' }).getByRole('link', { name: province.institution.name }).click();
    const form = page.getByRole('form', { name: '审定' });
    await form.getByRole('button', { name: '审定通过' }).click();
    const reference = form.getByLabel('厅长办公会会议纪要（议题）编号');
    await waitFor('the meeting reference asked for', async () => (await descriptionOf(reference)).includes('请填写厅长办公会会议纪要编号'));
    await reference.fill('厅长办公会纪要〔2025〕21号 第3项');
    await screenshot(page, 'wb-32-approval-province');
    await form.getByRole('button', { name: '审定通过' }).click();
    await form.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('厅长办公会审定', { exact: true }).first().waitFor();
    await page.getByText('厅长办公会纪要〔2025〕21号 第3项', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
    expect(await d.waitStage(province, 'PUBLIC_NOTICE')).toMatchObject({
      approval: { approvalBody: 'director-office-meeting', meetingReference: '厅长办公会纪要〔2025〕21号 第3项' },
    });
  });

  it('the administrator loads the 2027 arrangement: problems named before saving, the days on a calendar, then covered', async () => {
    const { page, context, errors } = await official('系统管理员');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作日历' }).click();
    await page.getByRole('heading', { name: '工作日历' }).waitFor();
    const covered = page.getByLabel('已覆盖年份');
    await covered.getByText('2025 年').waitFor();
    expect(await covered.getByText('2027 年').count()).toBe(0);
    expect(await page.getByRole('spinbutton', { name: '年份' }).inputValue()).toBe('2027');
    await page.getByRole('textbox', { name: '通知文号' }).fill('国办发明电〔2026〕N号');
    const notice = [
      '经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。',
      '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
      '二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。',
      '三、清明节：4月3日（周六）至5日（周一）放假，共3天。',
      '四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。',
      '五、端午节：6月9日（周三）放假，共1天。',
      '六、中秋节：9月15日（周三）放假，共1天。',
      '七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。',
    ];
    // First with a slip: a date of 2026.
    await page.getByRole('textbox', { name: '节假日安排' }).fill([...notice, '2026-12-31 放假'].join('\n'));
    await page.getByRole('button', { name: '识别并预览' }).click();
    await page.getByRole('list', { name: '识别问题' }).getByText('2026-12-31 不在 2027 年：2026-12-31 放假').waitFor();
    expect(await page.getByRole('button', { name: '确认保存 2027 年安排' }).isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: '节假日安排' }).fill(notice.join('\n'));
    await page.getByRole('button', { name: '识别并预览' }).click();
    await page.getByText('识别出放假 28 天、调休上班 6 天。').waitFor();
    const preview = page.getByRole('group', { name: '2027 年日历预览' });
    await preview.getByLabel('2月11日，春节放假').waitFor();
    await preview.getByLabel('2月20日，春节调休上班').waitFor();
    await preview.getByLabel('3月1日，工作日').waitFor();
    await screenshot(page, 'wb-40-calendar-preview');
    await page.getByRole('button', { name: '确认保存 2027 年安排' }).click();
    await page.getByText('已保存 2027 年节假日安排（34 天）').waitFor();
    await covered.getByText('2027 年').waitFor();
    await screenshot(page, 'wb-41-calendar-saved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads on a phone: the centre’s queue', async () => {
    const { page, context, errors } = await official('长春市职业技能鉴定中心 工作人员', 'phone');
    await page.goto(`${base}/work-queue`);
    await page.getByRole('heading', { name: /^待办/ }).waitFor();
    await screenshot(page, 'wb-50-work-queue-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
