import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { issueDevToken } from '@filing/auth';
import { EventDefinition, Events, NotificationKind, NotificationRequested } from '@filing/contracts';
import {
  httpRequest,
  MailCatcher,
  produceEvent,
  sampleInstitution,
  ServiceProcess,
  SmsGateway,
  startServiceProcess,
  testKafka,
  waitFor,
} from '@filing/testing';

/**
 * The notification service on the real broker and database, delivering to a real SMTP server (smtp-server, mails
 * parsed with mailparser) and to a local HTTP endpoint playing the province's SMS gateway. Scenario 1's notices
 * (a Changchun enterprise: the applicant's steps and the drawn experts') are requested twice each — once redelivered
 * with the same event id, once re-sent by the producer under a new one — and the service is stopped and started again
 * half-way; each person still gets each mail once.
 */
const CONSOLE = 'https://jl-filing.example.cn';
const caseId = randomUUID();
const drawId = randomUUID();
const institution = '长春一汽模具制造有限公司';
const creditCode = '91220101MA0Y3B9X18';
const applicant = { id: `institution:${creditCode}`, role: 'applicant' as const, name: institution, email: 'hr@faw-mould.example.cn' };
const experts = [
  { id: 'expert:e-wang', role: 'expert' as const, name: '王建国 专家', email: 'wang.jianguo@example.cn', mobile: '13900000500' },
  { id: 'expert:e-li', role: 'expert' as const, name: '李红梅 专家', email: 'li.hongmei@example.cn', mobile: '13900000400' },
  { id: 'expert:e-zhao', role: 'expert' as const, name: '赵志强 专家', email: 'busy@example.cn', mobile: '13912345678' },
];

// Requested a minute apart, in the order of the scenario: the inbox lists the newest first.
let requestedSeq = 0;

type Req = { def: EventDefinition<NotificationRequested>; payload: NotificationRequested };

function request(
  kind: NotificationKind,
  recipient: NotificationRequested['recipient'],
  params: Record<string, string>,
  because: string,
  link: string,
  jurisdiction = '220100',
): Req {
  const def = recipient.role === 'expert' ? Events.expertNotificationRequested : Events.applicantNotificationRequested;
  return {
    def,
    payload: {
      caseId,
      jurisdiction,
      kind,
      recipient,
      params: { institution, ...params },
      link,
      dedupeKey: `${because}|${recipient.id}`,
      requestedAt: new Date(Date.UTC(2025, 8, 1, 1) + requestedSeq++ * 60_000).toISOString(),
    },
  };
}

const appLink = `/applicant/applications/${caseId}`;
const drawLink = `/expert/draws/${drawId}`;
const firstHalf: Req[] = [
  request('application-received', applicant, { submittedAt: '2025-09-01T02:00:00Z' }, `${caseId}|submitted`, appLink),
  request('application-accepted', applicant, { acceptedAt: '2025-09-03T02:00:00Z' }, 'evt-accepted', appLink),
  ...experts.map((e) => request('expert-invited', e, { drawnAt: '2025-09-05T02:00:00Z', confirmBy: '2025-09-07T02:00:00Z' }, `${drawId}|drawn`, drawLink)),
];
const secondHalf: Req[] = [
  ...experts.map((e) => request('group-kicked-off', e, { kickedOffAt: '2025-09-10T01:00:00Z' }, `${drawId}|kick-off`, drawLink)),
  request(
    'materials-returned',
    applicant,
    { returnedAt: '2025-09-15T02:00:00Z', reasons: '考评员名单缺少职业资格证书\n场地证明未盖章' },
    'evt-returned',
    appLink,
  ),
  request('approved-under-notice', applicant, { approvedAt: '2025-10-09T02:00:00Z', approvalBody: 'local-hrss-bureau' }, 'evt-approved', appLink),
  request(
    'filing-issued',
    applicant,
    { noticeNumber: '长人社备〔2025〕12号', noticeDate: '2025-10-20', filingNumber: '220100-2025-0012' },
    'evt-filed',
    appLink,
  ),
];

describe('notification: inbox, e-mail over SMTP and SMS through the gateway', () => {
  let kafka: Kafka;
  let svc: ServiceProcess;
  let db: Client;
  let env: Record<string, string>;
  const smtpAttempts = new Map<string, number>();
  // busy@… is greylisted twice (451, try again later); bounce@… does not exist (550).
  const mail = new MailCatcher({
    refuse: (address) => {
      const n = (smtpAttempts.get(address) ?? 0) + 1;
      smtpAttempts.set(address, n);
      if (address === 'busy@example.cn' && n <= 2) return { code: 451, message: 'greylisted, try again later' };
      if (address === 'bounce@example.cn') return { code: 550, message: `mailbox ${address} unavailable` };
      return undefined;
    },
  });
  // …500 answers 503 twice before it takes the message; …400 is refused (no such template / number barred).
  const sms = new SmsGateway({
    answer: (r, attempt) => (r.phoneNumber === '13900000500' && attempt <= 2 ? 503 : r.phoneNumber === '13900000400' ? 400 : 200),
  });
  const tokenOf = (claims: Record<string, unknown>) => issueDevToken({ jurisdiction: '220100', ...claims } as any);
  const get = async (path: string, token: string) => httpRequest(`${svc.url}${path}`, { token });
  const send = async (method: string, path: string, token: string, body?: unknown) =>
    httpRequest(`${svc.url}${path}`, { method, token, body: body === undefined ? undefined : JSON.stringify(body) });
  const produceTwice = async (reqs: Req[]) => {
    for (const r of reqs) {
      const meta = await produceEvent(kafka, r.def, r.payload);
      await produceEvent(kafka, r.def, r.payload, { id: meta.id }); // the broker redelivers it
      await produceEvent(kafka, r.def, r.payload); // the producer retries it under a new event id
    }
  };
  const deliveries = async (admin: string) => (await get(`/notifications/deliveries?caseId=${caseId}&limit=500`, admin)).json.items as any[];

  beforeAll(async () => {
    kafka = testKafka();
    await mail.start();
    await sms.start();
    env = {
      SMTP_URL: mail.url,
      SMS_GATEWAY_URL: sms.url,
      PUBLIC_CONSOLE_URL: CONSOLE,
      NOTIFY_POLL_MS: '100',
      NOTIFY_RETRY_BACKOFF_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '4',
      EVENT_RETRY_BACKOFF_MS: '50',
    };
    svc = await startServiceProcess({ service: 'notification', name: 'notification', env });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await svc?.stop();
    await mail.stop();
    await sms.stop();
  });

  it("delivers scenario 1's mails once each, to the right person with the right subject and link, through redeliveries and a restart", async () => {
    const admin = await tokenOf({ roles: ['admin'], jurisdiction: '220000' });
    await produceTwice(firstHalf);
    // The first half is delivered (zhao's invitation only after two greylisted attempts).
    await waitFor('first half mailed', async () => (mail.mails.length >= firstHalf.length ? true : undefined), 120_000);

    // Stopped mid-way: the second half and the first half's duplicates wait on the broker for the restarted service.
    const port = svc.port;
    // Graceful: the delivery pass in flight finishes and commits before the process ends (Nest re-raises SIGTERM).
    await svc.stop();
    await produceTwice(secondHalf);
    await produceTwice(firstHalf);
    // Last on each topic (one case, one key, one partition, in order): once it is in an inbox, all before it were read.
    const sentinels = [
      request('leader-elected', experts[0], { leaderName: '王建国', electedAt: '2025-09-10T03:00:00Z' }, `${drawId}|leader|1`, drawLink),
      request('not-passed', { ...applicant, email: undefined }, { decidedAt: '2025-10-01', reason: '仅用于确认顺序' }, 'evt-sentinel', appLink),
    ];
    for (const s of sentinels) await produceEvent(kafka, s.def, s.payload);
    svc = await startServiceProcess({ service: 'notification', name: 'notification-restarted', env, port });

    const total = firstHalf.length + secondHalf.length + 1; // the leader's election mails wang only (the sentinel)
    await waitFor(
      'every request read and every delivery settled',
      async () => {
        const rows = await db.query(`SELECT count(*)::int AS n FROM notification.notice WHERE case_id = $1`, [caseId]);
        if (rows.rows[0].n !== total + 1) return undefined;
        const d = await deliveries(admin);
        return d.length > 0 && d.every((x) => x.status !== 'queued') ? true : undefined;
      },
      180_000,
    );

    const expected = [...firstHalf, ...secondHalf, sentinels[0]];
    const ours = mail.mails.filter((m) => m.text.includes(caseId));
    expect(ours).toHaveLength(expected.length);
    for (const r of expected) {
      const to = r.payload.recipient.email!;
      const got = ours.filter((m) => m.to.includes(to) && m.text.includes(`${CONSOLE}${r.payload.link}`) && m.headers.get('x-filing-kind') === r.payload.kind);
      expect({ kind: r.payload.kind, to, mails: got.length }).toEqual({ kind: r.payload.kind, to, mails: 1 });
    }
    expect(new Set(ours.map((m) => m.messageId)).size).toBe(ours.length);
    const invitation = ours.find((m) => m.to.includes('wang.jianguo@example.cn') && m.headers.get('x-filing-kind') === 'expert-invited')!;
    expect(invitation.subject).toBe(`专家抽取邀请：${institution}技术评估`);
    expect(invitation.text).toContain('王建国 专家：');
    expect(invitation.text).toContain('请于2025年9月7日 10:00前登录系统确认参加');
    expect(invitation.text).toContain(`${CONSOLE}/expert/draws/${drawId}`);
    const returned = ours.find((m) => m.headers.get('x-filing-kind') === 'materials-returned')!;
    expect(returned.to).toEqual(['hr@faw-mould.example.cn']);
    expect(returned.subject).toBe(`申报材料退回：${institution}`);
    expect(returned.text).toContain('2025年9月15日退回');
    expect(returned.text).toContain('1. 考评员名单缺少职业资格证书\n2. 场地证明未盖章');
    const filed = ours.find((m) => m.headers.get('x-filing-kind') === 'filing-issued')!;
    expect(filed.subject).toBe(`备案通知已印发：${institution}`);
    expect(filed.text).toContain('长人社备〔2025〕12号');

    // The greylisted address was tried again until it took the mail; the log says how often. An attempt under way when
    // the service stopped reached the SMTP server but not the log, so the log counts at least the refusal and the send.
    const log = await deliveries(admin);
    const zhao = log.filter((d) => d.recipientId === 'expert:e-zhao' && d.channel === 'email' && d.kind === 'expert-invited');
    expect(zhao).toEqual([expect.objectContaining({ status: 'sent', address: 'bu**@example.cn' })]);
    expect(zhao[0].attempts).toBeGreaterThanOrEqual(2);
    expect(zhao[0].attempts).toBeLessThanOrEqual(smtpAttempts.get('busy@example.cn')!);
  });

  it('sends SMS by template id and parameters, retries a 5xx, gives up at once on a 4xx and records why, addresses masked', async () => {
    const admin = await tokenOf({ roles: ['admin'], jurisdiction: '220000' });
    const wang = sms.to('13900000500').filter((r) => r.params.institution === institution && r.templateId === 'FILING_EXPERT_INVITED');
    // 503, 503, then accepted: one request id, three attempts.
    expect(wang).toHaveLength(3);
    expect(new Set(wang.map((r) => r.requestId)).size).toBe(1);
    expect(wang[0]).toMatchObject({
      method: 'POST',
      path: '/sms/send',
      contentType: 'application/json',
      phoneNumber: '13900000500',
      signName: '吉林人社',
      templateId: 'FILING_EXPERT_INVITED',
      params: { name: '王建国 专家', institution, deadline: '2025年9月7日 10:00' },
    });
    const li = sms.to('13900000400').filter((r) => r.templateId === 'FILING_EXPERT_INVITED');
    expect(li).toHaveLength(1); // a 4xx is not tried again

    const log = await deliveries(admin);
    const smsOf = (who: string) => log.find((d) => d.recipientId === who && d.channel === 'sms' && d.kind === 'expert-invited');
    expect(smsOf('expert:e-wang')).toMatchObject({ status: 'sent', attempts: 3, address: '139****0500' });
    expect(smsOf('expert:e-li')).toMatchObject({ status: 'failed', attempts: 1, address: '139****0400' });
    expect(smsOf('expert:e-li')!.lastError).toMatch(/^gateway answered 400/);
    // No full address anywhere in the log, nor in the table once a delivery is settled.
    expect(JSON.stringify(log)).not.toMatch(/13900000400|13900000500|wang\.jianguo@example\.cn/);
    const kept = await db.query(`SELECT count(*)::int AS n FROM notification.delivery WHERE status <> 'queued' AND address IS NOT NULL`);
    expect(kept.rows[0].n).toBe(0);
    // Only admins read the log.
    expect((await get('/notifications/deliveries', await tokenOf({ roles: ['center-staff'] }))).status).toBe(403);
  });

  it("shows each person their own inbox with the unread count, marks read, and keeps others' notices out of reach", async () => {
    const wang = await tokenOf({ roles: ['expert'], jurisdiction: '220000', expertId: 'e-wang', sub: 'acct-wang' });
    const li = await tokenOf({ roles: ['expert'], jurisdiction: '220000', expertId: 'e-li', sub: 'acct-li' });
    const company = await tokenOf({ roles: ['applicant'], creditCode, sub: 'acct-hr' });

    const mine = (await get('/notifications/mine', wang)).json;
    expect(mine.items.map((n: any) => n.kind)).toEqual(['leader-elected', 'group-kicked-off', 'expert-invited']);
    expect(mine.unread).toBe(3);
    const invitation = mine.items.find((n: any) => n.kind === 'expert-invited');
    expect(invitation).toMatchObject({ caseId, link: `/expert/draws/${drawId}`, title: `专家抽取邀请：${institution}技术评估`, readAt: null });
    expect(invitation).not.toHaveProperty('dedupeKey');
    expect((await get('/notifications/mine/unread-count', wang)).json).toEqual({ unread: 3 });

    // Someone else's notice looks like none; it stays unread.
    expect((await send('POST', `/notifications/${invitation.id}/read`, li)).status).toBe(404);
    const read = await send('POST', `/notifications/${invitation.id}/read`, wang);
    expect(read.status).toBe(200);
    expect(read.json.readAt).toEqual(expect.any(String));
    expect((await send('POST', `/notifications/${invitation.id}/read`, wang)).json.readAt).toBe(read.json.readAt);
    expect((await get('/notifications/mine/unread-count', wang)).json).toEqual({ unread: 2 });
    expect((await get('/notifications/mine?unread=true', wang)).json.items.map((n: any) => n.kind)).toEqual(['leader-elected', 'group-kicked-off']);
    expect((await send('POST', '/notifications/mine/read', wang)).json).toEqual({ marked: 2, unread: 0 });

    // The institution's accounts share its inbox.
    const inbox = (await get('/notifications/mine?limit=50', company)).json;
    expect(inbox.items.map((n: any) => n.kind).sort()).toEqual(
      ['application-accepted', 'application-received', 'approved-under-notice', 'filing-issued', 'materials-returned', 'not-passed'].sort(),
    );
    expect(inbox.items.every((n: any) => n.link === appLink)).toBe(true);

    // Bad input: a clear 4xx, nothing changed.
    expect((await send('POST', '/notifications/not-a-uuid/read', wang)).status).toBe(400);
    expect((await get('/notifications/mine?limit=0', wang)).status).toBe(400);
    expect((await get('/notifications/mine', '')).status).toBe(401);
  });

  it("honours a person's channels and a jurisdiction's switch; the inbox gets the notice either way", async () => {
    const zhao = await tokenOf({ roles: ['expert'], jurisdiction: '220000', expertId: 'e-zhao', sub: 'acct-zhao' });
    const admin = await tokenOf({ roles: ['admin'], jurisdiction: '220000' });
    const cityAdmin = await tokenOf({ roles: ['admin'], jurisdiction: '220100' });
    const bad = await send('PUT', '/notifications/preferences/mine', zhao, { channels: ['email', 'fax'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('渠道只能是 email（电子邮件）或 sms（短信）');
    expect((await get('/notifications/preferences/mine', zhao)).json).toMatchObject({
      recipientId: 'expert:e-zhao',
      channels: ['email', 'sms'],
      chosen: false,
    });
    expect((await send('PUT', '/notifications/preferences/mine', zhao, { channels: ['sms'] })).json).toMatchObject({ channels: ['sms'], chosen: true });

    expect((await send('PUT', '/notifications/jurisdictions/220200', cityAdmin, { externalOn: false })).status).toBe(403);
    expect((await send('PUT', '/notifications/jurisdictions/999999', admin, { externalOn: false })).status).toBe(400);
    expect((await send('PUT', '/notifications/jurisdictions/220200', admin, { externalOn: 'no' })).status).toBe(400);
    expect((await send('PUT', '/notifications/jurisdictions/220200', admin, { externalOn: false })).json).toMatchObject({
      jurisdiction: '220200',
      externalOn: false,
    });

    const onlySms = request('expert-replaced', experts[2], { replacedAt: '2025-09-11T02:00:00Z', because: 'recused' }, `${drawId}|replaced|e-zhao`, drawLink);
    const switchedOff = request(
      'expert-invited',
      experts[1],
      { drawnAt: '2025-09-12T02:00:00Z', confirmBy: '2025-09-14T02:00:00Z' },
      'jilin-draw|drawn',
      drawLink,
      '220200',
    );
    for (const r of [onlySms, switchedOff]) await produceEvent(kafka, r.def, r.payload);
    await waitFor(
      'both notices in their inboxes',
      async () => {
        const rows = await db.query(`SELECT count(*)::int AS n FROM notification.notice WHERE dedupe_key = ANY($1)`, [
          [onlySms.payload.dedupeKey, switchedOff.payload.dedupeKey],
        ]);
        return rows.rows[0].n === 2 ? true : undefined;
      },
      60_000,
    );
    await waitFor('the SMS sent', async () => (sms.to('13912345678').some((r) => r.templateId === 'FILING_EXPERT_REPLACED') ? true : undefined), 60_000);
    const rows = await db.query(
      `SELECT n.dedupe_key, array_agg(d.channel ORDER BY d.channel) FILTER (WHERE d.channel IS NOT NULL) AS channels
         FROM notification.notice n LEFT JOIN notification.delivery d ON d.notice_id = n.id WHERE n.dedupe_key = ANY($1) GROUP BY n.dedupe_key`,
      [[onlySms.payload.dedupeKey, switchedOff.payload.dedupeKey]],
    );
    const channels = Object.fromEntries(rows.rows.map((r) => [r.dedupe_key, r.channels]));
    expect(channels).toEqual({ [onlySms.payload.dedupeKey]: ['sms'], [switchedOff.payload.dedupeKey]: null });
    // Only this spec's case: the shared broker also carries requests other specs' services left for a notification service.
    expect(mail.mails.filter((m) => m.headers.get('x-filing-case') === caseId && m.headers.get('x-filing-kind') === 'expert-replaced')).toHaveLength(0);
    const li = await tokenOf({ roles: ['expert'], jurisdiction: '220000', expertId: 'e-li', sub: 'acct-li' });
    expect((await get('/notifications/mine?unread=true', li)).json.items.map((n: any) => n.kind)).toContain('expert-invited');
  });

  it('tells an objector by e-mail that their objection was received and then how it was decided, each once, from the publication service', async () => {
    // Publication as it runs, on a controllable clock inside the notice window of an approved Changchun case.
    const publication = await startServiceProcess({
      service: 'publication',
      name: 'publication-for-notification',
      env: { CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '200', OBJECTION_RATE_LIMIT: '1000', EVENT_RETRY_BACKOFF_MS: '50' },
    });
    try {
      const pub = async (method: string, path: string, body?: unknown, token?: string) =>
        httpRequest(`${publication.url}${path}`, { method, token, body: body === undefined ? undefined : JSON.stringify(body) });
      expect((await pub('POST', '/test/clock', { now: '2025-09-29T02:00:00.000Z' })).status).toBe(201);
      const objected = { caseId: randomUUID(), name: '长春市测试职业培训学校' };
      await produceEvent(kafka, Events.caseApproved, {
        caseId: objected.caseId,
        jurisdiction: '220100',
        applicationKind: 'new-filing',
        approvalBody: 'local-hrss-bureau',
        institution: sampleInstitution({ name: objected.name }),
        occupations: [{ code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' }],
        approvedBy: { subject: 'approver-220100', role: 'approver', jurisdiction: '220100' },
        approvedAt: '2025-09-28T08:00:00.000Z',
      });
      const staff = await tokenOf({ roles: ['center-staff'], jurisdiction: '220100' });
      // The new publication process first joins the shared broker's group (and takes what earlier specs left there).
      const notice = await waitFor(
        'the notice opened',
        async () => {
          const r = await pub('GET', `/notices/by-case/${objected.caseId}`, undefined, staff);
          return r.status === 200 ? r.json : undefined;
        },
        120_000,
      );
      const objector = { name: '张三', idNumber: '220102199001011239', phone: '13912345678', email: 'zhang.san@example.cn' };
      const lodged = await pub('POST', `/public/notices/${notice.id}/objections`, { ...objector, reason: '该机构不具备车工三级的实操考核场地。' });
      expect(lodged.status).toBe(201);
      const { receiptNumber, objectionId } = lodged.json;
      const mailsTo = () => mail.mails.filter((m) => m.to.includes(objector.email) && m.headers.get('x-filing-case') === objected.caseId);
      await waitFor('the receipt mailed', async () => (mailsTo().length >= 1 ? true : undefined), 60_000);

      const decided = await pub(
        'POST',
        `/objections/${objectionId}/resolution`,
        { outcome: 'dismissed', reason: '经实地核查，该机构实操场地符合要求，异议不成立。' },
        staff,
      );
      expect(decided.status).toBe(200);
      await waitFor('the outcome mailed', async () => (mailsTo().length >= 2 ? true : undefined), 60_000);
      // Each notice goes by e-mail and, the phone being a mobile number, by SMS.
      await waitFor('every delivery settled', async () => {
        const rows = await db.query(`SELECT d.status FROM notification.delivery d JOIN notification.notice n ON n.id = d.notice_id WHERE n.case_id = $1`, [
          objected.caseId,
        ]);
        return rows.rows.length === 4 && rows.rows.every((r) => r.status !== 'queued') ? true : undefined;
      });

      const got = mailsTo();
      expect(got.map((m) => m.headers.get('x-filing-kind')).sort()).toEqual(['objection-decided', 'objection-received']);
      const receipt = got.find((m) => m.headers.get('x-filing-kind') === 'objection-received')!;
      expect(receipt.subject).toBe(`异议已受理：${objected.name}公示`);
      expect(receipt.text).toContain('张三：');
      expect(receipt.text).toContain(`2025年9月29日 10:00收到，回执编号${receiptNumber}`);
      expect(receipt.text).toContain(`${CONSOLE}/objections/${receiptNumber}`);
      const outcome = got.find((m) => m.headers.get('x-filing-kind') === 'objection-decided')!;
      expect(outcome.subject).toBe(`异议处理结果：${objected.name}公示`);
      expect(outcome.text).toContain('结论：异议不成立。');
      expect(outcome.text).toContain('理由：经实地核查，该机构实操场地符合要求，异议不成立。');
      expect(outcome.text).not.toContain(objector.idNumber);

      // The objector has no account: the notices are theirs by the objection, and the log masks their addresses.
      const admin = await tokenOf({ roles: ['admin'], jurisdiction: '220000' });
      const log = (await get(`/notifications/deliveries?caseId=${objected.caseId}&limit=50`, admin)).json.items as any[];
      expect(log.map((d) => [d.recipientId, d.channel, d.status, d.address]).sort()).toEqual(
        [
          [`objection:${objectionId}`, 'email', 'sent', 'zh*******@example.cn'],
          [`objection:${objectionId}`, 'email', 'sent', 'zh*******@example.cn'],
          [`objection:${objectionId}`, 'sms', 'sent', '139****5678'],
          [`objection:${objectionId}`, 'sms', 'sent', '139****5678'],
        ].sort(),
      );
      expect(JSON.stringify(log)).not.toMatch(/zhang\.san@example\.cn|13912345678/);

      // The notice's centre staff are told by role, in the console only: nothing of the objector's but the receipt.
      const lodgedNotice = await waitFor('the centre told of the objection', async () => {
        const items = (await get('/notifications/mine?limit=100', staff)).json.items as any[];
        return items.find((n) => n.caseId === objected.caseId && n.kind === 'objection-lodged');
      });
      expect(lodgedNotice).toMatchObject({ title: `公示期收到异议：${objected.name}`, link: `/cases/${objected.caseId}` });
      expect(lodgedNotice.body).toContain(`回执编号${receiptNumber}`);
      expect(lodgedNotice.body).not.toMatch(/张三|13912345678|zhang\.san/);
    } finally {
      await publication.stop();
    }
  });

  it("tells a jurisdiction's centre staff by role, in the console inbox only, that a submitted case awaits acceptance", async () => {
    // Changchun's own review instance opens the case (as intake's event opens it) and writes the request.
    const review = await startServiceProcess({
      service: 'review',
      name: 'review-220100-for-notification',
      env: { REVIEW_JURISDICTION: '220100', EVENT_RETRY_BACKOFF_MS: '50' },
    });
    try {
      const submitted = { caseId: randomUUID(), name: '长春市待受理测试有限公司' };
      const payload = {
        caseId: submitted.caseId,
        applicationKind: 'new-filing' as const,
        jurisdiction: '220100',
        institution: sampleInstitution({ name: submitted.name }),
        occupations: [{ code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' as const }],
        materials: [],
        submittedAt: '2025-09-01T02:00:00.000Z',
      };
      const meta = await produceEvent(kafka, Events.applicationSubmitted, payload);
      await produceEvent(kafka, Events.applicationSubmitted, payload, { id: meta.id }); // redelivered

      const changchun = await tokenOf({ roles: ['center-staff'], jurisdiction: '220100', sub: 'staff-cc' });
      // The new review process first joins the shared broker's group (and takes what earlier specs left there).
      const waiting = await waitFor(
        'the case in the centre staff inbox',
        async () => {
          const items = (await get('/notifications/mine?limit=100', changchun)).json.items as any[];
          return items.find((n) => n.caseId === submitted.caseId);
        },
        120_000,
      );
      expect(waiting).toMatchObject({ kind: 'case-in-queue', title: `待受理：${submitted.name}`, link: `/cases/${submitted.caseId}`, readAt: null });
      expect(waiting.body).toContain('2025年9月1日 10:00进入您的待办（待受理）');
      // Another account of the same role and jurisdiction shares the notice; the province's staff and a city's
      // approver do not see it.
      const colleague = await tokenOf({ roles: ['center-staff'], jurisdiction: '220100', sub: 'staff-cc-2' });
      expect(((await get('/notifications/mine?limit=100', colleague)).json.items as any[]).filter((n) => n.caseId === submitted.caseId)).toHaveLength(1);
      for (const other of [
        await tokenOf({ roles: ['center-staff'], jurisdiction: '220000' }),
        await tokenOf({ roles: ['approver'], jurisdiction: '220100' }),
      ]) {
        expect(((await get('/notifications/mine?limit=100', other)).json.items as any[]).some((n) => n.caseId === submitted.caseId)).toBe(false);
      }
      // Inbox only: no delivery is queued for a role, and the notice is there once.
      const rows = await db.query(
        `SELECT n.recipient_id, count(d.id)::int AS deliveries FROM notification.notice n LEFT JOIN notification.delivery d ON d.notice_id = n.id
          WHERE n.case_id = $1 GROUP BY n.id, n.recipient_id`,
        [submitted.caseId],
      );
      expect(rows.rows).toEqual([{ recipient_id: 'role:center-staff@220100', deliveries: 0 }]);
    } finally {
      await review.stop();
    }
  });
});
