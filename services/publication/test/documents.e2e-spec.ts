import ExcelJS from 'exceljs';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { Events, Headers, newCreditCode } from '@filing/contracts';
import { ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { renderFilingNotice } from '../src/documents/filing-notice.document';
import { renderPublicNotice } from '../src/documents/public-notice.document';
import { maskIdNumber, maskPhone } from '@filing/auth';
import { approval, approve, call, childcare, institution, lathe, objector, token } from './fixtures';
import { getPdf, pdfFonts, pdfQrCodes, pdfText, sha256, squash } from './pdf-tools';

/**
 * Documents (公示 and 备案通知 as PDF, the QR code and the public verification page), the register's life after
 * filing (变更, 暂停, 恢复, 注销 on the register, the verification page and the national feed read from the real
 * topic) and the historical register import, on the real broker and database with a controllable clock.
 */
const CONSOLE = 'https://jl-filing.example.cn';
const ENV = {
  CLOCK_MODE: 'controllable',
  NOTICE_POLL_MS: '200',
  EVENT_RETRY_BACKOFF_MS: '50',
  PUBLIC_CONSOLE_URL: CONSOLE,
  CENTRE_CONTACTS: JSON.stringify({ '220100': { unit: '长春市职业技能鉴定中心', phone: '0431-88888888', address: '长春市人民大街 1 号' } }),
};

/** A 统一社会信用代码 with its GB 32100 check character. */
const validCreditCode = (): string => newCreditCode('91220101');

describe('publication documents, the register after filing, the historical register', () => {
  let kafka: Kafka;
  let svc: ServiceProcess;
  let recorder: TopicRecorder;
  let db: Client;
  let provinceApprover: string, cityApprover: string, otherCityApprover: string, staff: string, admin: string;
  const url = () => svc.url;
  const setClock = async (now: string) => expect((await call(url(), 'POST', '/test/clock', { body: { now } })).status).toBe(201);
  // Generous: a fresh process joins the consumer group the run's earlier specs left, and the machine is shared.
  const noticeWhen = (caseId: string, pred: (n: any) => boolean, what: string) =>
    waitFor(
      `case ${caseId}: ${what}`,
      async () => {
        const r = await call(url(), 'GET', `/notices/by-case/${caseId}`, { token: staff });
        return r.status === 200 && pred(r.body) ? r.body : undefined;
      },
      180_000,
    );
  const registerOf = async (creditCode: string, status = 'all') =>
    (await call(url(), 'GET', `/public/register?creditCode=${creditCode}&status=${status}`)).body.items[0];

  beforeAll(async () => {
    kafka = testKafka();
    recorder = await new TopicRecorder(kafka, [Events.filingIssued.topic, Events.filingStatusChanged.topic, Events.registerEntryImported.topic]).start();
    [provinceApprover, cityApprover, otherCityApprover, staff, admin] = await Promise.all([
      token('approver', '220000'),
      token('approver', '220100'),
      token('approver', '220200'),
      token('center-staff', '220000'),
      token('admin', '220000'),
    ]);
    svc = await startServiceProcess({ service: 'publication', name: 'publication-documents', env: ENV });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await setClock('2025-09-29T02:00:00.000Z');
  });

  afterAll(async () => {
    await db?.end();
    await svc?.stop();
    await recorder?.stop();
  });

  const A = approval({ institution: institution('长春一汽模具制造有限公司', validCreditCode()), occupations: [lathe, childcare] });
  let noticeA: any;
  let filingA: any;

  it('publishes the notice (公示) as a PDF: issuing unit, number, date, the table, the window and how to object; fonts embedded', async () => {
    await approve(kafka, A);
    noticeA = await noticeWhen(A.caseId, (n) => n.status === 'open', 'open');
    const pdf = await getPdf(`${url()}/public/notices/${noticeA.id}/notice.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-document-sha256')).toBe(sha256(pdf.bytes));
    const text = squash(await pdfText(pdf.bytes));
    for (const s of [
      '长春一汽模具制造有限公司',
      A.institution.creditCode,
      '用人单位',
      '6-18-01-01车工',
      '五级/初级工、四级/中级工、三级/高级工',
      '4-07-05-02保育师',
      '公示期：2025年9月29日至2025年10月13日（5个工作日）',
      '真实姓名',
      '匿名',
      '长春市职业技能鉴定中心',
      '0431-88888888',
      `${CONSOLE}/notices/${noticeA.id}`,
      '2025年9月29日',
    ]) {
      expect({ missing: s, found: text.includes(squash(s)) }).toEqual({ missing: s, found: true });
    }
    expect(text).toMatch(/公示〔2025〕第\d+号/);
    const fonts = await pdfFonts(pdf.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ name: expect.stringMatching(/^[A-Z]{6}\+NotoSerifCJKsc-/), emb: true, sub: true });
    // The document is kept: downloaded again, the same bytes.
    const again = await getPdf(`${url()}/public/notices/${noticeA.id}/notice.pdf`);
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
    expect((await getPdf(`${url()}/public/notices/00000000-0000-4000-8000-000000000000/notice.pdf`)).status).toBe(404);
  });

  it('issues the filing notice (备案通知) as a PDF whose QR code opens the verification page; the sha-256 is recorded', async () => {
    await setClock('2025-10-14T02:00:00.000Z');
    await noticeWhen(A.caseId, (n) => n.filingStatus === 'requested', 'filing requested');
    const issued = await call(url(), 'POST', `/filing-requests/${noticeA.id}/issue`, { token: provinceApprover });
    expect(issued.status).toBe(201);
    filingA = issued.body;
    expect(filingA.document).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), url: `/public/filings/${filingA.filingId}/notice.pdf` });

    const pdf = await getPdf(`${url()}${filingA.document.url}`);
    expect(pdf.status).toBe(200);
    expect(sha256(pdf.bytes)).toBe(filingA.document.sha256);
    const text = squash(await pdfText(pdf.bytes));
    for (const s of [
      filingA.noticeNumber,
      filingA.filingNumber,
      '吉林省人力资源和社会保障厅',
      '长春一汽模具制造有限公司',
      A.institution.creditCode,
      '6-18-01-01',
      '车工',
      '4-07-05-02',
      '保育师',
      '五级/初级工',
      '四级/中级工',
      '三级/高级工',
      '2025年10月14日',
      '职业技能等级认定机构备案的通知',
    ]) {
      expect({ missing: s, found: text.includes(squash(s)) }).toEqual({ missing: s, found: true });
    }
    // The QR code, rendered to an image by pdftoppm and read by jsQR, is the verification page's address.
    expect(await pdfQrCodes(pdf.bytes)).toEqual([`${CONSOLE}/verify/${filingA.filingId}`]);
    const { rows } = await db.query(`SELECT sha256, size FROM publication.document WHERE kind = 'filing-notice' AND subject_id = $1`, [filingA.filingId]);
    expect(rows).toEqual([{ sha256: filingA.document.sha256, size: pdf.bytes.length }]);
  });

  it('makes the same bytes from the same data: the document made again after it is dropped is identical', async () => {
    const first = await getPdf(`${url()}/public/filings/${filingA.filingId}/notice.pdf`);
    await db.query(`DELETE FROM publication.document WHERE kind = 'filing-notice' AND subject_id = $1`, [filingA.filingId]);
    const remade = await getPdf(`${url()}/public/filings/${filingA.filingId}/notice.pdf`);
    expect(remade.bytes.equals(first.bytes)).toBe(true);
    expect(sha256(remade.bytes)).toBe(filingA.document.sha256);

    // In-process, the renderers alone: same data → same bytes; any change of data → other bytes.
    const [stored] = (await db.query(`SELECT event_payload AS payload FROM publication.filing WHERE id = $1`, [filingA.filingId])).rows;
    const data = { filing: stored.payload, verificationUrl: `${CONSOLE}/verify/${filingA.filingId}` };
    const [x, y] = [await renderFilingNotice(data), await renderFilingNotice(structuredClone(data))];
    expect(x.equals(y)).toBe(true);
    expect(x.equals(remade.bytes)).toBe(true);
    expect((await renderFilingNotice({ ...data, filing: { ...data.filing, noticeNumber: '吉人社备〔2025〕999号' } })).equals(x)).toBe(false);
    const notice = {
      id: noticeA.id,
      institution: A.institution,
      occupations: A.occupations,
      applicationKind: 'new-filing' as const,
      startDate: '2025-09-29',
      endDate: '2025-10-13',
      workingDays: 5,
      jurisdiction: '220100',
    };
    const pn = { notice, number: '公示〔2025〕第1号', contact: { unit: '长春市职业技能鉴定中心' }, pageUrl: `${CONSOLE}/notices/${noticeA.id}` };
    expect((await renderPublicNotice(pn)).equals(await renderPublicNotice(structuredClone(pn)))).toBe(true);
  });

  it('the verification page confirms number, institution, occupations, levels and status; an unknown document is not genuine', async () => {
    const v = await call(url(), 'GET', `/public/filings/${filingA.filingId}/verification`);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({
      genuine: true,
      valid: true,
      message: expect.stringContaining('真实有效'),
      notice: {
        noticeNumber: filingA.noticeNumber,
        filingNumber: filingA.filingNumber,
        institution: { name: '长春一汽模具制造有限公司', creditCode: A.institution.creditCode },
      },
      document: { sha256: filingA.document.sha256 },
      register: { status: 'valid', statusName: '有效', history: [] },
    });
    expect(v.body.notice.occupations.map((o: any) => [o.code, o.levels.map((l: any) => l.level)])).toEqual([
      ['6-18-01-01', [5, 4, 3]],
      ['4-07-05-02', [4]],
    ]);
    expect(JSON.stringify(v.body)).not.toContain('0431-85901234'); // no contact data on a public page
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-filing']) {
      const fake = await call(url(), 'GET', `/public/filings/${id}/verification`);
      expect(fake.status).toBe(404);
      expect(fake.body).toMatchObject({ code: 'FILING_NOT_FOUND', genuine: false, detail: expect.stringContaining('不是本平台出具') });
    }
  });

  let suspension: any;

  it('suspends a filed institution with reason and period: decided by its city, audited, on the register, the verification page and the national feed', async () => {
    const code = A.institution.creditCode;
    const body = {
      action: 'suspend',
      reason: '年度检查发现考评员配备不足，暂停认定，限期整改。',
      decisionReference: '长人社函〔2025〕31号',
      suspension: { from: '2025-10-15', until: '2026-01-15' },
    };
    expect((await call(url(), 'POST', `/register/${code}/status-changes`, { token: otherCityApprover, body })).status).toBe(404);
    expect((await call(url(), 'POST', `/register/${code}/status-changes`, { token: staff, body })).status).toBe(403);
    const noPeriod = await call(url(), 'POST', `/register/${code}/status-changes`, { token: cityApprover, body: { action: 'suspend', reason: 'x' } });
    expect(noPeriod.status).toBe(400);
    expect(noPeriod.body.detail).toContain('暂停期限');
    const backwards = await call(url(), 'POST', `/register/${code}/status-changes`, {
      token: cityApprover,
      body: { ...body, suspension: { from: '2026-01-15', until: '2025-10-15' } },
    });
    expect(backwards.status).toBe(400);
    const notSuspended = await call(url(), 'POST', `/register/${code}/status-changes`, {
      token: cityApprover,
      body: { action: 'reinstate', reason: '整改完成' },
    });
    expect(notSuspended.status).toBe(409);
    expect(notSuspended.body).toMatchObject({
      code: 'REGISTER_STATUS_CONFLICT',
      currentStatus: 'valid',
      allowedActions: ['change-details', 'suspend', 'withdraw', 'cancel'],
    });
    expect((await call(url(), 'POST', `/register/${code}/status-changes`, { token: cityApprover, body: { ...body, action: 'pause' } })).status).toBe(400);

    // The run's earlier specs may have filed 保育师 in 长春 too: compare with the count before.
    const childcareIn220100 = async () =>
      (await call(url(), 'GET', '/public/register/coverage')).body.occupations
        .find((o: any) => o.code === '4-07-05-02')
        ?.jurisdictions.find((j: any) => j.code === '220100')?.institutions ?? 0;
    const coveredBefore = await childcareIn220100();
    const suspended = await call(url(), 'POST', `/register/${code}/status-changes`, { token: cityApprover, body });
    expect(suspended.status).toBe(201);
    suspension = suspended.body;
    expect(suspension).toMatchObject({ status: 'suspended', previousStatus: 'valid', sequence: filingA.sequence + 1 });

    // The public register shows it as suspended, with its period; coverage no longer counts it.
    expect(await registerOf(code, 'current')).toMatchObject({
      status: 'suspended',
      statusReason: body.reason,
      suspendedFrom: '2025-10-15',
      suspendedUntil: '2026-01-15',
    });
    expect(await childcareIn220100()).toBe(coveredBefore - 1);
    const v = (await call(url(), 'GET', `/public/filings/${filingA.filingId}/verification`)).body;
    expect(v).toMatchObject({ genuine: true, valid: false, register: { status: 'suspended', suspension: { from: '2025-10-15', until: '2026-01-15' } } });
    expect(v.message).toContain('暂停');
    expect(v.register.history).toEqual([
      expect.objectContaining({
        action: 'suspend',
        actionName: '暂停',
        reason: body.reason,
        decisionReference: '长人社函〔2025〕31号',
        authority: '长春市人力资源和社会保障局',
      }),
    ]);

    // The national platform reads it from the real topic: ce_id = changeId, keyed by the institution, the feed's next sequence.
    const sent = await waitFor(
      'the suspension on the national feed',
      () => recorder.find((m) => m.topic === Events.filingStatusChanged.topic && m.headers[Headers.id] === suspension.changeId)[0],
      120_000,
    );
    expect(sent.key).toBe(`register-${code}`);
    expect(JSON.parse(sent.value)).toMatchObject({
      changeId: suspension.changeId,
      sequence: filingA.sequence + 1,
      action: 'suspend',
      status: 'suspended',
      previousStatus: 'valid',
      filingNumber: filingA.filingNumber,
      suspension: { from: '2025-10-15', until: '2026-01-15' },
      institution: { creditCode: code, name: '长春一汽模具制造有限公司', jurisdiction: '220100' },
      decidedBy: { authority: '长春市人力资源和社会保障局', jurisdiction: '220100' },
    });
  });

  it('changes details, reinstates and cancels, each on the feed; a cancelled entry leaves the register and its notice is no longer valid', async () => {
    const code = A.institution.creditCode;
    const renamed = await call(url(), 'POST', `/register/${code}/status-changes`, {
      token: provinceApprover,
      body: { action: 'change-details', reason: '机构更名', details: { name: '长春一汽模具科技有限公司' } },
    });
    expect(renamed.status).toBe(201);
    expect(renamed.body.status).toBe('suspended');
    const same = await call(url(), 'POST', `/register/${code}/status-changes`, {
      token: provinceApprover,
      body: { action: 'change-details', reason: '再次更名', details: { name: '长春一汽模具科技有限公司' } },
    });
    expect(same.status).toBe(409);
    const reinstated = await call(url(), 'POST', `/register/${code}/status-changes`, {
      token: cityApprover,
      body: { action: 'reinstate', reason: '整改完成，经核查符合要求。' },
    });
    expect(reinstated.status).toBe(201);
    expect(await registerOf(code)).toMatchObject({ status: 'valid', name: '长春一汽模具科技有限公司', statusReason: null, suspendedFrom: null });
    const cancelled = await call(url(), 'POST', `/register/${code}/status-changes`, {
      token: provinceApprover,
      body: { action: 'cancel', reason: '机构申请注销。' },
    });
    expect(cancelled.status).toBe(201);
    expect(await registerOf(code, 'current')).toBeUndefined();
    expect(await registerOf(code, 'cancelled')).toMatchObject({ status: 'cancelled' });
    const again = await call(url(), 'POST', `/register/${code}/status-changes`, { token: provinceApprover, body: { action: 'reinstate', reason: 'x' } });
    expect(again.body).toMatchObject({ currentStatus: 'cancelled', allowedActions: [] });

    const v = (await call(url(), 'GET', `/public/filings/${filingA.filingId}/verification`)).body;
    expect(v).toMatchObject({
      genuine: true,
      valid: false,
      notice: { institution: { name: '长春一汽模具制造有限公司' } },
      register: { name: '长春一汽模具科技有限公司', status: 'cancelled' },
    });
    expect(v.message).toContain('已注销');
    expect(v.register.history.map((h: any) => h.action)).toEqual(['suspend', 'change-details', 'reinstate', 'cancel']);
    expect(v.register.history[1].previousDetails).toEqual({ name: '长春一汽模具制造有限公司' });

    const ids = [suspension.changeId, renamed.body.changeId, reinstated.body.changeId, cancelled.body.changeId];
    const onFeed = () => recorder.find((m) => m.topic === Events.filingStatusChanged.topic && ids.includes(m.headers[Headers.id]));
    await waitFor('four status changes on the national feed', () => new Set(onFeed().map((m) => m.headers[Headers.id])).size === 4, 120_000);
    expect(onFeed().map((m) => JSON.parse(m.value).sequence)).toEqual([1, 2, 3, 4].map((i) => filingA.sequence + i));
    expect(JSON.parse(onFeed()[1].value)).toMatchObject({
      action: 'change-details',
      previousDetails: { name: '长春一汽模具制造有限公司' },
      institution: { name: '长春一汽模具科技有限公司' },
    });

    // The national feed lists and replays filings and status changes as one sequence, with the same ids.
    const feed = await call(url(), 'GET', `/national-feed?fromSequence=${filingA.sequence}`, { token: admin });
    expect(feed.body.items.map((e: any) => e.filingId ?? e.changeId)).toEqual([filingA.filingId, ...ids]);
    const replay = await call(url(), 'POST', '/national-feed/replays', { token: admin, body: { fromSequence: filingA.sequence } });
    expect(replay.body).toMatchObject({ events: 5, firstSequence: filingA.sequence, lastSequence: filingA.sequence + 4 });
    await waitFor('the status changes replayed', () => onFeed().length === 8, 120_000);
    const first = new Map(
      onFeed()
        .slice(0, 4)
        .map((m) => [m.headers[Headers.id], m.value]),
    );
    for (const m of onFeed().slice(4)) expect(m.value).toBe(first.get(m.headers[Headers.id]));
    const rec = await call(url(), 'POST', '/national-feed/reconciliation', { token: admin, body: { heldIds: [filingA.filingId, ...ids.slice(0, 3)] } });
    expect(rec.body.missing.map((m: any) => m.filingId)).toEqual([ids[3]]);
  });

  const imported = { a: validCreditCode(), b: validCreditCode() };

  it('imports the historical register all or nothing: a file with errors names them by row and imports nothing', async () => {
    const before = (await call(url(), 'GET', '/public/register?status=all&pageSize=100')).body.total;
    const csv = [
      '机构名称,统一社会信用代码,机构类型,管辖,备案通知文号,备案日期,备案编号,职业编码,职业名称,等级',
      `吉林市历史机构甲,${imported.a},用人单位,吉林市,吉人社备〔2021〕3号,2021-04-12,JL-2021-003,6-18-01-01,车工,"5,4"`,
      `错误机构,91220101MA0Y3B9X1Z,用人单位,长春市,吉人社备〔2021〕4号,2021-04-12,,6-18-01-01,车工,五级`,
      `错误机构二,${imported.b},学校,北京市,吉人社备〔2021〕5号,2021-13-01,,6-18-1-1,车工,六级`,
      `已备案机构,${A.institution.creditCode},用人单位,长春市,吉人社备〔2021〕6号,2021-04-12,,6-18-01-01,车工,五级`,
    ].join('\n');
    expect((await upload(staff, Buffer.from(csv), 'historical.csv')).status).toBe(403);
    const rejected = await upload(admin, Buffer.from(csv), 'historical.csv');
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ status: 'rejected', imported: 0, rows: 4, code: 'IMPORT_REJECTED' });
    const at = (row: number, column: string) => rejected.body.errors.filter((e: any) => e.row === row && e.column === column);
    expect(at(3, '统一社会信用代码')[0].message).toMatch(/格式|校验位/);
    expect(at(4, '机构类型')).toHaveLength(1);
    expect(at(4, '管辖')).toHaveLength(1);
    expect(at(4, '备案日期')).toHaveLength(1);
    expect(at(4, '职业编码')).toHaveLength(1);
    expect(at(4, '等级')[0].message).toContain('六级');
    expect(at(5, '统一社会信用代码')[0].message).toContain('已在备案名录中');
    expect(rejected.body.errors.some((e: any) => e.row === 2)).toBe(false);
    expect((await call(url(), 'GET', '/public/register?status=all&pageSize=100')).body.total).toBe(before);
    expect(await registerOf(imported.a)).toBeUndefined();
    const badHeader = await upload(admin, Buffer.from('名称,代码\nx,y'), 'bad.csv');
    expect(badHeader.status).toBe(422);
    expect(badHeader.body.errors[0]).toMatchObject({ row: 1, message: expect.stringContaining('未知的列') });
  });

  it('imports an Excel file: the institutions appear in the register and coverage, and intake is told they are filed', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('历史备案');
    sheet.addRow([
      '机构名称',
      '统一社会信用代码',
      '机构类型',
      '管辖',
      '备案通知文号',
      '备案日期',
      '备案编号',
      '地址',
      '职业编码',
      '职业名称',
      '工种',
      '等级',
      '依据',
    ]);
    sheet.addRow([
      '吉林市历史机构甲',
      imported.a,
      '用人单位',
      '220200',
      '吉人社备〔2021〕3号',
      new Date(Date.UTC(2021, 3, 12)),
      'JL-2021-003',
      '吉林市船营区解放路 1 号',
      '6-18-01-01',
      '车工',
      '',
      '五级/初级工、四级/中级工',
      '国家职业技能标准',
    ]);
    sheet.addRow([
      '吉林市历史机构甲',
      imported.a,
      '用人单位',
      '220200',
      '吉人社备〔2021〕3号',
      new Date(Date.UTC(2021, 3, 12)),
      'JL-2021-003',
      '吉林市船营区解放路 1 号',
      '6-18-02-04',
      '焊工',
      '',
      '3',
      '',
    ]);
    sheet.addRow([
      '松原历史评价协会',
      imported.b,
      '社会培训评价组织',
      '松原市',
      '吉人社备〔2020〕9号',
      '2020-11-30',
      '',
      '',
      '4-07-05-02',
      '保育师',
      '',
      '4,3',
      '评价规范',
    ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const done = await upload(admin, file, '历史备案.xlsx');
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'imported', rows: 3, imported: 2, errors: [] });

    expect(await registerOf(imported.a)).toMatchObject({
      name: '吉林市历史机构甲',
      kind: 'employer',
      jurisdiction: '220200',
      source: 'historical',
      status: 'valid',
      noticeNumber: '吉人社备〔2021〕3号',
      noticeDate: '2021-04-12',
      filingNumber: 'JL-2021-003',
      address: '吉林市船营区解放路 1 号',
      occupations: [
        { code: '6-18-01-01', name: '车工', levels: [5, 4], basis: 'national-standard' },
        { code: '6-18-02-04', name: '焊工', levels: [3], basis: 'national-standard' },
      ],
    });
    expect(await registerOf(imported.b)).toMatchObject({
      kind: 'social-org',
      jurisdiction: '220700',
      occupations: [{ code: '4-07-05-02', levels: [4, 3], basis: 'evaluation-norm' }],
    });
    const coverage = (await call(url(), 'GET', '/public/register/coverage')).body;
    expect(coverage.occupations.find((o: any) => o.code === '6-18-02-04').jurisdictions).toEqual([
      { code: '220200', name: '吉林市', institutions: 1, levels: [3] },
    ]);
    expect(coverage.occupations.find((o: any) => o.code === '4-07-05-02').jurisdictions.map((j: any) => j.code)).toContain('220700');

    const told = await waitFor(
      'entry-imported events',
      () => {
        const ms = recorder.find((m) => m.topic === Events.registerEntryImported.topic && [imported.a, imported.b].some((c) => m.key === `register-${c}`));
        return ms.length === 2 ? ms : undefined;
      },
      120_000,
    );
    expect(JSON.parse(told.find((m) => m.key === `register-${imported.a}`)!.value)).toMatchObject({
      importId: done.body.importId,
      noticeNumber: '吉人社备〔2021〕3号',
      filingNumber: 'JL-2021-003',
      institution: { creditCode: imported.a, jurisdiction: '220200' },
    });
    // Imported again: refused, those institutions are in the register now.
    const twice = await upload(admin, file, '历史备案.xlsx');
    expect(twice.status).toBe(422);
    expect(twice.body.errors.filter((e: any) => e.message.includes('已在备案名录中')).map((e: any) => e.row)).toEqual([2, 3, 4]);
    // The register as an Excel workbook, with the search's filters: one row per institution and occupation.
    const xlsx = await fetch(`${url()}/public/register/export.xlsx?city=220200`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const rows = book.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      '机构名称',
      '统一社会信用代码',
      '机构类型',
      '属地',
      '备案编号',
      '备案通知文号',
      '备案日期',
      '状态',
      '职业编码',
      '职业（工种）',
      '等级',
    ]);
    expect(rows.filter((r) => r[1] === imported.a)).toEqual([
      [
        '吉林市历史机构甲',
        imported.a,
        '用人单位',
        '吉林市',
        'JL-2021-003',
        '吉人社备〔2021〕3号',
        '2021-04-12',
        '有效',
        '6-18-01-01',
        '车工',
        '五级/初级工、四级/中级工',
      ],
      ['吉林市历史机构甲', imported.a, '用人单位', '吉林市', 'JL-2021-003', '吉人社备〔2021〕3号', '2021-04-12', '有效', '6-18-02-04', '焊工', '三级/高级工'],
    ]);
    expect(rows.some((r) => r[1] === imported.b)).toBe(false); // 松原 is another city
    const list = await call(url(), 'GET', '/register/imports', { token: admin });
    expect(list.body.items.filter((i: any) => i.status === 'imported').map((i: any) => i.importId)).toContain(done.body.importId);
  });

  it('an imported institution adds an occupation: its filing keeps the 备案编号 and extends its register entry', async () => {
    const entry = await registerOf(imported.a);
    const add = approval({
      jurisdiction: '220200',
      applicationKind: 'add-occupation',
      existingFilingNumber: 'JL-2021-003',
      institution: { ...institution('吉林市历史机构甲', imported.a), address: '吉林市船营区解放路 1 号' },
      occupations: [childcare],
      approvedAt: '2025-10-14T02:00:00.000Z',
    });
    await approve(kafka, add);
    const notice = await noticeWhen(add.caseId, (n) => n.status === 'open', 'open');
    await setClock('2025-10-22T02:00:00.000Z');
    await noticeWhen(add.caseId, (n) => n.filingStatus === 'requested', 'filing requested');
    // Suspended meanwhile by 吉林市: the filing of the added occupation does not lift the suspension (only 恢复 does).
    const suspended = await call(url(), 'POST', `/register/${imported.a}/status-changes`, {
      token: await token('approver', '220200'),
      body: { action: 'suspend', reason: '投诉核查期间暂停。', suspension: { from: '2025-10-20' } },
    });
    expect(suspended.status).toBe(201);
    const issued = await call(url(), 'POST', `/filing-requests/${notice.id}/issue`, { token: provinceApprover });
    expect(issued.status).toBe(201);
    expect(issued.body.filingNumber).toBe('JL-2021-003');
    const after = await registerOf(imported.a);
    expect(after).toMatchObject({ status: 'suspended', suspendedFrom: '2025-10-20', suspendedUntil: null });
    expect(after.occupations.map((o: any) => o.code)).toEqual([...entry.occupations.map((o: any) => o.code), '4-07-05-02']);
    expect(after.filings.map((f: any) => f.applicationKind)).toEqual(['historical', 'add-occupation']);
    const text = squash(await pdfText((await getPdf(`${url()}/public/filings/${issued.body.filingId}/notice.pdf`)).bytes));
    expect(text).toContain(squash('关于同意吉林市历史机构甲增加职业技能等级认定职业（工种）的通知'));
    expect(text).toContain('JL-2021-003');
  });

  it('audits every register decision in the chain, and it verifies', async () => {
    // This spec's decisions only: the run's specs share one database.
    const { rows } = await db.query(
      `SELECT action, count(*)::int AS n FROM publication.audit_log
        WHERE (action LIKE 'register-%' AND details->>'creditCode' = $1) OR (action = 'historical-register-imported' AND details->'creditCodes' ? $2)
        GROUP BY action ORDER BY action`,
      [A.institution.creditCode, imported.a],
    );
    expect(rows).toEqual([
      { action: 'historical-register-imported', n: 1 },
      { action: 'register-cancel', n: 1 },
      { action: 'register-change-details', n: 1 },
      { action: 'register-reinstate', n: 1 },
      { action: 'register-suspend', n: 1 },
    ]);
    expect((await call(url(), 'GET', '/audit/verify', { token: admin })).body).toMatchObject({ ok: true });
  });

  it("exports a notice's objections to Excel for the centre: one row per objection, in order, personal data masked", async () => {
    const O = approval({ institution: institution('长春异议导出测试有限公司', validCreditCode()) });
    await approve(kafka, O);
    const notice = await noticeWhen(O.caseId, (n) => n.status === 'open', 'open');
    const first = await call(url(), 'POST', `/public/notices/${notice.id}/objections`, { body: objector() });
    expect(first.status).toBe(201);
    const second = await call(url(), 'POST', `/public/notices/${notice.id}/objections`, {
      body: { ...objector({ name: '李四', reason: '该机构车工考评员不足 3 名。' }), evidence: '2025年10月实地查看照片 3 张。' },
    });
    expect(second.status).toBe(201);
    const listed = (await call(url(), 'GET', `/notices/${notice.id}/objections`, { token: staff })).body.items;
    const byName = (n: string) => listed.find((o: any) => o.objectorName === n);
    expect((await call(url(), 'POST', `/objections/${byName('张三').id}/investigation`, { token: staff, body: { note: '安排实地核查' } })).status).toBe(200);
    const dismissed = await call(url(), 'POST', `/objections/${byName('李四').id}/resolution`, {
      token: staff,
      body: { outcome: 'dismissed', reason: '经核查该机构有车工考评员 5 名，异议不成立。' },
    });
    expect(dismissed.status).toBe(200);

    const res = await fetch(`${url()}/notices/${notice.id}/objections.xlsx`, { headers: { authorization: `Bearer ${cityApprover}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('长春异议导出测试有限公司异议登记.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('异议登记')!;
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map((c) => (c == null ? '' : String(c))));
    expect(rows[0]).toEqual([
      '受理编号',
      '收到时间',
      '异议人',
      '身份证号',
      '联系电话',
      '异议理由',
      '证据及线索',
      '状态',
      '核查情况',
      '成立范围',
      '处理理由',
      '处理时间',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      [first.body.receiptNumber, '张三'],
      [second.body.receiptNumber, '李四'],
    ]);
    expect([rows[1][3], rows[1][4], rows[1][7], rows[1][8]]).toEqual([maskIdNumber('220102199001011239'), maskPhone('13912345678'), '核查中', '安排实地核查']);
    expect([rows[2][6], rows[2][7], rows[2][10]]).toEqual(['2025年10月实地查看照片 3 张。', '异议不成立', '经核查该机构有车工考评员 5 名，异议不成立。']);
    expect(rows[2][11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const all = rows.flat().join(' ');
    expect(all).not.toContain('220102199001011239');
    expect(all).not.toContain('13912345678');

    // Another city's approver, or the public, gets no file.
    expect((await fetch(`${url()}/notices/${notice.id}/objections.xlsx`, { headers: { authorization: `Bearer ${otherCityApprover}` } })).status).toBe(404);
    expect((await fetch(`${url()}/notices/${notice.id}/objections.xlsx`)).status).toBe(401);
  });

  async function upload(bearer: string, bytes: Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${url()}/register/imports`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  }
});
