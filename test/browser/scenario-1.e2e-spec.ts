import { randomInt } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS, demoExperts } from '../../tools/demo/demo-experts';
import { newCreditCode, ProcedureDriver } from '../e2e/procedure/procedure-driver';
import { ConsolePlatform, personIn, screenshot, signInAsInstitution, startConsolePlatform, waitForOrExplain } from './console-harness';

/**
 * Scenario 1 in the browser (issue 14): a Changchun enterprise's new filing, from its application to the filing
 * notice, clicked through by the people of the procedure, each signed in as themselves in their own browser context —
 * the applicant, Changchun's centre (its expert database imported on its 专家库 page first), the discipline officer, the
 * drawn experts and their leader, the provincial centre, the Changchun bureau, the provincial department — and the
 * public register. The test calls no API but the demo clock (to let the notice run).
 */
// One case through every actor's workbench on a shared machine: well beyond the suite's default.
jest.setTimeout(1_500_000);

type Person = Awaited<ReturnType<typeof personIn>>;

describe('scenario 1 through the browser', () => {
  let p: ConsolePlatform;
  let d: ProcedureDriver;
  let base: string;
  const { lathe } = DEMO_OCCUPATIONS;
  const inst = {
    name: `长春${randomInt(1e6)}数控机床有限公司`,
    creditCode: newCreditCode('220104'),
    legalRepresentative: '周永年',
    address: '吉林省长春市朝阳区卫星路 6543 号',
    contact: { person: '韩冬', phone: '0431-85923456', email: 'hr@example.cn' },
  };
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const people: Person[] = [];

  beforeAll(async () => {
    p = await startConsolePlatform({ CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '300', EVENT_RETRY_BACKOFF_MS: '50' });
    base = p.console.url;
    d = new ProcedureDriver(p.urls, { timeoutMs: 90_000 });
    // Monday 29 September 2025, 09:00 China time: the notice runs across National Day, as in the demo.
    await d.setClock('2025-09-29T01:00:00.000Z');
  });

  afterAll(async () => {
    for (const person of people) await person.context.close().catch(() => undefined);
    await p?.stop();
  });

  async function person(): Promise<Person> {
    const x = await personIn(p.browser as Browser);
    people.push(x);
    return x;
  }

  /** An official by the demo identity's label on the development sign-in page. */
  async function official(label: string): Promise<Person> {
    const x = await person();
    await x.page.goto(`${base}/sign-in`);
    await x.page.getByRole('button', { name: `以“${label}”登录` }).click();
    await x.page.getByRole('heading', { name: '工作台' }).waitFor();
    return x;
  }

  /** An expert by the number the draw notice gives them (以其他专家登录). */
  async function expert(expertId: string): Promise<Person> {
    const x = await person();
    await x.page.goto(`${base}/sign-in`);
    const form = x.page.getByRole('form', { name: '以其他专家登录' });
    await form.getByLabel('专家编号').fill(expertId);
    await form.getByRole('button', { name: '以该专家登录' }).click();
    await x.page.getByRole('heading', { name: '工作台' }).waitFor();
    return x;
  }

  /** A home list that refreshes itself: waits for the institution's entry, then opens it. */
  async function openFromList(x: Person, list: string) {
    await waitForOrExplain(x.page.getByRole('list', { name: list }).getByRole('link', { name: inst.name }), x);
    await x.page.getByRole('list', { name: list }).getByRole('link', { name: inst.name }).click();
  }

  /** The rows of the officer's member table: name and 专家编号. */
  async function members(officer: Page): Promise<{ name: string; expertId: string }[]> {
    const rows = (await officer.getByRole('table', { name: '专家组成员' }).getByRole('row').allInnerTexts()).slice(1);
    return rows.map((t) => t.split('\t').map((c) => c.trim())).map(([name, expertId]) => ({ name, expertId }));
  }

  const experts = new Map<string, Person>();
  let officer: Person;
  let leaderName = '';
  let leaderId = '';

  it('Changchun’s centre loads its expert database (专家库) from a CSV file, checked before it is imported', async () => {
    const staff = await official('长春市职业技能鉴定中心 工作人员');
    await staff.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '专家库' }).click();
    await staff.page.getByRole('tab', { name: '批量导入' }).click();
    // The template's columns by their field names (the import reads those as well as the Chinese headings).
    const columns = ['name', 'gender', 'idNumber', 'employerName', 'title', 'occupationCodes', 'region', 'phone', 'email', 'termStart', 'termEnd'] as const;
    const rows = demoExperts('220100', '长春市', 12, 7000).map((x) => ({
      name: x.name,
      gender: x.gender === 'female' ? '女' : '男',
      idNumber: x.idNumber,
      employerName: x.employer.name,
      title: x.title,
      occupationCodes: x.occupationCodes.join(';'),
      region: x.region,
      phone: x.contact.phone,
      email: x.contact.email,
      termStart: x.termStart,
      termEnd: x.termEnd,
    }));
    const csv = [columns.join(','), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(','))].join('\r\n');
    await staff.page.locator('input[type=file]').setInputFiles({ name: '长春专家.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await staff.page.getByRole('button', { name: '校验' }).click();
    await waitForOrExplain(staff.page.getByText('全部 12 行校验通过'), staff);
    await staff.page.getByRole('button', { name: '导入 12 名专家' }).click();
    await waitForOrExplain(staff.page.getByText('已导入 12 名专家'), staff);
    await screenshot(staff.page, 's1-00-expert-database-imported');
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('the applicant applies through the wizard', async () => {
    const a = await person();
    await signInAsInstitution(a.page, base, inst.creditCode, '长春');
    await a.page.getByRole('link', { name: '新建申报' }).first().click();
    await a.page.getByRole('heading', { name: '机构备案申报' }).waitFor();
    await a.page.getByLabel('机构名称').fill(inst.name);
    await a.page.getByLabel('统一社会信用代码').fill(inst.creditCode);
    await a.page.getByLabel('法定代表人').fill(inst.legalRepresentative);
    await a.page.getByLabel('地址').fill(inst.address);
    await a.page.getByLabel('联系人').fill(inst.contact.person);
    await a.page.getByLabel('联系电话').fill(inst.contact.phone);
    await a.page.getByRole('button', { name: '下一步' }).click();
    await a.page.getByLabel('职业编码').fill(lathe.code);
    await a.page.getByLabel('职业名称').fill(lathe.name);
    for (const l of ['五级/初级工', '四级/中级工', '三级/高级工']) await a.page.getByLabel(l).check();
    await a.page.getByRole('button', { name: '保存草稿，下一步' }).click();
    await a.page.getByRole('button', { name: '确认并继续' }).click();
    await a.page.getByText('请逐项上传备案材料').waitFor();
    const inputs = a.page.getByLabel(/^选择文件：/);
    const count = await inputs.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      const label = (await inputs.nth(i).getAttribute('aria-label'))!.replace('选择文件：', '');
      await inputs.nth(i).setInputFiles({ name: `${label}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await waitFor(
        `upload ${i + 1} checked`,
        async () => (await a.page.getByText('上传完成，服务器校验值与本地计算一致', { exact: false }).count()) === i + 1,
        60_000,
      );
    }
    await a.page.getByRole('button', { name: '下一步' }).click();
    await a.page.getByRole('heading', { name: '请核对申报内容' }).waitFor();
    await a.page.getByRole('button', { name: '确认提交申报' }).click();
    await a.page.getByText('已送达长春市职业技能鉴定中心，等待受理').waitFor({ timeout: 90_000 });
    await screenshot(a.page, 's1-01-applicant-submitted');
    expect(a.errors).toEqual([]);
    await a.context.close();
  });

  it('Changchun’s centre accepts the case and requests an expert group of three', async () => {
    const staff = await official('长春市职业技能鉴定中心 工作人员');
    await openFromList(staff, '待我办理');
    await staff.page.getByRole('heading', { name: inst.name }).waitFor();
    const accept = staff.page.getByRole('form', { name: '受理审查' });
    await accept.getByLabel('受理意见（选填）').fill('材料齐全，予以受理。');
    await accept.getByRole('button', { name: '确认受理' }).click();
    const plan = staff.page.getByRole('form', { name: '技术评估工作方案与专家需求' });
    await plan.getByLabel('技术评估工作方案').fill('材料审查、现场评估（听取汇报、现场查看、技术抽查）、综合评审；现场评估 1 天。');
    await plan.getByLabel('专家组人数').fill('3');
    await plan.getByRole('button', { name: '提交工作方案并申请抽取专家' }).click();
    await staff.page.getByText('3 人，备选 2 人').first().waitFor();
    await screenshot(staff.page, 's1-02-centre-requested');
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('the discipline officer publishes the commitment and draws', async () => {
    officer = await official('长春市人社局机关纪委 纪检人员');
    await openFromList(officer, '专家抽取申请');
    await officer.page.getByRole('heading', { name: `专家抽取：${inst.name}` }).waitFor();
    await officer.page.getByRole('button', { name: '生成承诺值' }).click();
    await officer.page.getByLabel('承诺值', { exact: true }).waitFor();
    const draw = officer.page.getByRole('form', { name: '随机抽取' });
    await draw.getByLabel('纪检人员随机输入').fill('骰子 5-2-6-1-3，2025-09-29 10:15');
    await draw.getByRole('button', { name: '抽取' }).click();
    await waitFor('three members drawn', async () => (await officer.page.getByRole('table', { name: '专家组成员' }).getByRole('row').count()) === 4);
    await screenshot(officer.page, 's1-03-officer-drawn');
    expect(officer.errors).toEqual([]);
  });

  it('the experts answer their invitations: one declines and a reserve takes the seat; the others confirm', async () => {
    const drawn = await members(officer.page);
    expect(drawn).toHaveLength(3);
    for (const m of drawn) expect(m.expertId).toMatch(/^[0-9a-f-]{36}$/);
    // The first member who can be replaced declines; a decline no reserve can fill is refused and said so.
    let declined = '';
    for (const m of drawn) {
      const x = await expert(m.expertId);
      experts.set(m.expertId, x);
      // The invitation waits in the expert's inbox (the bell in the header); its link opens the confirm form.
      const bell = x.page.getByRole('button', { name: /^通知，\d+ 条未读$/ });
      await waitForOrExplain(bell, x);
      await bell.click();
      await x.page.getByRole('heading', { name: '我的通知' }).waitFor();
      const invitation = x.page.getByRole('listitem', { name: `专家抽取邀请：${inst.name}技术评估` });
      await invitation.getByText(/请于\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}前登录系统确认参加/).waitFor();
      if (!declined) await screenshot(x.page, 's1-04a-expert-inbox');
      await invitation.getByRole('link', { name: '前往办理' }).click();
      await x.page.getByRole('heading', { name: `专家组：${inst.name}` }).waitFor();
      await x.page.getByRole('button', { name: '确认参加' }).waitFor();
      if (declined) continue;
      await x.page.getByRole('button', { name: '谢绝邀请' }).click();
      const dialog = x.page.getByRole('dialog');
      await dialog.getByLabel('谢绝原因').fill('现场评估期间出国交流，无法参加');
      await screenshot(x.page, 's1-04-expert-declining');
      await dialog.getByRole('button', { name: '确认谢绝' }).click();
      const outcome = await waitFor('the decline recorded or refused', async () =>
        (await x.page.getByText('您已谢绝本次邀请').count()) ? 'declined' : (await dialog.getByRole('alert').count()) ? 'refused' : undefined,
      );
      if (outcome === 'declined') {
        declined = m.expertId;
        experts.delete(m.expertId);
        await x.context.close();
      } else {
        await dialog.getByRole('button', { name: '取消' }).click();
      }
    }
    expect(declined).not.toBe('');
    // The officer's page shows the replacement; the reserve now in the group signs in and finds the invitation.
    await waitForOrExplain(officer.page.getByRole('list', { name: '递补记录' }).getByText(/谢绝（现场评估期间出国交流，无法参加），由 .+ 递补/), officer);
    const now = await members(officer.page);
    const newcomer = now.find((m) => !drawn.some((x) => x.expertId === m.expertId))!;
    expect(newcomer).toBeDefined();
    const reserve = await expert(newcomer.expertId);
    experts.set(newcomer.expertId, reserve);
    await openFromList(reserve, '我的邀请和专家组');
    // Each signs the conflict declaration (回避声明: no conflict with the applicant) to confirm.
    for (const [, x] of experts) {
      const declaration = x.page.getByRole('form', { name: '回避声明' });
      await declaration.getByRole('checkbox', { name: '本人确认以上声明属实' }).check();
      await declaration.getByRole('button', { name: '签署声明并确认参加' }).click();
      await x.page.getByText('待全体成员确认后由纪检人员召开启动会。').waitFor();
    }
    await screenshot(reserve.page, 's1-05-expert-confirmed');
    for (const [, x] of experts) expect(x.errors).toEqual([]);
  });

  it('the officer holds the kick-off; the members elect their leader', async () => {
    await waitFor(
      'every member confirmed on the officer’s page',
      async () => (await officer.page.getByRole('table', { name: '专家组成员' }).getByText('已确认').count()) === 3,
      60_000,
    );
    await officer.page.getByRole('button', { name: '召开启动会，组建专家组' }).click();
    await officer.page.getByText('专家组已组建', { exact: true }).first().waitFor();
    await screenshot(officer.page, 's1-06-officer-kick-off');
    // The meeting is recorded: every member present, the requirements and the standard agreed, the minutes attached.
    await officer.page.getByRole('link', { name: '启动会记录与组长推选' }).click();
    const meeting = officer.page.getByRole('form', { name: '记录启动会' });
    await waitForOrExplain(meeting, officer);
    await meeting.getByLabel('会议地点').fill('吉林省职业技能鉴定中心 3 楼会议室');
    await meeting.getByLabel('明确的评估要求').fill('材料审核 5 个工作日内完成；现场评估采用听取汇报、现场查看、访谈咨询、质询答疑、技术抽查');
    await meeting.getByLabel('统一的评估标准（标准及版本）').fill('企业技能等级认定机构评估标准（附件1）现行版本');
    await meeting.getByRole('button', { name: '保存启动会记录' }).click();
    await waitForOrExplain(officer.page.getByText('吉林省职业技能鉴定中心 3 楼会议室'), officer);
    await officer.page.locator('input[type=file]').setInputFiles({
      name: '启动会会议纪要.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 启动会会议纪要\n%%EOF\n'),
    });
    await waitForOrExplain(officer.page.getByRole('table', { name: '会议纪要' }).getByText('启动会会议纪要.pdf'), officer);
    await screenshot(officer.page, 's1-06b-officer-kick-off-meeting');
    expect(officer.errors).toEqual([]);
    await officer.context.close();

    // Every member votes for the first one listed (the same order on every member's page).
    const group = [...experts.values()];
    for (const x of group) {
      const vote = x.page.getByRole('form', { name: '推选组长' });
      await waitForOrExplain(vote, x);
      leaderName = (await vote.locator('label.ant-radio-wrapper').first().innerText()).trim();
      await vote.getByRole('radio').first().check();
      await screenshot(x.page, 's1-07-expert-vote');
      await vote.getByRole('button', { name: '投票' }).click();
    }
    expect(leaderName).not.toBe('');
    for (const x of group) await waitForOrExplain(x.page.getByText(`组长：${leaderName}`, { exact: false }), x);
    await screenshot(group[0].page, 's1-08-expert-leader-elected');
  });

  it('the members read the case’s materials; the leader submits the preliminary opinion', async () => {
    const all = [...experts.entries()];
    for (const [, x] of all) {
      await x.page.getByRole('link', { name: '进入评估工作' }).click();
      await x.page.getByRole('heading', { name: `技术评估：${inst.name}` }).waitFor();
    }
    // The leader's page says so once assessment has heard of the election.
    const leader = await waitFor(
      'the leader’s page',
      async () => {
        for (const [id, x] of all) if (await x.page.getByText('我是组长').count()) return [id, x] as const;
        return undefined;
      },
      60_000,
    );
    leaderId = leader[0];
    const lp = leader[1].page;
    // Another member records what they found in a material; the leader sees it before writing the opinion.
    const [, other] = all.find(([id]) => id !== leaderId)!;
    const finding = other.page.getByRole('form', { name: '记录审查发现' });
    await waitForOrExplain(finding, other);
    await finding.getByLabel('涉及材料（选填）').click();
    await other.page.keyboard.type('考评员名单');
    await other.page.keyboard.press('Enter');
    await finding.getByLabel('审查发现', { exact: true }).fill('考评员名单与资格证书一致，人数满足各等级考评需要。');
    await finding.getByRole('button', { name: '记录审查发现' }).click();
    await other.page
      .getByRole('list', { name: '审查发现' })
      .getByText(/（考评员名单）：考评员名单与资格证书一致/)
      .waitFor();
    await screenshot(other.page, 's1-09a-member-finding');
    await waitForOrExplain(
      lp.getByRole('list', { name: '审查发现' }).getByText('考评员名单与资格证书一致，人数满足各等级考评需要。', { exact: false }),
      leader[1],
    );
    const materials = lp.getByRole('table', { name: '申报材料' });
    await waitForOrExplain(materials.getByRole('button', { name: /^下载 .+ 第 1 版$/ }).first(), leader[1]);
    const [download] = await Promise.all([
      lp.waitForEvent('download'),
      materials
        .getByRole('button', { name: /^下载 .+ 第 1 版$/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    // And opened in a tab of its own.
    const [tab] = await Promise.all([
      lp.waitForEvent('popup'),
      materials
        .getByRole('button', { name: /^查看 .+ 第 1 版$/ })
        .first()
        .click(),
    ]);
    await waitFor('the material open in its tab', async () => tab.url().startsWith('blob:'), 30_000);
    await tab.close();
    const form = lp.getByRole('form', { name: '初评意见' });
    await waitForOrExplain(form, leader[1]);
    await form.getByLabel('初评意见', { exact: true }).fill('材料齐全、符合要求，同意开展现场技术评估。');
    await screenshot(lp, 's1-09-leader-preliminary');
    await form.getByRole('button', { name: '提交初评意见' }).click();
    await form.getByRole('button', { name: '确认提交' }).click();
    await lp.getByRole('list', { name: '专家组意见' }).getByText('初评意见').waitFor();
    expect(leader[1].errors).toEqual([]);
  });

  async function provinceRecheck(opinion: string, note: string, shot: string) {
    const staff = await official('省职业技能鉴定中心 工作人员');
    await waitFor(
      'the re-check on the province’s home',
      async () => {
        if (await staff.page.getByRole('list', { name: '待省级复核' }).getByRole('link', { name: inst.name }).count()) return true;
        await staff.page.reload();
        await staff.page.getByRole('heading', { name: '工作台' }).waitFor();
        return false;
      },
      120_000,
      3000,
    );
    await staff.page.getByRole('list', { name: '待省级复核' }).getByRole('link', { name: inst.name }).first().click();
    await staff.page.getByText(opinion).first().waitFor();
    const form = staff.page.getByRole('form', { name: '复核结论' });
    await form.getByLabel('复核意见').fill(note);
    await screenshot(staff.page, shot);
    await form.getByRole('button', { name: '提交复核结论' }).click();
    await staff.page.getByText(/^已复核：通过/).waitFor();
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  }

  it('the province re-checks the preliminary opinion; Changchun’s centre sees who of the group read the materials', async () => {
    await provinceRecheck('材料齐全、符合要求，同意开展现场技术评估。', '初评意见复核通过。', 's1-10-province-recheck-preliminary');
    const staff = await official('长春市职业技能鉴定中心 工作人员');
    await staff.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '待办' }).click();
    await staff.page.getByText(/^全部在办 \d+$/).click();
    await staff.page.getByRole('table').getByRole('link', { name: inst.name }).first().click();
    await staff.page.getByRole('heading', { name: inst.name }).waitFor();
    const log = staff.page.getByRole('table', { name: '专家查阅材料记录' });
    await waitForOrExplain(
      log
        .getByRole('row')
        .filter({ hasText: leaderName })
        .filter({ hasText: /^.*下载 .+\.pdf（第 1 版）/ })
        .first(),
      staff,
    );
    await log.getByRole('row').filter({ hasText: '查阅材料目录' }).first().waitFor();
    await screenshot(staff.page, 's1-10b-centre-material-access');
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('the leader plans the on-site visit; each member signs in on the day and records it by a method, with evidence', async () => {
    const x = experts.get(leaderId)!;
    const plan = x.page.getByRole('form', { name: '安排现场评估' });
    await waitForOrExplain(plan, x);
    // The day defaults to the service's date (the demo clock's), the day sign-in is measured against.
    expect(await plan.getByLabel('现场评估日期').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await plan.getByLabel('现场评估地点').fill(`${inst.address} 实训中心`);
    await plan.getByRole('button', { name: '保存现场评估安排' }).click();
    await x.page
      .getByLabel('签到情况')
      .getByText(/未签到/)
      .first()
      .waitFor();
    const entries: { method: string; item: string; fill: (f: Locator) => Promise<void> }[] = [
      { method: '听取汇报', item: '组织保障', fill: (f) => f.getByLabel('汇报人').fill('周永年（法定代表人）') },
      { method: '现场查看', item: '场地设施设备', fill: (f) => f.getByLabel('查看的场所（每行一处）').fill('数控车工实训车间\n监控室') },
      {
        method: '技术抽查',
        item: '考评人员与质量督导人员',
        fill: async (f) => {
          await f.getByLabel('抽查内容').fill('考评记录抽查 5 份');
        },
      },
    ];
    let n = 0;
    for (const [, member] of experts) {
      const entry = entries[n++ % entries.length];
      const page = member.page;
      await waitForOrExplain(page.getByRole('button', { name: '现场签到' }), member);
      await page.getByRole('button', { name: '现场签到' }).click();
      const form = page.getByRole('form', { name: '现场评估记录' });
      await waitForOrExplain(form, member);
      // antd's button-style radios hide their inputs: the member clicks the visible label.
      await form.getByRole('radiogroup', { name: '评估方式' }).getByText(entry.method, { exact: true }).click();
      await form.getByRole('radio', { name: entry.method, checked: true }).waitFor({ state: 'attached' });
      await form.getByLabel('支撑的评估项目').click();
      await page.keyboard.type(entry.item);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await entry.fill(form);
      await form.getByLabel('记录', { exact: true }).fill(`${entry.method}：符合要求。`);
      await form.getByRole('button', { name: '保存这条记录' }).click();
      const records = page.getByRole('table', { name: '现场评估记录' });
      await records
        .getByRole('row')
        .filter({ hasText: `${entry.method}：符合要求。` })
        .waitFor();
      if (entry.method === '现场查看') {
        const [chooser] = await Promise.all([
          page.waitForEvent('filechooser'),
          records.getByRole('button', { name: '为现场查看记录上传佐证' }).first().click(),
        ]);
        await chooser.setFiles({ name: '实训车间.pdf', mimeType: 'application/pdf', buffer: PDF });
        await records.getByRole('button', { name: /^实训车间\.pdf/ }).waitFor();
      }
      expect(member.errors).toEqual([]);
    }
    // Each method's entry shows as a tick against the item it supports.
    const coverage = x.page.getByRole('table', { name: '评估方式覆盖的评估项目' });
    await waitForOrExplain(coverage.getByRole('row').filter({ hasText: '场地设施设备' }).filter({ hasText: '✓' }), x);
    await coverage.getByRole('row').filter({ hasText: '组织保障' }).filter({ hasText: '✓' }).waitFor();
    await screenshot(x.page, 's1-10c-onsite-visit-record');
  });

  it('every member fills a score sheet from the standard in force, saves a draft and submits it', async () => {
    for (const [id, x] of experts) {
      const sheet = x.page.getByRole('form', { name: '评分表' });
      await waitForOrExplain(sheet, x);
      const inputs = sheet.getByRole('spinbutton');
      const n = await inputs.count();
      expect(n).toBeGreaterThan(10);
      // Each member scores a little differently: about 80–90 % of each sub-item's points.
      const share = id === leaderId ? 0.9 : 0.8 + randomInt(10) / 100;
      for (let i = 0; i < n; i++) {
        const max = Number(await inputs.nth(i).getAttribute('aria-valuemax'));
        await inputs.nth(i).fill(String(Math.round(max * share * 2) / 2));
      }
      await sheet.getByLabel('佐证说明').fill('听取汇报，现场查看实操场地与监控，抽查题库与考评记录。');
      await sheet.getByRole('button', { name: '保存草稿' }).click();
      await sheet.getByText(/^草稿已于 /).waitFor();
      if (id === leaderId) {
        // The draft is kept: after a reload the sheet shows what was saved.
        await x.page.reload();
        await waitFor(
          'the saved draft shown again',
          async () =>
            (await sheet.getByLabel('佐证说明').inputValue()) === '听取汇报，现场查看实操场地与监控，抽查题库与考评记录。' &&
            (await inputs.first().inputValue()) !== '',
          30_000,
        );
        await screenshot(x.page, 's1-11-expert-score-sheet');
      }
      await sheet.getByRole('button', { name: '提交评分表' }).click();
      await sheet.getByRole('button', { name: '确认提交评分表' }).click();
      await x.page.getByText(/^已于 .+ 提交$/).waitFor();
      expect(x.errors).toEqual([]);
    }
  });

  it('the leader submits the technical opinion after seeing the consolidation, then the comprehensive opinion; its page prints', async () => {
    const x = experts.get(leaderId)!;
    const lp = x.page;
    const form = lp.getByRole('form', { name: '技术评估意见' });
    await waitForOrExplain(lp.getByRole('table', { name: '评分汇总' }), x);
    await waitFor('every sheet in the consolidation', async () => (await lp.getByText(/^待 .+ 提交评分表后方可提交技术评估意见$/).count()) === 0, 60_000);
    const result = await lp.getByLabel('汇总结果').innerText();
    expect(result).toMatch(/合计 \d+(\.\d+)? 分，合格线 70 分；否决项无；结论：通过/);
    await form.getByLabel('技术评估意见', { exact: true }).fill('现场技术评估符合要求。');
    await screenshot(lp, 's1-12-leader-technical');
    await form.getByRole('button', { name: '提交技术评估意见' }).click();
    await form.getByRole('button', { name: '确认提交' }).click();
    await lp.getByRole('list', { name: '专家组意见' }).getByText('技术评估意见').first().waitFor();

    const comprehensive = lp.getByRole('form', { name: '综合技术评估意见' });
    await waitForOrExplain(comprehensive, x);
    // The plenary (综合评审会): the day of the technical opinion, every member present, the result of the scores, and
    // 车工 passed at every level applied for. Choosing the other result asks for the reason at once.
    expect(await comprehensive.getByLabel('会议日期').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await comprehensive.getByLabel('会议地点').fill('长春市职业技能鉴定中心 3 楼会议室');
    await comprehensive.getByRole('radio', { name: '不通过' }).check();
    await comprehensive.getByLabel('与评分结果不一致的理由').waitFor();
    await comprehensive.getByRole('radio', { name: '通过', exact: true }).check();
    expect(await comprehensive.getByLabel('与评分结果不一致的理由').count()).toBe(0);
    const latheOutcome = comprehensive.getByRole('group', { name: `${lathe.name} ${lathe.code} 评估结论` });
    for (const level of ['五级/初级工', '四级/中级工', '三级/高级工']) expect(await latheOutcome.getByRole('checkbox', { name: level }).isChecked()).toBe(true);
    await comprehensive.getByLabel('综合技术评估意见', { exact: true }).fill('综合评审：该机构具备开展职业技能等级认定的条件，同意备案。');
    await screenshot(lp, 's1-13-leader-comprehensive');
    await comprehensive.getByRole('button', { name: '提交综合技术评估意见' }).click();
    await comprehensive.getByRole('button', { name: '确认提交' }).click();
    const opinions = lp.getByRole('list', { name: '专家组意见' });
    await opinions.getByText('综合技术评估意见').waitFor();
    await opinions.getByRole('link', { name: '查看、打印综合技术评估意见' }).click();
    await lp.getByRole('heading', { name: '职业技能等级认定机构备案综合技术评估意见' }).waitFor();
    await lp.getByText('综合评审：该机构具备开展职业技能等级认定的条件，同意备案。').waitFor();
    await lp
      .getByRole('list', { name: '分职业评估结论' })
      .getByText(/车工.*通过 五级\/初级工/)
      .waitFor();
    await screenshot(lp, 's1-14-opinion-page');
    await lp.emulateMedia({ media: 'print' });
    expect(await lp.getByRole('navigation', { name: '主菜单' }).isVisible()).toBe(false);
    await screenshot(lp, 's1-15-opinion-print');
    await lp.emulateMedia({ media: 'screen' });
    expect(x.errors).toEqual([]);
    for (const [, e] of experts) await e.context.close();
  });

  it('the province re-checks the comprehensive opinion', async () => {
    await provinceRecheck('综合评审：该机构具备开展职业技能等级认定的条件，同意备案。', '综合技术评估意见复核通过。', 's1-16-province-recheck-comprehensive');
  });

  it('the Changchun bureau approves; the notice runs; the filing notice is issued, reaches the applicant and the register', async () => {
    const approver = await official('长春市人社局 审定人员');
    await waitFor(
      'the case on the approver’s home',
      async () => {
        if (await approver.page.getByRole('list', { name: '待审定' }).getByRole('link', { name: inst.name }).count()) return true;
        await approver.page.reload();
        await approver.page.getByRole('heading', { name: '工作台' }).waitFor();
        return false;
      },
      120_000,
      3000,
    );
    await approver.page.getByRole('list', { name: '待审定' }).getByRole('link', { name: inst.name }).click();
    const form = approver.page.getByRole('form', { name: '审定' });
    await form.getByLabel('审定意见（选填）').fill('同意备案，予以公示。');
    await form.getByRole('button', { name: '审定通过' }).click();
    await form.getByRole('button', { name: '确认提交' }).click();
    await approver.page.getByRole('link', { name: '查看公示' }).waitFor({ timeout: 90_000 });
    await screenshot(approver.page, 's1-17-bureau-approved');
    expect(approver.errors).toEqual([]);
    await approver.context.close();

    // The notice runs at least five working days (National Day in between): the demo clock moves past it.
    await d.setClock('2025-10-31T01:00:00.000Z');

    const department = await official('省人社厅 审定人员');
    await waitFor(
      'the filing request on the department’s home',
      async () => {
        if (await department.page.getByRole('list', { name: '待下发备案通知' }).getByRole('link', { name: inst.name }).count()) return true;
        await department.page.reload();
        await department.page.getByRole('heading', { name: '工作台' }).waitFor();
        return false;
      },
      120_000,
      3000,
    );
    await screenshot(department.page, 's1-18-department-filing-request');
    await department.page.getByRole('button', { name: `下发 ${inst.name} 的备案通知` }).click();
    const issued = (await department.page.getByText(/^已下发备案通知 /).innerText()).replace('已下发备案通知 ', '').trim();
    expect(issued).toMatch(/\S+/);
    expect(department.errors).toEqual([]);
    await department.context.close();

    const applicant = await person();
    await signInAsInstitution(applicant.page, base, inst.creditCode, '长春');
    await applicant.page.getByRole('link', { name: /新备案：车工/ }).click();
    await waitForOrExplain(applicant.page.getByText(`备案通知 ${issued}`), applicant);
    await screenshot(applicant.page, 's1-19-applicant-filed');
    // The applicant was told at every step: the bell opens the inbox, newest first, each notice once.
    await applicant.page.getByRole('button', { name: /^通知(，\d+ 条未读)?$/ }).click();
    await applicant.page.getByRole('heading', { name: '我的通知' }).waitFor();
    const filed = applicant.page.getByRole('listitem', { name: `备案通知已印发：${inst.name}` });
    await waitForOrExplain(filed, applicant);
    await filed.getByText(issued).waitFor();
    const titles = await applicant.page.getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')).filter(Boolean));
    expect(titles).toEqual([
      `备案通知已印发：${inst.name}`,
      `评估结果已审定，即将公示：${inst.name}`,
      `进入现场技术评估：${inst.name}`,
      `备案申报已受理：${inst.name}`,
      `备案申报已提交：${inst.name}`,
    ]);
    await screenshot(applicant.page, 's1-20-applicant-notifications');
    await filed.getByRole('link', { name: '前往办理' }).click();
    await waitForOrExplain(applicant.page.getByText(`备案通知 ${issued}`), applicant);
    expect(applicant.errors).toEqual([]);
    await applicant.context.close();

    const pub = await person();
    await pub.page.goto(`${base}/register`);
    await pub.page.getByLabel('机构名称或统一社会信用代码').fill(inst.creditCode);
    await pub.page.getByRole('button', { name: '查询' }).click();
    await pub.page.getByRole('link', { name: inst.name }).click();
    await pub.page.getByText(issued, { exact: false }).first().waitFor();
    await screenshot(pub.page, 's1-20-public-register');
    expect(pub.errors).toEqual([]);
  });
});
