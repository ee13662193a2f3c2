import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Events } from '@filing/contracts';
import { produceEvent, startTestKeycloak, testKafka, waitFor, type TestKeycloak } from '@filing/testing';
import { ConsolePlatform, personIn, screenshot, startConsolePlatform } from './console-harness';

/**
 * The console signs in for real (issue 13): authorization code + PKCE at a real Keycloak (the realm in deploy/keycloak),
 * through Keycloak's own login page, as an applicant institution and as Changchun centre staff. Each lands on their own
 * home page with their role and jurisdiction shown; the access token is renewed silently; another jurisdiction's case
 * is refused with a Chinese message; signing out ends the session at Keycloak, so the next visit asks again.
 */
describe('the console signs in through Keycloak', () => {
  let keycloak: TestKeycloak;
  let p: ConsolePlatform;
  let base: string;
  const cases: Record<'changchun' | 'jilin', { id: string; name: string }> = {
    changchun: { id: randomUUID(), name: '长春登录浏览器测试模具有限公司' },
    jilin: { id: randomUUID(), name: '吉林市登录浏览器测试机械有限公司' },
  };

  /** What intake publishes when an institution of `jurisdiction` applies; review opens the case at its instance. */
  async function submitCase(caseId: string, jurisdiction: string, name: string): Promise<void> {
    await produceEvent(testKafka(), Events.applicationSubmitted, {
      caseId,
      applicationKind: 'new-filing',
      jurisdiction,
      institution: {
        name,
        creditCode: `9122${jurisdiction.slice(2, 4)}01MA0Y3B9X${jurisdiction.slice(2, 4)}`,
        kind: 'employer',
        legalRepresentative: '王立新',
        address: '吉林省',
        contact: { person: '李红', phone: '13904311234' },
      },
      occupations: [{ code: '6-18-01-01', name: '车工', levels: [5, 4], basis: 'national-standard' }],
      materials: [],
      submittedAt: new Date().toISOString(),
    });
  }

  beforeAll(async () => {
    // One Keycloak for the test run (test/e2e/keycloak-sign-in.e2e-spec.ts uses the same one).
    keycloak = await startTestKeycloak({ shared: true });
    // The services verify Keycloak's tokens only (no development tokens); the console signs in at the realm.
    p = await startConsolePlatform(
      { ...keycloak.serviceEnv, AUTH_DEV_MODE: '' },
      { consoleEnv: { OIDC_ISSUER: keycloak.issuer, OIDC_CLIENT_ID: 'jl-filing-console' } },
    );
    base = p.console.url;
    // The console runs on a free port: the realm learns it (redirect, post-logout URI, web origin). Its access tokens
    // live 75 s here, so the console renews one (a minute before expiry) within the test.
    await keycloak.allowConsole(base, { accessTokenLifespanSeconds: 75 });
    await submitCase(cases.changchun.id, '220100', cases.changchun.name);
    await submitCase(cases.jilin.id, '220200', cases.jilin.name);
    const at = { changchun: p.urls.reviewCities['220100'], jilin: p.urls.reviewProvince };
    for (const [city, c] of Object.entries(cases) as ['changchun' | 'jilin', { id: string }][]) {
      const staff = await keycloak.token(city === 'changchun' ? 'staff-220100' : 'staff-220200');
      await waitFor(
        `case ${c.id} on review`,
        async () => (await fetch(`${at[city]}/cases/${c.id}`, { headers: { authorization: `Bearer ${staff}` } })).status === 200,
        60_000,
      );
    }
  }, 300_000);

  afterAll(async () => {
    await p?.stop();
    await keycloak?.stop();
  });

  /** Keycloak's own login page (not the console's): the realm's name, username and password. */
  async function logInAtKeycloak(page: Page, username: string): Promise<void> {
    await page.waitForURL((u) => u.href.startsWith(`${keycloak.issuer}/protocol/openid-connect/auth`));
    const url = new URL(page.url());
    // Authorization code with PKCE (S256), as the public console client.
    expect(url.searchParams.get('client_id')).toBe('jl-filing-console');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    await page.locator('#username').fill(username);
    await page.locator('#password').fill('demo-local-only');
    await page.locator('#kc-login').click();
  }

  /** The access token oidc-client-ts keeps for this tab (its user store in sessionStorage). */
  const storedAccessToken = async (page: Page): Promise<string | undefined> => {
    const stored = await page.evaluate<string | null>(`(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
      return key ? sessionStorage.getItem(key) : null;
    })()`);
    return stored ? (JSON.parse(stored) as { access_token: string }).access_token : undefined;
  };

  it('an applicant signs in on Keycloak’s login page, lands on 我的申报, is renewed silently, and signs out at Keycloak', async () => {
    const { page, context, errors } = await personIn(p.browser);
    await page.goto(`${base}/applicant/applications`);
    // A page of the applicant's portal asks to sign in; the sign-in page goes to the province's provider.
    await page.getByRole('button', { name: '前往统一身份认证平台登录' }).waitFor();
    await screenshot(page, '30-sign-in-oidc');
    await page.getByRole('button', { name: '前往统一身份认证平台登录' }).click();
    await screenshot(page, '31-keycloak-login');
    await logInAtKeycloak(page, 'applicant-changchun');

    await page.waitForURL(`${base}/applicant/applications`);
    await page.getByRole('heading', { name: '我的申报' }).waitFor();
    const who = page.getByLabel('当前登录');
    await expect(who.textContent()).resolves.toBe('长春一汽模具制造有限公司申报机构 · 长春市');
    await screenshot(page, '32-applicant-signed-in-keycloak');

    // The bearer is Keycloak's access token; a minute before it expires the console renews it with the refresh token.
    const first = await storedAccessToken(page);
    expect(first).toBeDefined();
    const claims = JSON.parse(Buffer.from(first!.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      iss: keycloak.issuer,
      azp: 'jl-filing-console',
      roles: ['applicant'],
      jurisdiction: '220100',
      creditCode: '91220101MA0Y3B9X18',
    });
    const renewed = await waitFor(
      'the access token renewed',
      async () => {
        const now = await storedAccessToken(page);
        return now && now !== first ? now : undefined;
      },
      60_000,
    );
    expect(JSON.parse(Buffer.from(renewed.split('.')[1], 'base64url').toString()).exp).toBeGreaterThan(claims.exp);
    // Still signed in after a reload, with the renewed token accepted by intake through the console.
    const list = page.waitForResponse((r) => r.url().endsWith('/api/intake/applications?limit=100'));
    await page.reload();
    expect((await list).status()).toBe(200);
    await page.getByText('还没有申报。点击“新建申报”开始。').waitFor();

    // Signing out ends the session at Keycloak (end_session_endpoint) and comes back to the public notices.
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${base}/notices`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await storedAccessToken(page)).toBeUndefined();
    // A fresh visit asks for the login again: Keycloak shows its login page instead of signing in silently.
    await page.goto(`${base}/applicant/applications`);
    await page.getByRole('button', { name: '前往统一身份认证平台登录' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${keycloak.issuer}/protocol/openid-connect/auth`));
    await page.locator('#username').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Changchun centre staff land on their workbench, open their own case from the work queue, and are refused a Jilin City case', async () => {
    const { page, context, errors } = await personIn(p.browser);
    await page.goto(`${base}/notices`);
    // The header's 登录 goes straight to the provider; back in the console, each role starts at its own home page.
    await page.getByRole('button', { name: '登录' }).click();
    await logInAtKeycloak(page, 'staff-220100');
    await page.waitForURL(`${base}/workbench`);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await expect(page.getByLabel('当前登录').textContent()).resolves.toBe('长春市鉴定中心工作人员鉴定中心工作人员 · 长春市');
    await page.goto(`${base}/work-queue`);
    await page.getByRole('heading', { name: /^待办/ }).waitFor();
    await page.getByRole('link', { name: cases.changchun.name }).waitFor();
    // Only Changchun's cases are in the queue.
    expect(await page.getByRole('link', { name: cases.jilin.name }).count()).toBe(0);
    await screenshot(page, '33-staff-work-queue-keycloak');

    await page.getByRole('link', { name: cases.changchun.name }).click();
    await page.getByRole('heading', { name: cases.changchun.name }).waitFor();
    await page.getByText('已提交', { exact: true }).first().waitFor();
    await screenshot(page, '34-staff-case-keycloak');

    // Another jurisdiction's case: Changchun's review instance does not hold it (404), and the console says so.
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/review/cases/${cases.jilin.id}`));
    await page.goto(`${base}/cases/${cases.jilin.id}`);
    expect((await refused).status()).toBe(404);
    const alert = page.getByRole('alert').filter({ hasText: '无法查看该案件' });
    await expect(alert.textContent()).resolves.toContain('在长春市的审核范围内未找到该案件：它不属于您所在的辖区');
    expect(await page.getByText(cases.jilin.name).count()).toBe(0);
    await screenshot(page, '35-staff-refused-other-jurisdiction');
    expect(errors).toEqual([]);
    await context.close();
  });
});
