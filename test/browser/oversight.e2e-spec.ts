import { Workbook } from 'exceljs';
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import { DEMO_OCCUPATIONS } from '../../tools/demo/demo-experts';
import { institution, ProcedureDriver } from '../e2e/procedure/procedure-driver';
import { ConsolePlatform, personIn, screenshot, startConsolePlatform } from './console-harness';

jest.setTimeout(600_000);

/**
 * 省级监管 in Chromium: the province's centre staff open the page, read the figures of a known set of cases at the
 * Changchun instance and the province's, see the charts drawn, export the tables to Excel; when Changchun's review
 * process stops, the page says its data is stale (and keeps its figures). A city's staff has no such page.
 */
describe('the province oversight page in Chromium', () => {
  let p: ConsolePlatform;
  let d: ProcedureDriver;
  let base: string;
  const { lathe } = DEMO_OCCUPATIONS;
  const late = `长春${randomInt(1e6)}迟办机械有限公司`;

  beforeAll(async () => {
    p = await startConsolePlatform(
      {
        CLOCK_MODE: 'controllable',
        NOTICE_POLL_MS: '300',
        EVENT_RETRY_BACKOFF_MS: '50',
        REVIEW_HEARTBEAT_INTERVAL_MS: '500',
        REVIEW_OVERSIGHT_STALE_AFTER_MS: '5000',
      },
      { privateBroker: true },
    );
    base = p.console.url;
    d = new ProcedureDriver(p.urls, { timeoutMs: 90_000 });
    // Monday 2 March 2026: two Changchun cases and a province one; one Changchun case accepted on Wednesday.
    await d.setClock('2026-03-02T01:00:00.000Z');
    await d.submit('220100', institution(late, 'employer', '220104'), [lathe]);
    const accepted = await d.submit('220100', institution(`长春${randomInt(1e6)}精密机械有限公司`, 'employer', '220104'), [lathe]);
    await d.submit('220000', institution(`吉林省${randomInt(1e6)}职业技能评价协会`, 'social-org', '220102'), [DEMO_OCCUPATIONS.childcare]);
    await d.setClock('2026-03-04T02:00:00.000Z');
    await d.accept(accepted);
    // Tuesday 10 March: the first Changchun case is 6 working days into the 5 of 受理; the province's too.
    await d.setClock('2026-03-10T02:00:00.000Z');
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

  it('shows the province staff every city’s cases, overdue cases and time per stage, as charts and tables', async () => {
    const staff = await official('省职业技能鉴定中心 工作人员');
    const page = staff.page;
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '省级监管' }).click();
    await page.getByRole('heading', { name: '省级监管' }).waitFor();
    const card = (title: string) => page.locator('.ant-card', { has: page.getByText(title, { exact: true }) });
    // The read model fills as the events arrive: the page refreshes itself, reloaded here until the figures are in.
    const changchunRow = card('各地案件（城市 × 阶段）')
      .locator('tbody tr', { has: page.getByRole('cell', { name: '长春市', exact: true }) })
      .first();
    for (let i = 0; i < 30; i++) {
      if ((await changchunRow.count()) && (await changchunRow.innerText()).includes('正常')) {
        const cells = await changchunRow.locator('td').allInnerTexts();
        if (cells.at(-2) === '2') break;
      }
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { name: '省级监管' }).waitFor();
    }
    await changchunRow.waitFor();
    const cells = await changchunRow.locator('td').allInnerTexts();
    // 属地, 数据, 13 open stages, 3 finished, 在办, 超期: one case at 已提交, one 已受理; the first one overdue.
    expect(cells[0]).toBe('长春市');
    expect(cells[1]).toBe('正常');
    expect(cells[2]).toBe('1');
    expect(cells[3]).toBe('1');
    expect(cells.slice(-2)).toEqual(['2', '1']);
    const overdue = card('超期案件（按属地）');
    await overdue.getByText(late).waitFor();
    expect(await overdue.innerText()).toContain('2026-03-09');
    // The time per stage: the accepted case's two working days at 已提交.
    const durations = card('各阶段用时（工作日）');
    expect(await durations.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(['已提交（待受理）', '1', '2', '2', '2', '5']);
    // The charts are drawn (canvas inside each labelled chart).
    await page.getByRole('img', { name: '各地在办案件按阶段分布的柱状图' }).locator('canvas').waitFor();
    await page.getByRole('img', { name: '各阶段用时中位数与90分位的柱状图' }).locator('canvas').waitFor();
    await screenshot(page, 'oversight-live');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出监管报表（Excel）' }).click()]);
    expect(download.suggestedFilename()).toBe('省级监管-2026-03-10.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('超期案件')!;
    const names: string[] = [];
    sheet.eachRow((row, n) => n > 1 && names.push(String(row.getCell(2).value)));
    expect(names).toContain(late);

    const [cases] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出案件清单（Excel）' }).click()]);
    expect(cases.suggestedFilename()).toBe('长春市案件清单.xlsx');
    const list = new Workbook();
    await list.xlsx.load(fs.readFileSync(await cases.path()) as unknown as ArrayBuffer);
    expect(list.worksheets[0].rowCount).toBe(3);
    expect(staff.errors).toEqual([]);

    // Changchun's review process stops: its heartbeats stop, and the page says its figures are old.
    await p.procs[2].stop();
    for (let i = 0; i < 30 && !(await page.getByText('部分审核实例数据滞后').count()); i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { name: '省级监管' }).waitFor();
    }
    await page.getByText('部分审核实例数据滞后').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: '数据滞后' }).innerText()).toContain('长春市：最后收到');
    const stale = await changchunRow.locator('td').allInnerTexts();
    expect(stale[1]).toBe('数据滞后');
    expect(stale.slice(-2)).toEqual(['2', '1']);
    await screenshot(page, 'oversight-stale');
    await staff.context.close();
  });

  it('has no such page for a city’s centre staff', async () => {
    const staff = await official('长春市职业技能鉴定中心 工作人员');
    const menu = staff.page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('link', { name: '待办' }).waitFor();
    expect(await menu.getByRole('link', { name: '省级监管' }).count()).toBe(0);
    await staff.context.close();
  });
});
