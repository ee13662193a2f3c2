import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CaseApproved, Events } from '@filing/contracts';
import { produceEvent, testKafka, waitFor } from '@filing/testing';
import { ProcedureDriver, institution } from '../e2e/procedure/procedure-driver';
import { ConsolePlatform, personIn, screenshot, startConsolePlatform, waitForOrExplain } from './console-harness';

/**
 * The documents' public side and the historical import in Chromium against the real platform: a member of the
 * public opens a filing notice's verification page (what its QR code opens), checks a downloaded copy and a
 * tampered one, and an unknown id; the notice page offers the 公示 PDF; Changchun's approver decides a reinstatement
 * and a suspension on the institution's page and the public pages follow; the administrator imports the historical
 * register, first a file with errors (listed by row), then a good one.
 */
jest.setTimeout(600_000);

describe('documents, verification and the historical import in Chromium', () => {
  let p: ConsolePlatform;
  let d: ProcedureDriver;
  let base: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-ui-'));
  const inst = institution(`长春${Math.floor(Math.random() * 1e6)}模具制造有限公司`);
  let filing: any;
  let noticeId: string;

  beforeAll(async () => {
    p = await startConsolePlatform({ CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '300', EVENT_RETRY_BACKOFF_MS: '50' });
    base = p.console.url;
    d = new ProcedureDriver(p.urls, { timeoutMs: 90_000 });
    await d.setClock('2025-09-29T02:00:00.000Z');
    // An approved case as review announces it; publication opens its notice, and the filing notice is issued.
    const approved: CaseApproved = {
      caseId: randomUUID(),
      jurisdiction: '220100',
      applicationKind: 'new-filing',
      approvalBody: 'local-hrss-bureau',
      institution: inst,
      occupations: [
        { code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' },
        { code: '6-18-02-04', name: '焊工', levels: [4], basis: 'national-standard' },
      ],
      approvedBy: { subject: 'approver-220100', role: 'approver', jurisdiction: '220100' },
      approvedAt: '2025-09-29T01:00:00.000Z',
    };
    await produceEvent(testKafka(), Events.caseApproved, approved);
    const staff = await d.token('center-staff', '220000');
    const notice = await waitFor('the notice', async () => {
      const r = await d.http('GET', `${p.urls.publication}/notices/by-case/${approved.caseId}`, staff);
      return r.status === 200 ? r.body : undefined;
    });
    noticeId = notice.id;
    await d.setClock('2025-10-14T02:00:00.000Z');
    await waitFor(
      'the filing request',
      async () => (await d.http('GET', `${p.urls.publication}/notices/by-case/${approved.caseId}`, staff)).body?.filingStatus === 'requested',
    );
    filing = await d.step('issue the filing notice', 'POST', `${p.urls.publication}/filing-requests/${noticeId}/issue`, await d.token('approver', '220000'));
  });

  afterAll(async () => {
    await p?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** An official by the demo identity's label on the development sign-in page; lands on the workbench. */
  async function signedIn(label: string) {
    const person = await personIn(p.browser);
    await person.page.goto(`${base}/sign-in`);
    await person.page
      .getByRole('button', { name: `以“${label}”登录` })
      .first()
      .click();
    await person.page.getByRole('heading', { name: '工作台' }).waitFor();
    return person;
  }

  it('the verification page confirms a genuine filing notice, tells a copy from a tampered one, and calls an unknown one not genuine', async () => {
    const { page, context, errors } = await personIn(p.browser);
    await page.goto(`${base}/verify/${filing.filingId}`);
    await page.getByText('备案通知真实有效', { exact: true }).waitFor();
    await page.getByText(filing.noticeNumber).first().waitFor();
    await page.getByRole('table', { name: '本通知认定的职业（工种）及等级' }).getByText('焊工').waitFor();
    const pdf = Buffer.from(await (await fetch(`${p.urls.publication}/public/filings/${filing.filingId}/notice.pdf`)).arrayBuffer());
    fs.writeFileSync(path.join(tmp, '备案通知.pdf'), pdf);
    await page.getByLabel('选择要核对的备案通知文件').setInputFiles(path.join(tmp, '备案通知.pdf'));
    await page.getByRole('status').getByText('与本平台出具的备案通知完全一致').waitFor();
    await screenshot(page, 'doc-01-verification-genuine');
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 20] ^= 1;
    fs.writeFileSync(path.join(tmp, '改过的.pdf'), tampered);
    await page.getByLabel('选择要核对的备案通知文件').setInputFiles(path.join(tmp, '改过的.pdf'));
    await page.getByText('与本平台出具的备案通知不一致').waitFor();

    await page.goto(`${base}/verify/${randomUUID()}`);
    await page.getByText('查无此备案通知', { exact: true }).waitFor();
    await page.getByText(/不是本平台出具的备案通知/).waitFor();
    await screenshot(page, 'doc-02-verification-not-genuine');

    // Suspended by Changchun: the same page now says the notice is not valid, with the period.
    await d.step('suspend', 'POST', `${p.urls.publication}/register/${inst.creditCode}/status-changes`, await d.token('approver', '220100'), {
      action: 'suspend',
      reason: '年度检查发现考评员配备不足，暂停认定，限期整改。',
      suspension: { from: '2025-10-15', until: '2026-01-15' },
    });
    await page.goto(`${base}/verify/${filing.filingId}`);
    await page.getByText('备案通知为本平台出具，机构备案暂停', { exact: true }).waitFor();
    await page.getByText('2025-10-15 至 2026-01-15').first().waitFor();
    await screenshot(page, 'doc-03-verification-suspended');
    await page.goto(`${base}/register/${inst.creditCode}`);
    await page.getByText('暂停期限 2025-10-15 至 2026-01-15').waitFor();
    await page.getByRole('link', { name: '核验' }).waitFor();
    await screenshot(page, 'doc-04-institution-suspended');
    await page.goto(`${base}/notices/${noticeId}`);
    const href = await page.getByRole('link', { name: '下载公示文件（PDF）' }).getAttribute('href');
    expect(href).toBe(`/api/publication/public/notices/${noticeId}/notice.pdf`);
    const res = await fetch(`${base}${href}`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an approver of the city where it filed decides a reinstatement and a suspension on the institution page; the public pages follow', async () => {
    // The city's centre staff are no approvers: no decision form (another city's approver gets none either, and
    // publication answers them 404; its spec checks that).
    const staff = await signedIn('长春市职业技能鉴定中心 工作人员');
    await staff.page.goto(`${base}/register/${inst.creditCode}`);
    await staff.page.getByRole('heading', { name: inst.name }).waitFor();
    await staff.page.getByText('认定职业（工种）及等级').waitFor();
    expect(await staff.page.getByText('备案后管理（备案状态决定）').count()).toBe(0);
    await staff.context.close();

    const official = await signedIn('长春市人社局 审定人员');
    const { page } = official;
    await page.goto(`${base}/register/${inst.creditCode}`);
    const card = page.locator('.ant-card', { hasText: '备案后管理（备案状态决定）' });
    await card.waitFor();
    // Suspended in the first test: 恢复 is offered, 暂停 is not.
    expect(await card.getByRole('radio', { name: '暂停' }).count()).toBe(0);
    await card.getByRole('radio', { name: '恢复' }).check();
    await card.getByRole('button', { name: '提交决定' }).click();
    await card.getByText('请写明决定理由').waitFor();
    await card.getByLabel('决定理由').fill('整改完成，经复查考评员配备符合要求，恢复认定。');
    await card.getByRole('button', { name: '提交决定' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认恢复' }).click();
    await waitForOrExplain(card.getByRole('status').getByText('已恢复，备案状态为“有效”'), official);
    await page.getByText('暂停期限').waitFor({ state: 'detached' });

    await card.getByRole('radio', { name: '暂停' }).check();
    await card.getByLabel('暂停起始日期').fill('2025-11-01');
    await card.getByLabel('暂停起始日期').press('Enter');
    await card.getByLabel('暂停截止日期').fill('2026-02-28');
    await card.getByLabel('暂停截止日期').press('Enter');
    await card.getByLabel('决定理由').fill('双随机抽查发现考评记录不全，暂停认定，限期整改。');
    await card.getByLabel('决定文号（选填）').fill('长人社函〔2025〕31号');
    await card.getByRole('button', { name: '提交决定' }).click();
    await page.getByRole('dialog').getByText('暂停 2025-11-01 至 2026-02-28').waitFor();
    await screenshot(page, 'doc-07-status-decision-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '确认暂停' }).click();
    await card.getByRole('status').getByText('已暂停，备案状态为“暂停”').waitFor();
    await page.getByText('暂停期限 2025-11-01 至 2026-02-28').waitFor();
    await screenshot(page, 'doc-08-status-decided');
    expect(official.errors).toEqual([]);
    await official.context.close();

    // The public: the verification page and the register entry say so.
    const { page: pub, context, errors } = await personIn(p.browser);
    await pub.goto(`${base}/verify/${filing.filingId}`);
    await pub.getByText('备案通知为本平台出具，机构备案暂停', { exact: true }).waitFor();
    await pub.getByText('2025-11-01 至 2026-02-28').first().waitFor();
    await pub.goto(`${base}/register/${inst.creditCode}`);
    await pub.getByText('暂停期限 2025-11-01 至 2026-02-28').waitFor();
    await pub.getByText('双随机抽查发现考评记录不全，暂停认定，限期整改。').waitFor();
    expect(await pub.getByText('备案后管理（备案状态决定）').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the administrator imports the historical register: errors by row first, then the institutions', async () => {
    const { page, context, errors } = await personIn(p.browser);
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: '以“系统管理员”登录' }).first().click();
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '历史备案导入' }).click();
    await page.getByRole('heading', { name: '历史备案导入' }).waitFor();
    const code = institution('x').creditCode;
    const header = '机构名称,统一社会信用代码,机构类型,管辖,备案通知文号,备案日期,备案编号,职业编码,职业名称,等级';
    fs.writeFileSync(path.join(tmp, 'bad.csv'), [header, `四平历史机构,${code},用人单位,四平市,吉人社备〔2020〕7号,2020-02-30,,6-18-01-01,车工,5`].join('\n'));
    await page.getByLabel('选择历史备案文件').setInputFiles(path.join(tmp, 'bad.csv'));
    await page.getByRole('alert').getByText('文件有 1 处错误，未导入任何机构').waitFor();
    await page
      .getByRole('table')
      .getByText(/备案日期“2020-02-30”/)
      .waitFor();
    await screenshot(page, 'doc-05-import-rejected');
    fs.writeFileSync(
      path.join(tmp, 'good.csv'),
      [header, `四平历史机构,${code},用人单位,四平市,吉人社备〔2020〕7号,2020-02-28,SP-2020-7,6-18-01-01,车工,"5,4"`].join('\n'),
    );
    await page.getByLabel('选择历史备案文件').setInputFiles(path.join(tmp, 'good.csv'));
    await page.getByRole('status').getByText('已导入 1 家机构（1 行）').waitFor();
    await page.getByRole('link', { name: '四平历史机构' }).click();
    await page.getByText('平台上线前备案（历史备案导入）').waitFor();
    await screenshot(page, 'doc-06-imported-institution');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('Changchun’s centre staff publish two open notices as one 公示 (公示管理); its public page lists both and its PDF names them', async () => {
    const two = [1, 2].map((n) => institution(`长春${Math.floor(Math.random() * 1e6)}职业技能培训学校${n}`));
    for (const inst2 of two) {
      await produceEvent(testKafka(), Events.caseApproved, {
        caseId: randomUUID(),
        jurisdiction: '220100',
        applicationKind: 'new-filing',
        approvalBody: 'local-hrss-bureau',
        institution: inst2,
        occupations: [{ code: '6-18-01-01', name: '车工', levels: [5, 4], basis: 'national-standard' }],
        approvedBy: { subject: 'approver-220100', role: 'approver', jurisdiction: '220100' },
        approvedAt: '2025-10-14T01:00:00.000Z',
      } satisfies CaseApproved);
    }
    const { page, context, errors } = await signedIn('长春市职业技能鉴定中心 工作人员');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '公示管理' }).click();
    await page.getByRole('heading', { name: '公示管理' }).waitFor();
    const rowOf = (name: string) => page.locator('tr', { has: page.getByRole('link', { name, exact: true }) });
    // The notices open as publication takes the approvals: reloaded until both are listed.
    for (let i = 0; i < 60 && !((await rowOf(two[0].name).count()) && (await rowOf(two[1].name).count())); i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { name: '公示管理' }).waitFor();
    }
    for (const inst2 of two) await rowOf(inst2.name).getByRole('checkbox').check();
    await page.getByRole('button', { name: '合并发布公示（2 家）' }).click();
    await page.waitForURL(/\/notice-batches\/[0-9a-f-]{36}$/);
    // Titled by the first institution in the table's order, and the count; a row per institution, linking its notice.
    await page.getByRole('heading', { level: 2, name: /^关于长春\d+职业技能培训学校[12]等2家机构职业技能等级认定机构备案技术评估结果的公示$/ }).waitFor();
    const rows = page.locator('tbody tr', { has: page.getByRole('link') });
    expect(await rows.count()).toBe(2);
    expect((await rows.allInnerTexts()).map((t) => two.findIndex((i) => t.includes(i.name) && t.includes(i.creditCode))).sort()).toEqual([0, 1]);
    await screenshot(page, 'doc-07-notice-batch');
    const href = await page.getByRole('link', { name: '下载公示文件（PDF）' }).getAttribute('href');
    const res = await fetch(`${base}${href}`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    fs.writeFileSync(path.join(tmp, '公示批次.pdf'), Buffer.from(await res.arrayBuffer()));
    // The credit codes stand on one line each in the table (the names may wrap in their narrow column).
    const text = execFileSync('pdftotext', ['-raw', path.join(tmp, '公示批次.pdf'), '-'], { encoding: 'utf8' });
    for (const inst2 of two) expect(text).toContain(inst2.creditCode);
    expect(errors).toEqual([]);
    await context.close();
  });
});
