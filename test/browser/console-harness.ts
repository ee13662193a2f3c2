import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { ServiceProcess, startServiceProcess } from '@filing/testing';
import { startPrivateBroker } from '../e2e/private-broker';
import { PlatformUrls } from '../e2e/procedure/procedure-driver';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const consoleApp = require('../../tools/console.js');

const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, '.local', 'screenshots');

/** Debian's Chromium (installed by .ci/run), never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ConsolePlatform {
  procs: ServiceProcess[];
  urls: PlatformUrls;
  console: ServiceProcess;
  /** The notification service (the inbox behind the bell). */
  notification: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * The platform as `npm start` runs it — every service in its own process (a province review instance and Changchun's
 * own), then the console server in front of them — on free ports, over the test run's real broker and database;
 * and Debian's Chromium.
 */
export async function startConsolePlatform(
  env: Record<string, string>,
  opts: { consoleEnv?: Record<string, string>; privateBroker?: boolean } = {},
): Promise<ConsolePlatform> {
  consoleApp.buildIfStale((line: string) => process.stderr.write(`${line}\n`));
  // A spec that counts every case the platform holds (省级监管) needs a broker of its own (see startPrivateBroker).
  const ownBroker = opts.privateBroker ? await startPrivateBroker() : undefined;
  if (ownBroker) env = { ...env, KAFKA_BROKERS: ownBroker.brokers.join(',') };
  const specs = [
    { dir: 'intake', name: 'ui-intake', env: {} as Record<string, string> },
    { dir: 'review', name: 'ui-review-220000', env: { REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' } },
    { dir: 'review', name: 'ui-review-220100', env: { REVIEW_JURISDICTION: '220100' } },
    { dir: 'expert-pool', name: 'ui-expert-pool', env: {} },
    { dir: 'assessment', name: 'ui-assessment', env: {} },
    { dir: 'publication', name: 'ui-publication', env: {} },
    { dir: 'notification', name: 'ui-notification', env: {} },
  ];
  // Eight processes start at once: on a shared 2-core machine under load that can take longer than one alone.
  const timeoutMs = 240_000;
  const procs = await startAllOrNone(specs.map((s) => () => startServiceProcess({ service: s.dir, name: s.name, env: { ...env, ...s.env }, timeoutMs }))).catch(
    async (e) => {
      await ownBroker?.stop();
      throw e;
    },
  );
  const processes = specs.map((s, i) => ({ ...s, port: procs[i].port }));
  let consoleProc: ServiceProcess | undefined;
  let browser: Browser;
  try {
    consoleProc = await startServiceProcess({
      entry: consoleApp.entry,
      name: 'ui-console',
      env: { ...consoleApp.consoleEnv(processes), NODE_ENV: 'test', ...opts.consoleEnv },
      timeoutMs,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  } catch (e) {
    await Promise.all([consoleProc, ...procs].map((p) => p?.stop()));
    await ownBroker?.stop();
    throw e;
  }
  const [intake, reviewProvince, reviewChangchun, expertPool, assessment, publication, notification] = procs;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    procs,
    console: consoleProc,
    browser,
    urls: {
      intake: intake.url,
      reviewProvince: reviewProvince.url,
      reviewCities: { '220100': reviewChangchun.url },
      expertPool: expertPool.url,
      assessment: assessment.url,
      publication: publication.url,
    },
    notification: notification.url,
    async stop() {
      await browser.close().catch(() => undefined);
      await Promise.all([consoleProc, ...procs].map((p) => p.stop()));
      await ownBroker?.stop();
    },
  };
}

/** Starts every process at once; when one fails, stops the ones that did start (no process outlives a failed spec). */
async function startAllOrNone(starts: Array<() => Promise<ServiceProcess>>): Promise<ServiceProcess[]> {
  const settled = await Promise.allSettled(starts.map((start) => start()));
  const failed = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length === 0) return settled.map((r) => (r as PromiseFulfilledResult<ServiceProcess>).value);
  await Promise.all(settled.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
  throw failed[0].reason;
}

/** A fresh browser context (its own session storage: one person), at desktop or phone size, in Chinese. */
export async function personIn(
  browser: Browser,
  size: 'desktop' | 'phone' = 'desktop',
): Promise<{ context: BrowserContext; page: Page; errors: string[]; refusals: string[] }> {
  const context = await browser.newContext({
    viewport: size === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  // BROWSER_LOG=1 shows what the page says while a browser spec is being investigated.
  if (process.env.BROWSER_LOG) {
    page.on('console', (m) => process.stdout.write(`[browser ${m.type()}] ${m.text()}\n`));
    page.on('requestfailed', (r) => process.stdout.write(`[browser request failed] ${r.method()} ${r.url()}: ${r.failure()?.errorText}\n`));
    page.on('response', (r) => r.status() >= 400 && process.stdout.write(`[browser ${r.status()}] ${r.request().method()} ${r.url()}\n`));
  }
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console error: ${m.text()}`);
  });
  // What the services refused, so a step that did not come about says why (some refusals are the test's intent).
  const refusals: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().includes('/api/'))
      void r
        .text()
        .then((body) => refusals.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}: ${body.slice(0, 400)}`))
        .catch(() => undefined);
  });
  return { context, page, errors, refusals };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Finished CSS transitions (antd fades loading masks and menus), so the picture shows the settled page.
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Signs in on the development sign-in page as an applicant institution of the given credit code and jurisdiction. */
export async function signInAsInstitution(page: Page, base: string, creditCode: string, jurisdictionLabel: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  const form = page.getByRole('form', { name: '以其他申报机构登录' });
  await form.getByLabel('统一社会信用代码').fill(creditCode);
  await form.getByLabel('属地').click();
  await page.keyboard.type(jurisdictionLabel);
  await page.keyboard.press('Enter');
  await form.getByRole('button', { name: '以该机构登录' }).click();
  await page.getByRole('heading', { name: '我的申报' }).waitFor();
}

/** The accessible description of a control (what aria-describedby points at: its error or help text). */
export async function descriptionOf(control: Locator): Promise<string> {
  return control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id: string) => el.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Waits for a locator; when it does not come, the error names what the services refused meanwhile. */
export async function waitForOrExplain(locator: Locator, person: { refusals: string[] }): Promise<void> {
  const before = person.refusals.length;
  await locator.waitFor().catch((err: Error) => {
    throw new Error(`${err.message}\nrefused by the services meanwhile: ${person.refusals.slice(before).join(' | ') || 'nothing'}`);
  });
}
