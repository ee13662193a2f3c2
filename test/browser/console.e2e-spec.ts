import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS, demoExperts } from '../../tools/demo/demo-experts';
import { CaseRecord, newCreditCode, ProcedureDriver } from '../e2e/procedure/procedure-driver';
import {
  ConsolePlatform,
  descriptionOf,
  personIn,
  screenshot,
  SCREENSHOTS,
  signInAsInstitution,
  startConsolePlatform,
  waitForOrExplain,
} from './console-harness';

/**
 * The web console in a real Chromium against the real platform (issue 12): an applicant files a complete application
 * through the wizard and follows it; materials are returned and resubmitted; a member of the public reads the notice,
 * lodges an objection and follows it; the register is searched; the draw is verified in the browser. The officials'
 * steps are taken by API (their workbenches come later), with the services' controllable clock.
 */
describe('the web console in Chromium', () => {
  let p: ConsolePlatform;
  let d: ProcedureDriver;
  let base: string;
  const { lathe, welder } = DEMO_OCCUPATIONS;
  const inst = {
    name: `长春${randomInt(1e6)}精密机械有限公司`,
    creditCode: newCreditCode('220104'),
    kind: 'employer' as const,
    legalRepresentative: '赵文博',
    address: '吉林省长春市朝阳区自由大路 1000 号',
    contact: { person: '孙丽', phone: '0431-85912345', email: 'hr@example.cn' },
  };
  const c = { jurisdiction: '220100', institution: inst, applicationKind: 'new-filing', occupations: [lathe, welder] } as CaseRecord;
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  let checklist: { item: string; title: string; required: boolean }[];

  beforeAll(async () => {
    p = await startConsolePlatform({ CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '300', EVENT_RETRY_BACKOFF_MS: '50' });
    base = p.console.url;
    d = new ProcedureDriver(p.urls, { timeoutMs: 90_000 });
    // Monday 29 September 2025, 09:00 China time: the notice will run across National Day.
    await d.setClock('2025-09-29T01:00:00.000Z');
    await d.importExperts('220100', demoExperts('220100', '长春市', 24, 1000));
    checklist = await d.step(
      'the checklist',
      'GET',
      `${p.urls.intake}/checklists/new-filing?institutionKind=employer`,
      await d.token('applicant', '220100', { creditCode: inst.creditCode }),
    );
  });

  afterAll(async () => {
    await p?.stop();
  });

  async function uploadAll(page: Page, items: { title: string }[]) {
    for (const [i, item] of items.entries()) {
      await page.getByLabel(`选择文件：${item.title}`).setInputFiles({ name: `${item.title}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await waitFor(
        `upload ${i + 1} checked`,
        async () => (await page.getByText('上传完成，服务器校验值与本地计算一致', { exact: false }).count()) === i + 1,
        30_000,
      );
    }
  }

  it('an applicant files a complete application through the wizard, with the keyboard, and sees it reach review', async () => {
    const { page, context, errors } = await personIn(p.browser);
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: '以“长春一汽模具制造有限公司”登录' }).waitFor();
    await screenshot(page, '02-sign-in');
    await signInAsInstitution(page, base, inst.creditCode, '长春');
    await page.getByText('还没有申报。点击“新建申报”开始。').waitFor();
    await screenshot(page, '07-my-applications-empty');

    await page.getByRole('link', { name: '新建申报' }).first().click();
    await page.getByRole('heading', { name: '机构备案申报' }).waitFor();
    // Step 1 by keyboard: the credit code is checked as typed (GB 32100 check character).
    const code = page.getByLabel('统一社会信用代码');
    await code.fill(`${inst.creditCode.slice(0, 17)}${inst.creditCode[17] === '0' ? '1' : '0'}`);
    await page.getByText('校验码不符：按 GB 32100-2015，第 18 位应为').waitFor();
    await code.fill('');
    await code.press('Control+A');
    await page.keyboard.type(inst.creditCode);
    await page.getByLabel('机构名称').focus();
    await page.keyboard.type(inst.name);
    await page.keyboard.press('Tab'); // to the credit code, which is already right
    await page.getByLabel('法定代表人').focus();
    await page.keyboard.type(inst.legalRepresentative);
    await page.keyboard.press('Tab');
    await page.keyboard.type(inst.address);
    await page.keyboard.press('Tab');
    await page.keyboard.type(inst.contact.person);
    await page.keyboard.press('Tab');
    await page.keyboard.type(inst.contact.phone);
    await page.keyboard.press('Tab');
    await page.keyboard.type(inst.contact.email);
    // 属地 by affiliation: the applicant's own (长春市) is preselected; choose it again by keyboard.
    await page.getByLabel('属地（按隶属关系）').focus();
    await page.keyboard.type('长春');
    await page.keyboard.press('Enter');
    await screenshot(page, '08-apply-1-institution');
    await page.getByRole('button', { name: '下一步' }).press('Enter');

    // Step 2: occupations × levels.
    await page.getByLabel('职业编码').fill(lathe.code);
    await page.getByLabel('职业名称').fill(lathe.name);
    for (const l of ['五级/初级工', '四级/中级工', '三级/高级工']) await page.getByLabel(l).check();
    await page.getByRole('button', { name: '添加职业（工种）' }).click();
    await page.getByLabel('职业编码').nth(1).fill(welder.code);
    await page.getByLabel('职业名称').nth(1).fill(welder.name);
    for (const l of ['五级/初级工', '四级/中级工']) await page.getByLabel(l).nth(1).check();
    await screenshot(page, '09-apply-2-occupations');
    await page.getByRole('button', { name: '保存草稿，下一步' }).click();
    await page.getByRole('button', { name: '确认并继续' }).press('Enter');

    // Step 3: every required material, its sha-256 computed in the browser and compared with intake's.
    await page.getByText('请逐项上传备案材料').waitFor();
    const required = checklist.filter((i) => i.required);
    await uploadAll(page, required);
    await screenshot(page, '10-apply-3-materials');
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 4: review, then submit.
    await page.getByRole('heading', { name: '请核对申报内容' }).waitFor();
    expect(await page.getByText(inst.creditCode).count()).toBeGreaterThan(0);
    await screenshot(page, '11-apply-4-review');
    await page.getByRole('button', { name: '确认提交申报' }).click();
    await page.getByText('申报已提交').waitFor();
    // The submission travels to review as an event; the page shows it on its way, then arrived.
    await page.getByText('已送达长春市职业技能鉴定中心，等待受理').waitFor({ timeout: 60_000 });
    await screenshot(page, '12-apply-submitted');

    const listed = await waitFor('the application at intake', async () => {
      const apps = await d.step('list', 'GET', `${p.urls.intake}/applications`, await d.token('applicant', '220100', { creditCode: inst.creditCode }));
      return apps.items[0];
    });
    c.caseId = listed.id;
    // Review opened the case at Changchun's own instance.
    expect(await d.waitStage(c, 'SUBMITTED')).toMatchObject({ jurisdiction: '220100', stage: 'SUBMITTED' });
    // Through the console's proxy, review calls reach the instance serving the caller's jurisdiction (Changchun's own);
    // the province instance does not hold Changchun's cases.
    const staff = { authorization: `Bearer ${await d.token('center-staff', '220100')}` };
    const viaConsole = await fetch(`${base}/api/review/cases/${c.caseId}`, { headers: staff });
    expect(viaConsole.status).toBe(200);
    expect(await viaConsole.json()).toMatchObject({ jurisdiction: '220100', stage: 'SUBMITTED' });
    expect((await fetch(`${base}/api/review/220000/cases/${c.caseId}`, { headers: staff })).status).toBe(404);
    await page.getByRole('button', { name: '查看申报进度' }).click();
    await page.getByText('当前阶段：已提交').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('materials returned at the provincial re-check are corrected as a new version and resubmitted', async () => {
    expect(c.caseId).toBeDefined(); // the case the first test filed through the wizard
    await d.accept(c);
    await d.requestExperts(c, 3);
    await d.formGroup(c);
    await d.preliminaryOpinion(c);
    await d.decideRecheck(c, 'preliminary', 'fail', '考评员名单不全，请补充焊工考评员资格证明后重新提交');
    await d.waitStage(c, 'RETURNED');
    await waitFor('the return at intake', async () => (await d.application(c)).status === 'RETURNED');

    const { page, context, errors } = await personIn(p.browser);
    await signInAsInstitution(page, base, inst.creditCode, '长春');
    // 我的申报 says what is expected now.
    await page.getByText('按退回意见补正材料后重新提交').waitFor();
    await screenshot(page, '07-my-applications');
    await page.getByRole('link', { name: /新备案：车工、焊工/ }).click();
    await page.getByRole('list', { name: '退回意见' }).getByText('考评员名单不全，请补充焊工考评员资格证明后重新提交').waitFor();
    const assessor = page.getByRole('group', { name: '考评员名单' });
    await assessor.getByText('需补正').waitFor();
    const resubmit = page.getByRole('button', { name: '重新提交' });
    expect(await resubmit.isDisabled()).toBe(true);
    await page
      .getByLabel('选择文件：考评员名单')
      .setInputFiles({ name: '考评员名单（补正）.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.from('% corrected\n')]) });
    await assessor.getByText('已上传第 2 版').waitFor();
    await page.getByLabel('补正说明').fill('已补充焊工考评员 3 名及其资格证书。');
    await screenshot(page, '13-application-returned');
    await resubmit.click();
    await d.waitStage(c, 'PRELIMINARY_REVIEW');
    // The new version stands beside the old one.
    await page.getByText('第 2 版（第 1 次补正） · 考评员名单（补正）.pdf').waitFor({ timeout: 30_000 });
    await page.getByText('第 1 版 · 考评员名单.pdf').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  let receipt = '';

  it('a member of the public reads the notice (phone width), lodges an objection and follows it', async () => {
    expect(c.caseId).toBeDefined(); // the case the first test filed through the wizard
    await d.fromPreliminaryOpinionToApproval(c);
    const notice = await d.notice(c);
    expect(notice).toMatchObject({ startDate: '2025-09-29', endDate: '2025-10-13' });

    const desktop = await personIn(p.browser);
    await desktop.page.goto(`${base}/`);
    await desktop.page.getByRole('link', { name: inst.name }).waitFor();
    await screenshot(desktop.page, '01-notices');
    await desktop.context.close();

    const { page, context, errors } = await personIn(p.browser, 'phone');
    await page.goto(`${base}/notices`);
    await screenshot(page, '01-notices-phone');
    await page.getByRole('link', { name: inst.name }).click();
    await page.getByRole('heading', { name: new RegExp(inst.name) }).waitFor();
    // The window on the calendar: National Day is a holiday, the make-up Saturday counts.
    await page.getByLabel('10月1日，国庆节法定节假日').waitFor();
    await page.getByLabel('10月11日，国庆节调休上班，计入公示期').waitFor();
    await page.getByLabel('10月13日，工作日，计入公示期').waitFor();
    await screenshot(page, '03-notice-phone');

    const form = page.getByRole('form', { name: '提出异议' });
    await form.getByLabel('姓名').fill('张建华');
    await form.getByLabel('身份证号码').fill('220102199001011235');
    await form.getByLabel('联系电话').fill('13912345678');
    await form.getByLabel('异议理由').fill('该机构焊工实操场地面积不足，无法满足四级考核要求。');
    await form.getByRole('button', { name: '提交异议' }).click();
    // The ID number is checked in the browser (GB 11643 check character): nothing is sent.
    await form.getByText('身份证号码校验位不符，请核对').waitFor();
    await form.getByLabel('身份证号码').fill('11010519491231002X');
    await form.getByLabel('证据及线索（选填）').fill('2025年9月实地查看照片 3 张，可当面提供。');
    await form.getByRole('button', { name: '提交异议' }).click();
    await page.getByText('异议已提交').waitFor();
    receipt = (await page.getByLabel('回执编号').first().innerText()).trim();
    expect(receipt).toMatch(/^YY-20250929-[2-9A-Z]{8}$/);
    await page.screenshot({ path: `${SCREENSHOTS}/04-objection-receipt.png`, animations: 'disabled' });
    await page.getByRole('button', { name: '查询处理进度' }).click();
    await page.getByText('已受理，待调查').waitFor();

    // Centre staff settle it (their workbench comes later); the objector sees the outcome and the reason.
    const [objection] = await d.objections(c);
    expect(objection).toMatchObject({ receiptNumber: receipt, evidence: '2025年9月实地查看照片 3 张，可当面提供。' });
    await d.settleObjection(c, objection.id, 'dismissed', '经实地核查，焊工实操场地面积符合要求，异议不成立。');
    await page.reload();
    await page.getByText('异议不成立', { exact: true }).waitFor();
    await page.getByText('经实地核查，焊工实操场地面积符合要求，异议不成立。').waitFor();
    await screenshot(page, '05-objection-status');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the notice closes, the filing notice is issued: the applicant sees it, and the public finds the institution in the register', async () => {
    expect(c.caseId).toBeDefined(); // the case the first test filed through the wizard
    await d.closeNotice(c);
    const filing = await d.issueFiling(c);

    const applicant = await personIn(p.browser);
    await signInAsInstitution(applicant.page, base, inst.creditCode, '长春');
    await applicant.page.getByRole('link', { name: /新备案：车工、焊工/ }).click();
    await applicant.page.getByText(`备案通知 ${filing.noticeNumber}`).waitFor({ timeout: 30_000 });
    await applicant.page.getByText('已下发备案通知').first().waitFor();
    await screenshot(applicant.page, '14-application-filed');

    // Now filed, the institution applies to add an occupation. A wrong filing number is refused by intake and the
    // refusal reads in Chinese at the step; the right one opens the add-occupation draft with its own checklist.
    const w = applicant.page;
    await w.getByRole('link', { name: '新建申报' }).first().click();
    await w.getByLabel('增加认定职业（已备案机构）').check();
    await w.getByLabel('原备案通知文号或备案编号').fill('吉人社备〔2025〕999号');
    await w.getByLabel('机构名称').fill(inst.name);
    await w.getByLabel('法定代表人').fill(inst.legalRepresentative);
    await w.getByLabel('地址').fill(inst.address);
    await w.getByLabel('联系人').fill(inst.contact.person);
    await w.getByLabel('联系电话').fill(inst.contact.phone);
    await w.getByRole('button', { name: '下一步' }).click();
    await w.getByLabel('职业编码').fill(DEMO_OCCUPATIONS.electrician.code);
    await w.getByLabel('职业名称').fill(DEMO_OCCUPATIONS.electrician.name);
    await w.getByLabel('四级/中级工').check();
    await w.getByRole('button', { name: '保存草稿，下一步' }).click();
    await w.getByRole('button', { name: '确认并继续' }).click();
    // Back at the first step, the refusal stands next to the field it concerns.
    const numberField = w.getByLabel('原备案通知文号或备案编号');
    await numberField.waitFor();
    await waitFor(
      'the refusal next to its field',
      async () =>
        (await numberField.getAttribute('aria-invalid')) === 'true' &&
        (await descriptionOf(numberField)).includes('原备案通知文号或备案编号与该机构的备案不符'),
    );
    await screenshot(w, '17-apply-refused');
    await numberField.fill(filing.filingNumber);
    await w.getByRole('button', { name: '下一步' }).click();
    await w.getByRole('button', { name: '保存草稿，下一步' }).click();
    await w.getByRole('button', { name: '确认并继续' }).click();
    await waitForOrExplain(w.getByRole('group', { name: '申请增加认定职业(工种)及等级' }), applicant);
    expect(applicant.errors).toEqual([]);
    await applicant.context.close();

    const { page, context, errors } = await personIn(p.browser);
    await page.goto(`${base}/register`);
    await page.getByLabel('机构名称或统一社会信用代码').fill(inst.name.slice(2, 10));
    await page.getByLabel('职业（工种）名称或编码').fill('焊工');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 家备案机构符合条件').waitFor();
    await screenshot(page, '06-register');
    // By credit code, too.
    await page.getByLabel('机构名称或统一社会信用代码').fill(inst.creditCode);
    await page.getByLabel('职业（工种）名称或编码').fill('');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: inst.name }).click();
    await page.getByText(`${filing.noticeNumber}（${filing.noticeDate}）`).waitFor();
    await page.getByText(filing.filingNumber).waitFor();
    await screenshot(page, '06-register-institution');
    await page.goto(`${base}/register/coverage`);
    await page.getByLabel(`长春市${lathe.name}：1 家（五级/初级工、四级/中级工、三级/高级工）`).waitFor();
    await page.getByLabel(`吉林市${lathe.name}：暂无机构`).waitFor();
    await screenshot(page, '06-register-coverage');
    expect(errors).toEqual([]);
    await context.close();

    const phone = await personIn(p.browser, 'phone');
    await phone.page.goto(`${base}/register?occupation=${encodeURIComponent(welder.name)}`);
    await phone.page.getByRole('link', { name: inst.name }).waitFor();
    await screenshot(phone.page, '06-register-phone');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('verifies the draw in the browser: a match, then a mismatch once the snapshot is altered in the page', async () => {
    expect(c.caseId).toBeDefined(); // the case the first test filed through the wizard
    const published = await d.verifiedDraw(c);
    const { page, context, errors } = await personIn(p.browser);
    await page.goto(`${base}/draws/verify`);
    await page.getByLabel('抽取编号').fill(c.drawId!);
    await page.getByLabel('抽取编号').press('Enter');
    await page.getByText(published.commitment).first().waitFor();
    await page.getByRole('button', { name: '在浏览器中验证' }).click();
    await page.getByText('验证一致：本地重新抽取的结果与公布的结果完全相同').waitFor();
    await screenshot(page, '15-draw-verified');

    // Remove one expert of the pool from the snapshot: the commitment published before the draw no longer matches.
    const data = JSON.parse(await page.getByLabel('公开数据').inputValue());
    data.snapshot.pool = data.snapshot.pool.filter((e: { expertId: string }) => e.expertId !== data.result.members[0]);
    await page.getByLabel('公开数据').fill(JSON.stringify(data, null, 2));
    await page.getByRole('button', { name: '在浏览器中验证' }).click();
    await page.getByText('验证不一致').waitFor();
    await page.getByText(/^承诺值不符：本地计算为 [0-9a-f]{64}/).waitFor();
    await screenshot(page, '16-draw-mismatch');
    expect(errors).toEqual([]);
    await context.close();
  });
});
