import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { Events } from '@filing/contracts';
import { demoExperts } from '../../tools/demo/demo-experts';
import { ServiceProcess, TestKeycloak, produceEvent, startServiceProcess, startTestKeycloak, testKafka, waitFor } from '@filing/testing';

/**
 * Sign-in for real: a Keycloak started by this test (the realm in deploy/keycloak) mints the tokens, and the province's
 * review service, in production mode, verifies them through the realm's JWKS (RS256 pinned, issuer, audience, expiry)
 * and maps the claims to its principal. The same realm and clients serve the console's sign-in.
 */
describe('sign-in through Keycloak: the province review service takes the tokens Keycloak mints', () => {
  let keycloak: TestKeycloak;
  let review: ServiceProcess;
  const cases: Record<string, string> = {};

  const get = async (path: string, bearer: string) => {
    const res = await fetch(`${review.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any, challenge: res.headers.get('www-authenticate') };
  };

  /** What intake publishes when an institution of `jurisdiction` applies. */
  async function submitCase(jurisdiction: string, name: string): Promise<string> {
    const caseId = randomUUID();
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
    return caseId;
  }

  beforeAll(async () => {
    keycloak = await startTestKeycloak({ shared: true });
    process.stderr.write(`[keycloak] started for the test in ${(keycloak.startMs / 1000).toFixed(1)} s at ${keycloak.url}\n`);
    review = await startServiceProcess({
      service: 'review',
      name: 'review-220000-keycloak',
      env: {
        ...keycloak.serviceEnv,
        // Production mode: asymmetric signatures only, no dev fallback. No clock allowance, so the expiry test is short.
        NODE_ENV: 'production',
        AUTH_DEV_MODE: '',
        AUTH_CLOCK_TOLERANCE_SECONDS: '0',
        REVIEW_JURISDICTION: '220000',
      },
    });
    cases.changchun = await submitCase('220100', '长春登录测试模具有限公司');
    cases.jilin = await submitCase('220200', '吉林市登录测试机械有限公司');
    const staffOf = { changchun: await keycloak.token('staff-220100'), jilin: await keycloak.token('staff-220200') };
    for (const [city, id] of Object.entries(cases)) {
      await waitFor(`case ${id} on review`, async () => {
        const r = await get(`/cases/${id}`, staffOf[city as keyof typeof staffOf]);
        if (r.status !== 200) throw new Error(`GET /cases/${id} answered ${r.status} ${JSON.stringify(r.body)}`);
        return true;
      });
    }
  }, 300000);

  afterAll(async () => {
    await review?.stop();
    await keycloak?.stop();
  });

  it('mints RS256 tokens with the platform claims: roles, jurisdiction, creditCode, audience jl-filing', async () => {
    const applicant = await keycloak.token('applicant-changchun');
    expect(decodeProtectedHeader(applicant).alg).toBe('RS256');
    expect(decodeJwt(applicant)).toMatchObject({
      iss: keycloak.issuer,
      aud: 'jl-filing',
      roles: ['applicant'],
      jurisdiction: '220100',
      creditCode: '91220101MA0Y3B9X18',
      name: '长春一汽模具制造有限公司',
    });
  });

  // Another jurisdiction's case is refused (403 today; the authorisation matrix moves every service to 404).
  const refusedElsewhere = [403, 404];

  it('accepts Changchun centre staff for their own case and their queue, and refuses them a Jilin City case', async () => {
    const staff = await keycloak.token('staff-220100');
    const own = await get(`/cases/${cases.changchun}`, staff);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: cases.changchun, jurisdiction: '220100' });
    expect(refusedElsewhere).toContain((await get(`/cases/${cases.jilin}`, staff)).status);
    const queue = await get('/queue', staff);
    expect(queue.status).toBe(200);
  });

  it('accepts Jilin City centre staff for their own case, and refuses them the Changchun one', async () => {
    const staff = await keycloak.token('staff-220200');
    expect((await get(`/cases/${cases.jilin}`, staff)).status).toBe(200);
    expect(refusedElsewhere).toContain((await get(`/cases/${cases.changchun}`, staff)).status);
  });

  it('maps roles and jurisdiction to the principal: the applicant gets its own queue, the discipline officer none (403)', async () => {
    const applicant = await get('/queue', await keycloak.token('applicant-changchun'));
    expect(applicant.status).toBe(200);
    expect(applicant.body).toMatchObject({ jurisdiction: '220100', roles: ['applicant'] });
    const officer = await get('/queue', await keycloak.token('officer-220000'));
    expect(officer.status).toBe(403);
    expect(officer.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an expired token (401)', async () => {
    const token = await keycloak.token('staff-220100', 'jl-filing-test-expiring');
    const { exp } = decodeJwt(token);
    await waitFor('the token to expire', () => Date.now() / 1000 > exp! + 1, 10000);
    const res = await get('/queue', token);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token expired' });
    expect(res.challenge).toBe('Bearer error="invalid_token"');
  });

  it('refuses a token for another audience (401 naming "aud")', async () => {
    const token = await keycloak.token('staff-220100', 'jl-filing-other-audience');
    expect(decodeJwt(token).aud).toBeUndefined();
    const res = await get('/queue', token);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/"aud"/);
  });

  it("refuses a token signed by another key, even with the realm's key id and issuer (401)", async () => {
    const real = await keycloak.token('staff-220200');
    expect((await get(`/cases/${cases.jilin}`, real)).status).toBe(200);
    const { kid } = decodeProtectedHeader(real);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(real)).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    const res = await get(`/cases/${cases.jilin}`, forged);
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('token signature invalid');
  });

  it("refuses a token signed with a city's credentials: a city holds no key that signs for the province (401)", async () => {
    // Before asymmetric keys, a city namespace's filing-auth Secret held the shared HS256 secret. Whatever a city holds
    // now, a token it signs itself — here claiming another city's centre staff — is not one the province verifies.
    const citySecret = new TextEncoder().encode('the-city-220100-filing-auth-secret-0123456789');
    const hs256 = await new SignJWT({ roles: ['center-staff'], jurisdiction: '220200' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('city-minted')
      .setIssuer(keycloak.issuer)
      .setAudience('jl-filing')
      .setExpirationTime('5m')
      .sign(citySecret);
    const refused = await get(`/cases/${cases.jilin}`, hs256);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('token algorithm not allowed');

    const { privateKey: cityKey } = await generateKeyPair('RS256');
    const rs256 = await new SignJWT({ roles: ['center-staff'], jurisdiction: '220200' })
      .setProtectedHeader({ alg: 'RS256', kid: 'city-220100' })
      .setSubject('city-minted')
      .setIssuer(keycloak.issuer)
      .setAudience('jl-filing')
      .setExpirationTime('5m')
      .sign(cityKey);
    expect((await get(`/cases/${cases.jilin}`, rs256)).status).toBe(401);
  });

  it('refuses an account without a jurisdiction (403 naming the claim, and a log line saying so)', async () => {
    const token = await keycloak.token('no-jurisdiction');
    expect(decodeJwt(token).jurisdiction).toBeUndefined();
    const res = await get('/queue', token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'ACCOUNT_NOT_PROVISIONED', claim: 'jurisdiction' });
    const sub = decodeJwt(token).sub!;
    await waitFor(
      'the refusal in the service log',
      () =>
        review.output().includes(`token of ${sub} refused: claim \\"jurisdiction\\"`) ||
        review.output().includes(`token of ${sub} refused: claim "jurisdiction"`),
    );
  });

  describe('an expert account, provisioned at Keycloak and linked by the centre, acts at expert-pool', () => {
    let expertPool: ServiceProcess;
    let expertId: string;
    let staff: string;

    const call = async (method: string, path: string, bearer: string, body?: unknown) => {
      const res = await fetch(`${expertPool.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
    };

    beforeAll(async () => {
      // Production mode: an expert acts only through a linked record (EXPERT_ACCOUNT_LINK_REQUIRED defaults to true).
      expertPool = await startServiceProcess({
        service: 'expert-pool',
        name: 'expert-pool-keycloak',
        env: {
          ...keycloak.serviceEnv,
          NODE_ENV: 'production',
          AUTH_DEV_MODE: '',
          // Production refuses the development seed key; a fresh one per run, as an operator's Secret would hold.
          DRAW_SEED_KEY: randomBytes(32).toString('hex'),
        },
      });
      staff = await keycloak.token('staff-220100');
      const [row] = demoExperts('220100', '长春市', 1, 77000);
      expect((await call('POST', '/experts/imports', staff, [row])).status).toBe(201);
      const found = await call('GET', `/experts?q=${encodeURIComponent(row.name)}`, staff);
      expertId = found.body.items[0].id;
    });
    afterAll(() => expertPool?.stop());

    it('carries the expertId claim, is refused until the centre links the record, then acts', async () => {
      const sub = await keycloak.provisionExpert({ username: 'expert-test-01', name: '测试专家', level: '220100', expertId });
      const token = await keycloak.token('expert-test-01');
      expect(decodeJwt(token)).toMatchObject({ sub, roles: ['expert'], jurisdiction: '220100', expertId });

      const before = await call('GET', '/draws', token);
      expect(before.status).toBe(403);
      expect(before.body).toMatchObject({ code: 'EXPERT_ACCOUNT_NOT_LINKED' });

      const linked = await call('PUT', `/experts/${expertId}/account`, staff, { subject: sub, username: 'expert-test-01' });
      expect(linked.status).toBe(200);
      expect(linked.body.claims).toEqual({ expertId, jurisdiction: '220100' });
      expect((await call('GET', '/draws', token)).status).toBe(200);

      // Another account whose expertId attribute names the same record is refused: the link names the account.
      const otherSub = await keycloak.provisionExpert({ username: 'expert-test-02', name: '冒名专家', level: '220100', expertId });
      expect(otherSub).not.toBe(sub);
      const impostor = await call('GET', '/draws', await keycloak.token('expert-test-02'));
      expect(impostor.status).toBe(403);
      expect(impostor.body).toMatchObject({ code: 'EXPERT_ACCOUNT_MISMATCH' });
    });
  });
});
