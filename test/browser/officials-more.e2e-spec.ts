import { randomInt, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { Events, toKafkaHeaders } from '@filing/contracts';
import { produceRaw, testKafka, waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS, demoExperts, demoIdNumber } from '../../tools/demo/demo-experts';
import { CaseRecord, institution, ProcedureDriver } from '../e2e/procedure/procedure-driver';
import { ConsolePlatform, personIn, screenshot, startConsolePlatform, waitForOrExplain } from './console-harness';
import socialOrgStandard from '../../services/assessment/src/standards/data/attachment-2-social-org.json';

/**
 * More of the officials' pages in a real Chromium against the real platform (issue 14): Changchun's centre keeps its
 * expert database (专家库) — an Excel import checked first, one bad row named and nothing imported, then imported; an
 * expert added, suspended and reinstated; the administrator loads a standard version (refused with its reasons, then
 * loaded), verifies every service's audit chain (an entry edited after the fact named, then restored), inspects and
 * re-drives a dead letter; on a province case's page the centre
 * resolves an objection to its notice and the provincial department issues the filing notice; the 厅长办公会 does not
 * approve another province case, with its reasons. The steps of the applicant, the discipline officer and the experts
 * are taken by API (the procedure driver).
 */
jest.setTimeout(600_000);

describe('the expert database and the administrator’s pages in Chromium', () => {
  let p: ConsolePlatform;
  let d: ProcedureDriver;
  let base: string;
  const run = randomInt(100, 900); // distinct names and ID numbers in the run's shared database
  const idBase = run * 1000;

  beforeAll(async () => {
    p = await startConsolePlatform({ CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '300', EVENT_RETRY_BACKOFF_MS: '50' });
    base = p.console.url;
    d = new ProcedureDriver(p.urls, { timeoutMs: 90_000 });
    // Monday 3 November 2025, 09:00 China time: the notices' working days fall in a year the calendar covers.
    await d.setClock('2025-11-03T01:00:00.000Z');
  });

  afterAll(async () => {
    await p?.stop();
  });

  async function official(label: string) {
    const person = await personIn(p.browser);
    await person.page.goto(`${base}/sign-in`);
    await person.page
      .getByRole('button', { name: `以“${label}”登录` })
      .first()
      .click();
    await person.page.getByRole('heading', { name: '工作台' }).waitFor();
    return person;
  }

  /** What a service answers the given person (the test's own check of what the page shows). */
  async function get(url: string, path: string, token: string): Promise<any> {
    const r = await d.http('GET', `${url}${path}`, token);
    if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r;
  }

  async function menu(page: Page, name: string) {
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name }).click();
  }

  it('centre staff import experts from Excel: a check names the bad row and imports nothing; the corrected file is imported', async () => {
    const staff = await official('长春市职业技能鉴定中心 工作人员');
    await menu(staff.page, '专家库');
    await staff.page.getByRole('heading', { name: '专家库 · 长春市' }).waitFor();
    await staff.page.getByRole('tab', { name: '批量导入' }).click();

    // The Excel template downloads with its Chinese headings; it is filled in as a person would.
    const [download] = await Promise.all([staff.page.waitForEvent('download'), staff.page.getByRole('button', { name: '下载 Excel 模板' }).click()]);
    expect(download.suggestedFilename()).toBe('专家导入模板.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('专家')!;
    const heading = (sheet.getRow(1).values as string[]).slice(1);
    const names = [`导入甲${run}`, `导入乙${run}`, `导入丙${run}`];
    names.forEach((name, i) => {
      const cells: Record<string, unknown> = {
        姓名: name,
        性别: i % 2 ? '女' : '男',
        身份证号: demoIdNumber(idBase + i, '220102'),
        工作单位: '长春职业技术学院',
        职称: '高级技师',
        擅长职业: '6-18-01-01',
        所在地区: i === 1 ? '长春' : '220100',
        联系电话: '13904310000',
        聘期开始: '2026-01-01',
      };
      sheet.addRow(heading.map((h) => cells[h] ?? null));
    });
    const file = async () => ({
      name: '长春专家.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });

    await staff.page.locator('input[type=file]').setInputFiles(await file());
    await staff.page.getByText('已选择：长春专家.xlsx').waitFor();
    await staff.page.getByRole('button', { name: '校验' }).click();
    await waitForOrExplain(staff.page.getByText('1 行有误，未导入任何数据'), staff);
    const bad = staff.page.getByRole('table', { name: '有误的行' });
    await expect(bad.getByRole('row').count()).resolves.toBe(2); // the header and the one bad row
    await bad.getByRole('cell', { name: '第 2 行' }).waitFor();
    await bad.getByRole('cell', { name: '3', exact: true }).waitFor(); // the worksheet's row 3 (row 1 is the header)
    await bad.getByText('所在地区：不是有效的行政区划代码').waitFor();
    await staff.page.getByRole('progressbar', { name: '校验进度' }).waitFor();
    await screenshot(staff.page, 'om-01-expert-import-rejected');
    // Nothing was imported: not even the valid rows.
    const before = await get(p.urls.expertPool, `/experts?q=${encodeURIComponent(`导入甲${run}`)}`, await d.token('center-staff', '220100'));
    expect(before.body.total).toBe(0);

    sheet.getRow(3).getCell(heading.indexOf('所在地区') + 1).value = '220100';
    await staff.page.locator('input[type=file]').setInputFiles(await file());
    await staff.page.getByRole('button', { name: '校验' }).click();
    await waitForOrExplain(staff.page.getByText('全部 3 行校验通过'), staff);
    await staff.page.getByRole('button', { name: '导入 3 名专家' }).click();
    await waitForOrExplain(staff.page.getByText('已导入 3 名专家'), staff);
    await staff.page.getByRole('progressbar', { name: '导入进度' }).waitFor();
    await screenshot(staff.page, 'om-02-expert-import-done');

    await staff.page.getByRole('tab', { name: '专家名单' }).click();
    await staff.page.getByRole('searchbox', { name: '搜索专家' }).fill(`导入乙${run}`);
    await staff.page.getByRole('button', { name: '搜索' }).click();
    const list = staff.page.getByRole('table', { name: '专家名单' });
    await list.getByRole('cell', { name: `导入乙${run}`, exact: true }).waitFor();
    // The ID number is masked for centre staff.
    await expect(list.getByText(demoIdNumber(idBase + 1, '220102')).count()).resolves.toBe(0);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('centre staff add an expert, suspend them with a reason and reinstate them', async () => {
    const staff = await official('长春市职业技能鉴定中心 工作人员');
    await menu(staff.page, '专家库');
    await staff.page.getByRole('button', { name: '新增专家' }).click();
    const form = staff.page.getByRole('form', { name: '新增专家' });
    const name = `新增${run}`;
    await form.getByLabel('姓名').fill(name);
    await form.getByLabel('身份证号').fill('220102198001011230'); // a wrong check character first
    await form.getByLabel('联系电话').fill('13904310001');
    await form.getByLabel('工作单位').fill('吉林省经济管理干部学院');
    await form.getByLabel('职称').fill('教授');
    await form.getByLabel('擅长职业').fill('6-18-01-01');
    await staff.page.keyboard.press('Enter');
    await form.getByLabel('聘期开始').fill('2026-01-01');
    await staff.page.getByRole('button', { name: '保存' }).click();
    // The service checks the ID number (GB 11643) and says so next to the field.
    await waitForOrExplain(
      form
        .getByText('身份证号码无效')
        .or(form.getByText(/身份证号/).filter({ hasText: /无效|校验/ }))
        .first(),
      staff,
    );
    await form.getByLabel('身份证号').fill(demoIdNumber(idBase + 10, '220102'));
    await staff.page.getByRole('button', { name: '保存' }).click();
    await waitForOrExplain(staff.page.getByText(`已新增专家 ${name}`), staff);
    await staff.page.getByRole('searchbox', { name: '搜索专家' }).fill(name);
    await staff.page.getByRole('button', { name: '搜索' }).click();
    const row = staff.page.getByRole('table', { name: '专家名单' }).getByRole('row').filter({ hasText: name });
    await row.getByText('在库').waitFor();

    await row.getByRole('button', { name: `暂停 ${name}` }).click();
    await staff.page.getByRole('textbox', { name: '暂停原因' }).fill('连续两次无故缺席评估');
    await staff.page.getByRole('button', { name: '确认暂停' }).click();
    await row.getByText('已暂停').waitFor();
    await row.getByText('连续两次无故缺席评估').waitFor();
    await screenshot(staff.page, 'om-03-expert-suspended');
    const token = await d.token('center-staff', '220100');
    const suspended = await get(p.urls.expertPool, `/experts?q=${encodeURIComponent(name)}`, token);
    expect(suspended.body.items[0]).toMatchObject({ status: 'suspended', statusReason: '连续两次无故缺席评估' });

    await row.getByRole('button', { name: `恢复 ${name}` }).click();
    await staff.page.getByRole('textbox', { name: '恢复原因' }).fill('已说明缺席原因');
    await staff.page.getByRole('button', { name: '确认恢复' }).click();
    await row.getByText('在库').waitFor();
    const reinstated = await get(p.urls.expertPool, `/experts?q=${encodeURIComponent(name)}`, token);
    expect(reinstated.body.items[0]).toMatchObject({ status: 'active' });

    await row.getByRole('button', { name: `编辑 ${name}` }).click();
    const edit = staff.page.getByRole('form', { name: '编辑专家' });
    await edit.getByLabel('工作单位').fill('吉林大学');
    await staff.page.getByRole('button', { name: '保存修改' }).click();
    await row.getByText('吉林大学').waitFor();
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  });

  it('the administrator loads a standard version (refused with its reasons, then loaded), verifies every audit chain (an entry edited afterwards is named) and sees the dead letters', async () => {
    const admin = await official('系统管理员');
    await menu(admin.page, '评估标准');
    await admin.page.getByRole('heading', { name: '评估标准' }).waitFor();
    const versions = admin.page.getByRole('table', { name: '评估标准版本' });
    await versions.getByText(socialOrgStandard.title).first().waitFor();
    // A future version (in force from 2099, so no case of this run picks it) whose first item does not add up.
    const version = `e2e-${run}-${Date.now() % 100000}`;
    const good = { ...socialOrgStandard, version, effectiveFrom: '2099-01-01' };
    const broken = { ...good, items: good.items.map((item, i) => (i === 0 ? { ...item, maxPoints: item.maxPoints + 5 } : item)) };
    // Through the JSON upload's own button, as the administrator chooses the file (the page also takes a table).
    const upload = async (doc: unknown) => {
      const [chooser] = await Promise.all([admin.page.waitForEvent('filechooser'), admin.page.getByRole('button', { name: '选择标准文件（.json）' }).click()]);
      await chooser.setFiles({ name: `standard-${version}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    };
    await upload(broken);
    await admin.page
      .getByRole('group', { name: '待加载的版本' })
      .or(admin.page.getByText(`standard-${version}.json`))
      .first()
      .waitFor();
    await admin.page.getByRole('button', { name: '校验并加载该版本' }).click();
    await waitForOrExplain(admin.page.getByText('该版本有误，未加载'), admin);
    const problems = admin.page.getByRole('list', { name: '校验问题' });
    await problems.getByText(/各子项分值合计/).waitFor();
    await problems.getByText(/各项目分值合计 \d+，与总分 100 不符/).waitFor();
    await screenshot(admin.page, 'om-04-standard-refused');
    await upload(good);
    await admin.page.getByRole('button', { name: '校验并加载该版本' }).click();
    await waitForOrExplain(admin.page.getByText(`已加载 ${good.standardId} 第 ${version} 版`), admin);
    await versions.getByRole('cell', { name: `第 ${version} 版`, exact: true }).waitFor();
    await admin.page.getByRole('table', { name: '案件使用的版本' }).waitFor();
    await screenshot(admin.page, 'om-05-standards');

    await menu(admin.page, '审计链');
    const chains = admin.page.getByRole('table', { name: '审计链核验结果' });
    const audited: [string, string][] = [
      ['申报受理（intake）', p.urls.intake],
      ['审核（review，本级实例）', p.urls.reviewProvince],
      ['专家库与抽取（expert-pool）', p.urls.expertPool],
      ['评估（assessment）', p.urls.assessment],
      ['公示与发布（publication）', p.urls.publication],
    ];
    const adminToken = await d.token('admin', '220000');
    /** Verifies every chain on the page; each row shows what its service answers (complete, or its first broken entry). */
    const verifyAll = async () => {
      await admin.page.getByRole('button', { name: '核验全部审计链' }).click();
      await waitFor('five chains verified', async () => (await chains.getByText(/^完整（\d+ 条）$|^链条断裂/).count()) === 5, 60_000);
      let broken = 0;
      for (const [name, url] of audited) {
        const answer = (await get(url, '/audit/verify', adminToken)).body;
        const row = chains.getByRole('row').filter({ hasText: name });
        if (answer.ok) await row.getByText(/^完整（\d+ 条）$/).waitFor();
        else {
          broken++;
          await row.getByText(`第 ${answer.firstBroken.seq} 条`, { exact: true }).waitFor();
          await row.getByText(answer.firstBroken.id).waitFor();
        }
      }
      await admin.page.getByText(broken ? `${broken} 条审计链断裂` : '全部审计链完整').waitFor();
      return broken;
    };
    // An entry edited after the fact (someone with database access rewrites a reason) is found and named; the
    // original restored, the chain verifies as before. (An earlier spec of the run may have broken a chain on purpose:
    // then that first broken entry is the one named.)
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    let tampered: { seq: string; reason: string | null } | undefined;
    try {
      if ((await get(p.urls.expertPool, '/audit/verify', adminToken)).body.ok) {
        const { rows } = await db.query(`SELECT seq, reason FROM expert_pool.audit_log ORDER BY seq DESC LIMIT 1`);
        tampered = rows[0];
        await db.query(`UPDATE expert_pool.audit_log SET reason = $2 WHERE seq = $1`, [tampered!.seq, `${tampered!.reason ?? ''}（事后修改）`]);
      }
      const broken = (await get(p.urls.expertPool, '/audit/verify', adminToken)).body;
      expect(broken.ok).toBe(false);
      await verifyAll();
      const row = chains.getByRole('row').filter({ hasText: '专家库与抽取（expert-pool）' });
      if (tampered) {
        expect(broken.firstBroken.seq).toBe(Number(tampered.seq));
        await row.getByText('内容与其哈希不符：记录被篡改').waitFor();
      }
      await screenshot(admin.page, 'om-06-audit-chain-broken');
    } finally {
      if (tampered) await db.query(`UPDATE expert_pool.audit_log SET reason = $2 WHERE seq = $1`, [tampered.seq, tampered.reason]);
      await db.end();
    }
    await verifyAll();
    await screenshot(admin.page, 'om-07-audit-chains');

    await menu(admin.page, '死信事件');
    await admin.page.getByRole('heading', { name: '死信事件' }).waitFor();
    const shown = admin.page.getByRole('table', { name: '死信事件' });
    await shown.waitFor();
    // What the page lists is what the services say they parked (the run's earlier specs may have left some).
    const token = await d.token('admin', '220000');
    let parked = 0;
    for (const url of [p.urls.intake, p.urls.reviewProvince, p.urls.expertPool, p.urls.assessment, p.urls.publication])
      parked += (await get(url, '/admin/dead-letters', token)).body.items.length;
    await admin.page.getByText(`死信 ${parked} 条`).waitFor();
    await screenshot(admin.page, 'om-07-dead-letters-list');
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  it('the administrator inspects a dead-lettered event and re-drives it', async () => {
    // A stage event that breaks its contract (no such stage): every consumer of the topic parks it after its retries.
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
      testKafka(),
      Events.caseStageChanged.topic,
      caseId,
      JSON.stringify({ caseId, jurisdiction: '220000', to: 'NOWHERE' }),
      toKafkaHeaders(meta),
    );
    const token = await d.token('admin', '220000');
    const services = [p.urls.intake, p.urls.reviewProvince, p.urls.expertPool, p.urls.assessment, p.urls.publication];
    const consumers: string[] = [];
    for (const url of services) if ((await get(url, '/admin/dead-letters', token)).body.topics.includes(Events.caseStageChanged.topic)) consumers.push(url);
    expect(consumers.length).toBeGreaterThan(0);
    await waitFor(
      'every consumer to park the event',
      async () => {
        for (const url of consumers) if (!(await get(url, '/admin/dead-letters', token)).body.items.some((x: any) => x.key === caseId)) return false;
        return true;
      },
      120_000,
    );

    const admin = await official('系统管理员');
    await menu(admin.page, '死信事件');
    // Newest first; the operator narrows the list to the case (the shared broker holds the run's other dead letters).
    await admin.page.getByRole('searchbox', { name: '筛选死信' }).fill(caseId);
    const rows = admin.page.getByRole('table', { name: '死信事件' }).getByRole('row').filter({ hasText: caseId });
    await waitForOrExplain(rows.first(), admin);
    // Each service answers on its own: the rows of the slower ones come a moment after the first.
    await waitFor(`a row per consumer (${consumers.length})`, async () => (await rows.count()) === consumers.length, 30_000);
    await rows.first().getByRole('button', { name: '查看' }).click();
    const dialog = admin.page.getByRole('dialog', { name: '死信事件' });
    await dialog
      .getByLabel('事件内容')
      .getByText(/"to": "NOWHERE"/)
      .waitFor();
    await dialog.getByText(meta.id).waitFor();
    await screenshot(admin.page, 'om-08-dead-letter');
    await dialog.getByRole('button', { name: '重新投递' }).click();
    await waitForOrExplain(admin.page.getByText('已重新投递 1 条事件'), admin);
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  describe('a province case’s page', () => {
    let objected: CaseRecord; // approved by the 厅长办公会, an objection lodged during its notice
    let refused: CaseRecord; // not approved by the 厅长办公会

    beforeAll(async () => {
      await d.importExperts('220000', demoExperts('220000', '吉林省', 18, 200_000 + run * 100));
      objected = await d.submit('220000', institution(`吉林省${run}育婴职业技能评价协会`, 'social-org', '220102'), [DEMO_OCCUPATIONS.childcare]);
      refused = await d.submit('220000', institution(`吉林省${run}健康管理职业技能评价协会`, 'social-org', '220102'), [DEMO_OCCUPATIONS.health]);
      // Both cases through the procedure at once, by API: the browser takes over where the tests begin.
      await Promise.all([
        d.throughApproval(objected, { meetingReference: '厅长办公会纪要〔2025〕30号 第1项' }),
        (async () => {
          await d.accept(refused);
          await d.requestExperts(refused, 3);
          await d.formGroup(refused);
          await d.preliminaryOpinion(refused);
          await d.waitStage(refused, 'ONSITE_EVALUATION');
          await d.scoreOnsite(refused);
          await d.technicalAndComprehensive(refused);
          await d.waitStage(refused, 'APPROVAL');
        })(),
      ]);
    });

    it('the centre resolves an objection on the case page; once the notice has closed the filing notice is issued there', async () => {
      await d.waitStage(objected, 'PUBLIC_NOTICE');
      await d.notice(objected);
      const receipt = (await d.lodgeObjection(objected, '该协会实操考场与申报材料所述地址不符。')).receiptNumber;

      const staff = await official('省职业技能鉴定中心 工作人员');
      await staff.page.goto(`${base}/cases/${objected.caseId}`);
      await staff.page.getByRole('heading', { name: objected.institution.name }).waitFor();
      // The group, unsealed at the kick-off: its members by name, the leader marked.
      const members = staff.page.getByRole('table', { name: '专家组成员' });
      await waitForOrExplain(members.getByText('组长'), staff);
      expect(await members.getByRole('row').count()).toBe(4); // the header and three members
      const objection = staff.page.getByRole('region', { name: `异议 ${receipt}` });
      await waitForOrExplain(objection.getByText('该协会实操考场与申报材料所述地址不符。'), staff);
      await objection.getByText('已受理，待调查').waitFor();
      await objection.getByRole('button', { name: '处理该异议' }).click();
      const form = staff.page.getByRole('form', { name: `处理异议 ${receipt}` });
      await form.getByRole('button', { name: '提交处理意见' }).click();
      await form.getByText('请选择处理结论').waitFor();
      await form.getByText('异议不成立').click();
      await form.getByLabel('处理意见').fill('经实地核查，实操考场地址已依法变更并备案，异议不成立。');
      await screenshot(staff.page, 'om-10-objection-resolution');
      await form.getByRole('button', { name: '提交处理意见' }).click();
      await form.waitFor({ state: 'detached', timeout: 60_000 });
      await objection.locator('.ant-tag').getByText('异议不成立', { exact: true }).waitFor();
      await objection.getByText('经实地核查，实操考场地址已依法变更并备案，异议不成立。').waitFor();
      expect(staff.errors).toEqual([]);
      await staff.context.close();
      expect((await d.objections(objected)).find((o) => o.receiptNumber === receipt)).toMatchObject({ status: 'dismissed' });

      // The window ends (the demo clock moves); with no objection open, the filing is requested of the province.
      await d.closeNotice(objected);
      await d.waitStage(objected, 'FILING_NOTICE_REQUESTED');
      const approver = await official('省人社厅 审定人员');
      await approver.page.goto(`${base}/cases/${objected.caseId}`);
      await waitForOrExplain(approver.page.getByText('公示期满且无待处理异议，可下发备案通知'), approver);
      await approver.page.getByRole('button', { name: '下发备案通知' }).click();
      await waitForOrExplain(approver.page.getByText(/^已下发备案通知 /), approver);
      const issued = await d.waitStage(objected, 'FILING_NOTICE_ISSUED');
      expect(issued.stage).toBe('FILING_NOTICE_ISSUED');
      await approver.page.getByText('已下发备案通知', { exact: true }).first().waitFor({ timeout: 60_000 });
      await screenshot(approver.page, 'om-11-filing-notice-issued');
      expect(approver.errors).toEqual([]);
      await approver.context.close();
    });

    it('the 厅长办公会 does not approve a province case, with its reasons; the case ends', async () => {
      const { page, context, errors } = await official('省人社厅 审定人员');
      await page.getByRole('list', { name: '待审定' }).getByRole('link', { name: refused.institution.name }).click();
      const form = page.getByRole('form', { name: '审定' });
      await form.getByText('审定不通过', { exact: true }).click();
      await form.getByLabel('厅长办公会会议纪要（议题）编号').fill('厅长办公会纪要〔2025〕31号 第2项');
      await form.getByRole('button', { name: '审定不通过' }).click();
      await form.getByText('请填写不通过理由').waitFor();
      await form.getByLabel('不通过理由').fill('健康管理师考评人员中具备二级以上资格者不足，现场评估场地不能满足实操要求。');
      await form.getByRole('button', { name: '审定不通过' }).click();
      await form.getByText('确认审定不通过？案件将终结，申报机构将看到理由。').waitFor();
      await screenshot(page, 'om-12-not-approved-confirm');
      await form.getByRole('button', { name: '确认提交' }).click();
      await waitForOrExplain(page.getByText('审定不通过', { exact: true }).first(), { refusals: [] });
      const ended = await d.waitStage(refused, 'NOT_PASSED');
      expect(ended).toMatchObject({
        approval: { decision: 'not-approved', approvalBody: 'director-office-meeting', meetingReference: '厅长办公会纪要〔2025〕31号 第2项' },
      });
      await page.getByText('健康管理师考评人员中具备二级以上资格者不足，现场评估场地不能满足实操要求。').first().waitFor();
      await screenshot(page, 'om-13-not-approved');
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
