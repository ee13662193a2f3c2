import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { issueDevToken } from '@filing/auth';
import { Role, ROLES } from '@filing/contracts';
import { ServiceProcess, startServiceProcess, waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS, demoExperts } from '../../../tools/demo/demo-experts';
import { CaseRecord, institution, ProcedureDriver } from '../procedure/procedure-driver';
import { DeclaredRoute, declaredRoutes } from './routes';
import { CONSUMER_BOOKKEEPING } from './row-fingerprints';

/**
 * The authorisation matrix (issue 11 §3): every route of every service — read from the controllers' metadata, so a
 * new route is in the matrix the day it is written — × every role × three jurisdictions (the province, Changchun,
 * Jilin City) and an anonymous caller. Part 1 asserts the guard's cell for every route (401 without a token, 403 for
 * a role the route does not name, through otherwise, and never a 5xx). Part 2 takes real Changchun resources (an
 * application, its review case, its sealed draw, an expert record) and asserts each caller's answer: another
 * jurisdiction's resource, another applicant's, a group the expert is not in are all 404 (no existence leak), the
 * sealed group is shown to nobody but the officer and the members until the kick-off. Denials change no rows.
 */
const SERVICES = ['intake', 'review', 'expert-pool', 'assessment', 'publication', 'notification'] as const;
type Service = (typeof SERVICES)[number];
const P = '220000';
const CC = '220100';
const JL = '220200';
const JURISDICTIONS = [P, CC, JL];
/** The province's own functions: a city's holder of the role is refused them (403), they concern no city's case. */
const PROVINCE_ONLY = new Set([
  'review POST /rechecks/:id/decision',
  'review GET /rechecks',
  'review GET /rechecks/:id',
  'assessment POST /standards',
  'publication POST /filing-requests/:noticeId/issue',
  'publication GET /filing-requests',
  'review GET /oversight',
  'review GET /oversight/export.xlsx',
]);
// The notification schema is left out: a caller let through `POST /notifications/mine/read` marks its own notices read
// (a queue's notice, say, for the jurisdiction's centre staff) — its only write, and one on the caller's own rows.
const SCHEMAS = ['intake', 'review_220000', 'review_220100', 'expert_pool', 'assessment', 'publication'];

interface Caller {
  label: string;
  role?: Role;
  jurisdiction?: string;
  token?: string;
}

const denied = (s: number) => s === 401 || s === 403 || s === 404;

describe('authorisation matrix: roles × jurisdictions × every route', () => {
  const procs: Partial<Record<Service | 'review-cc', ServiceProcess>> = {};
  let d: ProcedureDriver;
  const routes: DeclaredRoute[] = [];
  const callers: Caller[] = [{ label: 'anonymous' }];
  let c: CaseRecord;
  let drawId: string;
  let members: string[];
  let expertId: string;
  const wrong: string[] = [];
  let cells = 0;

  const url = (service: Service, jurisdiction = P) => (service === 'review' && jurisdiction === CC ? procs['review-cc']! : procs[service]!).url;

  async function send(method: string, target: string, token: string | undefined, body?: unknown): Promise<{ status: number; text: string }> {
    const res = await fetch(target, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  /** A checksum of every row of every service schema (the outbox included; the consumers' bookkeeping left out). */
  async function checksum(): Promise<string> {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows: tables } = await db.query(
        `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
        [SCHEMAS],
      );
      const parts: string[] = [];
      // The consumers' bookkeeping moves on its own (events an earlier spec left on the shared broker); no route writes it.
      for (const t of tables.filter((x: { table_schema: string; table_name: string }) => !CONSUMER_BOOKKEEPING.test(`${x.table_schema}.${x.table_name}`))) {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t.table_schema}"."${t.table_name}" x`,
        );
        parts.push(`${t.table_schema}.${t.table_name}:${rows[0].n}:${rows[0].h}`);
      }
      return parts.join('\n');
    } finally {
      await db.end();
    }
  }

  /** The platform at rest: two checksums a poll apart agree (the relays have published, the consumers consumed). */
  async function quiet(): Promise<string> {
    let last = '';
    return waitFor(
      'the platform at rest',
      async () => {
        const now = await checksum();
        const same = now === last;
        last = now;
        return same ? now : undefined;
      },
      60000,
      1000,
    );
  }

  beforeAll(async () => {
    // No heartbeat or overdue check after the first (at start): their rows would count as rows changed by a denial.
    const env = {
      CLOCK_MODE: 'controllable',
      EVENT_RETRY_BACKOFF_MS: '50',
      REVIEW_HEARTBEAT_INTERVAL_MS: '86400000',
      REVIEW_OVERDUE_CHECK_INTERVAL_MS: '86400000',
      REVIEW_OVERSIGHT_STALE_AFTER_MS: '172800000',
    };
    const [intake, review, reviewCc, expertPool, assessment, publication, notification] = await Promise.all([
      startServiceProcess({ service: 'intake', name: 'matrix-intake', env }),
      startServiceProcess({ service: 'review', name: 'matrix-review-220000', env: { ...env, REVIEW_JURISDICTION: P, REVIEW_CITY_INSTANCES: CC } }),
      startServiceProcess({ service: 'review', name: 'matrix-review-220100', env: { ...env, REVIEW_JURISDICTION: CC } }),
      startServiceProcess({ service: 'expert-pool', name: 'matrix-expert-pool', env }),
      startServiceProcess({ service: 'assessment', name: 'matrix-assessment', env }),
      startServiceProcess({ service: 'publication', name: 'matrix-publication', env }),
      startServiceProcess({ service: 'notification', name: 'matrix-notification', env }),
    ]);
    Object.assign(procs, { intake, review, 'review-cc': reviewCc, 'expert-pool': expertPool, assessment, publication, notification });
    d = new ProcedureDriver({
      intake: intake.url,
      reviewProvince: review.url,
      reviewCities: { [CC]: reviewCc.url },
      expertPool: expertPool.url,
      assessment: assessment.url,
      publication: publication.url,
    });

    for (const role of ROLES) {
      for (const j of JURISDICTIONS) {
        const extra = role === 'applicant' ? { creditCode: institution('x').creditCode } : role === 'expert' ? { expertId: randomUUID() } : {};
        callers.push({ label: `${role}@${j}`, role, jurisdiction: j, token: await issueDevToken({ roles: [role], jurisdiction: j, ...extra } as never) });
      }
    }

    // Changchun's resources: an application and its case, a drawn (sealed) group, an expert record.
    await d.importExperts(CC, demoExperts(CC, '长春市', 12, 7000 + randomInt(1000)));
    c = await d.submit(CC, institution(`长春${randomInt(1e6)}矩阵测试有限公司`), [DEMO_OCCUPATIONS.lathe]);
    await d.accept(c);
    await d.requestExperts(c, 3, 2);
    const officer = await d.token('discipline-officer', c.databaseLevel!);
    const queued = await waitFor('the draw request', async () =>
      (await d.http('GET', `${url('expert-pool')}/draws?status=QUEUED`, officer)).body.items?.find((x: any) => x.caseId === c.caseId),
    );
    drawId = queued.id;
    await d.step('commit', 'POST', `${url('expert-pool')}/draws/${drawId}/commitment`, officer);
    const drawn = await d.step('draw', 'POST', `${url('expert-pool')}/draws/${drawId}/draw`, officer, { officerEntropy: 'matrix' });
    members = drawn.group.members.map((m: any) => m.expertId);
    const seated = [...members, ...drawn.group.reserves.map((r: any) => r.expertId)];
    const staff = await d.token('center-staff', CC);
    const listed = await d.step('experts', 'GET', `${url('expert-pool')}/experts?limit=50`, staff);
    // Neither a member nor a reserve: the draw is none of this expert's business.
    expertId = listed.items.find((e: any) => !seated.includes(e.id)).id;

    for (const service of SERVICES) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { AppModule } = require(`../../../services/${service}/src/app.module`);
      routes.push(...declaredRoutes(service, AppModule));
    }
  }, 600000);

  afterAll(async () => {
    await Promise.all(Object.values(procs).map((p) => p?.stop()));
  });

  const fill = (path: string) =>
    path
      .replace(':applicationKind', 'new-filing')
      .replace(':kind.html', 'technical.html')
      .replace(':kind', 'technical')
      .replace(':dltTopic', 'intake.application.submitted.v1.dlt')
      .replace(/:(partition|offset|version)/g, '0')
      .replace(':standardId', 'std')
      .replace(/:[A-Za-z]+/g, () => randomUUID());

  it('part 1: the guard answers every route × caller as the route declares (401, 403, or through), never a 5xx', async () => {
    expect(routes.length).toBeGreaterThan(100);
    const before = await quiet();
    for (const r of routes) {
      const id = `${r.service} ${r.method} ${r.path}`;
      for (const caller of callers) {
        const body = ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined;
        const res = await send(r.method, `${url(r.service as Service)}${fill(r.path)}`, caller.token, body);
        cells++;
        let expected: string;
        if (r.isPublic) expected = 'through';
        else if (!caller.token) expected = '401';
        else if (r.roles && !r.roles.includes(caller.role!)) expected = '403';
        else if (PROVINCE_ONLY.has(id) && caller.jurisdiction !== P) expected = '403';
        else expected = 'through';
        let got = res.status === 401 ? '401' : res.status === 403 ? '403' : 'through';
        // The province-only check is the handler's: an empty body is refused by validation first (400), which tells
        // nothing about any resource. Part 2 sends a valid body.
        if (expected === '403' && PROVINCE_ONLY.has(id) && body && res.status === 400) got = '403';
        if (got !== expected || res.status >= 500) wrong.push(`${id} as ${caller.label}: ${res.status} (expected ${expected}) ${res.text.slice(0, 160)}`);
      }
    }
    // Every cell above was refused or named a resource that does not exist: nothing changed anywhere.
    expect(await checksum()).toBe(before);
    process.stdout.write(`authorisation matrix part 1: ${routes.length} routes × ${callers.length} callers = ${cells} cells, wrong cells = ${wrong.length}\n`);
    expect(wrong).toEqual([]);
  });

  it('part 2: real Changchun resources — another jurisdiction, applicant or group is not found (404); denials change no rows', async () => {
    const applicantOwn = await d.token('applicant', CC, { creditCode: c.institution.creditCode });
    const member = await d.token('expert', CC, { expertId: members[0] });
    const outsider = await d.token('expert', CC, { expertId: expertId });
    const tok = (role: Role, j: string) => d.token(role, j);
    type Cell = {
      service: Service;
      method: string;
      path: string;
      who: string;
      token: string;
      expect: 'allow' | 404 | 403;
      body?: unknown;
      check?: (text: string) => void;
      instance?: string;
    };
    const cellsB: Cell[] = [];
    const add = (service: Service, method: string, path: string, who: string, token: string, expect: Cell['expect'], extra: Partial<Cell> = {}) =>
      cellsB.push({ service, method, path, who, token, expect, ...extra });
    const app = `/applications/${c.caseId}`;
    for (const p of [app, `${app}/timeline`, `${app}/materials`]) {
      add('intake', 'GET', p, 'own applicant', applicantOwn, 'allow');
      add('intake', 'GET', p, 'another applicant', await d.token('applicant', CC, { creditCode: institution('y').creditCode }), 404);
      for (const role of ['center-staff', 'approver', 'admin'] as Role[]) {
        add('intake', 'GET', p, `${role}@${CC}`, await tok(role, CC), 'allow');
        add('intake', 'GET', p, `${role}@${P}`, await tok(role, P), 'allow');
        add('intake', 'GET', p, `${role}@${JL}`, await tok(role, JL), 404);
      }
    }
    for (const p of [`${app}/submit`, `${app}/resubmit`])
      add('intake', 'POST', p, 'another applicant', await d.token('applicant', JL, { creditCode: institution('z').creditCode }), 404);
    const kase = `/cases/${c.caseId}`;
    add('review', 'GET', kase, 'own applicant', applicantOwn, 'allow');
    add('review', 'GET', kase, 'another applicant', await d.token('applicant', CC, { creditCode: institution('w').creditCode }), 404);
    for (const role of ['center-staff', 'approver', 'admin'] as Role[]) {
      add('review', 'GET', kase, `${role}@${CC}`, await tok(role, CC), 'allow');
      add('review', 'GET', kase, `${role}@${JL}`, await tok(role, JL), 404);
    }
    for (const [path, role, body] of [
      [`${kase}/accept`, 'center-staff', { note: 'x' }],
      [`${kase}/not-accept`, 'center-staff', { reason: '材料不全' }],
      [`${kase}/expert-request`, 'center-staff', { workPlan: 'x', groupSize: 3, reserves: 2, maxPerEmployer: 1 }],
      [`${kase}/approve`, 'approver', { meetingReference: 'x' }],
      [`${kase}/not-approve`, 'approver', { reason: 'x' }],
    ] as [string, Role, unknown][]) {
      add('review', 'POST', path, `${role}@${JL}`, await tok(role, JL), 404, { body });
    }
    const draw = `/draws/${drawId}`;
    add('expert-pool', 'GET', draw, 'a member', member, 'allow', { check: (t) => expect(JSON.parse(t).group.sealed).toBe(false) });
    add('expert-pool', 'GET', draw, 'an expert outside the group', outsider, 404);
    add('expert-pool', 'GET', draw, `center-staff@${CC}`, await tok('center-staff', CC), 'allow', {
      check: (t) => {
        expect(JSON.parse(t).group.sealed).toBe(true); // sealed until the kick-off
        for (const m of members) expect(t).not.toContain(m);
      },
    });
    add('expert-pool', 'GET', draw, `center-staff@${JL}`, await tok('center-staff', JL), 404);
    add('expert-pool', 'GET', draw, `discipline-officer@${JL}`, await tok('discipline-officer', JL), 404);
    add('expert-pool', 'GET', `${draw}/exclusions`, `discipline-officer@${JL}`, await tok('discipline-officer', JL), 404);
    add('expert-pool', 'POST', `${draw}/kick-off`, `center-staff@${JL}`, await tok('center-staff', JL), 404);
    add('expert-pool', 'POST', `${draw}/kick-off`, `center-staff@${CC}`, await tok('center-staff', CC), 'allow', {
      check: (t) => {
        for (const m of members) expect(t).not.toContain(m); // 409 before the members confirm: a count, not the sealed ids
      },
    });
    add('expert-pool', 'POST', `${draw}/members/${expertId}/confirm`, 'an expert outside the group', outsider, 404, {
      body: { conflictDeclaration: { hasConflict: false, statement: '本人与申请机构不存在利害关系' } },
    });
    add('expert-pool', 'POST', `${draw}/votes`, 'an expert outside the group', outsider, 404, { body: { candidateExpertId: members[0] } });
    add('expert-pool', 'POST', `${draw}/members/${members[0]}/decline`, `discipline-officer@${JL}`, await tok('discipline-officer', JL), 404, {
      body: { reason: 'x' },
    });
    const ex = `/experts/${expertId}`;
    add('expert-pool', 'GET', ex, `center-staff@${CC}`, await tok('center-staff', CC), 'allow');
    add('expert-pool', 'GET', ex, `discipline-officer@${CC}`, await tok('discipline-officer', CC), 'allow');
    for (const [role, j] of [
      ['center-staff', JL],
      ['discipline-officer', JL],
      ['center-staff', P],
    ] as [Role, string][])
      add('expert-pool', 'GET', ex, `${role}@${j}`, await tok(role, j), 404);
    for (const [method, path, body] of [
      ['PATCH', ex, { title: '教授' }],
      ['POST', `${ex}/suspend`, { reason: 'x' }],
      ['POST', `${ex}/reinstate`, { reason: 'x' }],
      ['POST', `${ex}/remove`, { reason: 'x' }],
      ['PUT', `${ex}/account`, { subject: 'kc-matrix' }],
      ['DELETE', `${ex}/account`, undefined],
    ] as [string, string, unknown][]) {
      add('expert-pool', method, path, `center-staff@${JL}`, await tok('center-staff', JL), 404, { body });
      add('expert-pool', method, path, `center-staff@${P}`, await tok('center-staff', P), 404, { body });
    }
    add('assessment', 'GET', `/cases/${c.caseId}/evaluation`, `center-staff@${JL}`, await tok('center-staff', JL), 404);
    add('assessment', 'GET', `/cases/${c.caseId}/opinions`, `approver@${JL}`, await tok('approver', JL), 404);
    add('assessment', 'POST', `/cases/${c.caseId}/findings`, 'an expert outside the group', outsider, 404, { body: { text: 'x' } });
    add('publication', 'GET', `/notices/by-case/${c.caseId}`, `center-staff@${JL}`, await tok('center-staff', JL), 404);
    // The province's own functions, with valid bodies: a city's holder of the role is refused (403).
    add('review', 'POST', `/rechecks/${randomUUID()}/decision`, `center-staff@${CC}`, await tok('center-staff', CC), 403, {
      body: { decision: 'pass', reason: '复核通过' },
      instance: P,
    });
    add('review', 'GET', '/rechecks', `center-staff@${JL}`, await tok('center-staff', JL), 403, { instance: P });
    add('publication', 'GET', '/filing-requests', `approver@${CC}`, await tok('approver', CC), 403);

    // Denials first, all of them, between two checksums; then the allowed reads.
    const before = await quiet();
    const bad: string[] = [];
    for (const cell of cellsB.filter((x) => x.expect !== 'allow')) {
      const res = await send(cell.method, `${url(cell.service, cell.instance ?? CC)}${cell.path}`, cell.token, cell.body);
      if (res.status !== cell.expect)
        bad.push(`${cell.service} ${cell.method} ${cell.path} as ${cell.who}: ${res.status} (expected ${cell.expect}) ${res.text.slice(0, 160)}`);
    }
    expect(await checksum()).toBe(before);
    for (const cell of cellsB.filter((x) => x.expect === 'allow')) {
      const res = await send(cell.method, `${url(cell.service, cell.instance ?? CC)}${cell.path}`, cell.token, cell.body);
      if (denied(res.status) || res.status >= 500)
        bad.push(`${cell.service} ${cell.method} ${cell.path} as ${cell.who}: ${res.status} (expected allowed) ${res.text.slice(0, 160)}`);
      else cell.check?.(res.text);
    }
    process.stdout.write(
      `authorisation matrix part 2: ${cellsB.length} resource cells (${cellsB.filter((x) => x.expect !== 'allow').length} denials), wrong cells = ${bad.length}, rows changed by denials = 0\n`,
    );
    expect(bad).toEqual([]);
  });
});
