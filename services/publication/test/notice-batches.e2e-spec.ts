import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { ServiceProcess, startServiceProcess, testKafka, waitFor } from '@filing/testing';
import { renderNoticeBatch } from '../src/documents/notice-batch.document';
import { approval, approve, call, childcare, creditCode, institution, lathe, token } from './fixtures';
import { getPdf, pdfFonts, pdfText, sha256, squash } from './pdf-tools';

/**
 * 公示批次: the centre lists several open notices of its jurisdiction in one 公示 (its own number and date), published
 * as data for the web page and as a PDF; each notice keeps its own window. Refusals change nothing. Real broker and
 * database, controllable clock.
 */
const CONSOLE = 'https://jl-filing.example.cn';
const ENV = {
  CLOCK_MODE: 'controllable',
  NOTICE_POLL_MS: '200',
  EVENT_RETRY_BACKOFF_MS: '50',
  PUBLIC_CONSOLE_URL: CONSOLE,
  CENTRE_CONTACTS: JSON.stringify({ '220100': { unit: '长春市职业技能鉴定中心', phone: '0431-88888888', address: '长春市人民大街 1 号' } }),
};
const welder = { code: '6-18-02-04', name: '焊工', levels: [4, 3], basis: 'national-standard' as const };

describe('publication notice batches (公示批次)', () => {
  let kafka: Kafka;
  let svc: ServiceProcess;
  let db: Client;
  let staff: string, otherCityStaff: string, provinceStaff: string, approver: string;
  const url = () => svc.url;
  const setClock = async (now: string) => expect((await call(url(), 'POST', '/test/clock', { body: { now } })).status).toBe(201);
  const noticeWhen = (caseId: string, pred: (n: any) => boolean, what: string) =>
    waitFor(
      `case ${caseId}: ${what}`,
      async () => {
        const r = await call(url(), 'GET', `/notices/by-case/${caseId}`, { token: provinceStaff });
        return r.status === 200 && pred(r.body) ? r.body : undefined;
      },
      180_000,
    );
  const batch = (noticeIds: unknown, bearer = staff) => call(url(), 'POST', '/notice-batches', { token: bearer, body: { noticeIds } });

  beforeAll(async () => {
    kafka = testKafka();
    [staff, otherCityStaff, provinceStaff, approver] = await Promise.all([
      token('center-staff', '220100'),
      token('center-staff', '220200'),
      token('center-staff', '220000'),
      token('approver', '220100'),
    ]);
    svc = await startServiceProcess({ service: 'publication', name: 'publication-notice-batches', env: ENV });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await setClock('2025-09-29T02:00:00.000Z');
  });

  afterAll(async () => {
    await db?.end();
    await svc?.stop();
  });

  const A = approval({ institution: institution('长春批次甲机械有限公司', creditCode()), occupations: [lathe] });
  const B = approval({ institution: institution('长春批次乙养育服务有限公司', creditCode()), occupations: [childcare] });
  const C = approval({ institution: institution('长春批次丙焊接技术有限公司', creditCode()), occupations: [welder, lathe] });
  const F = approval({ institution: institution('长春批次丁已结束有限公司', creditCode()) });
  const notices: Record<string, any> = {};
  let created: any;

  it('lists three open notices in one 公示: its own number and date, the rows in order, each linking to its notice', async () => {
    for (const a of [A, B, C, F]) await approve(kafka, a);
    for (const [k, a] of Object.entries({ A, B, C, F })) notices[k] = await noticeWhen(a.caseId, (n) => n.status === 'open', 'open');

    const res = await batch([notices.A.id, notices.B.id, notices.C.id]);
    expect(res.status).toBe(201);
    created = res.body;
    expect(created).toMatchObject({
      number: expect.stringMatching(/^公示〔2025〕第\d+号$/),
      jurisdiction: '220100',
      issueDate: '2025-09-29',
      notices: [
        { position: 1, noticeId: notices.A.id, caseId: A.caseId },
        { position: 2, noticeId: notices.B.id, caseId: B.caseId },
        { position: 3, noticeId: notices.C.id, caseId: C.caseId },
      ],
      pdfUrl: `/public/notice-batches/${created.batchId}.pdf`,
    });

    const page = await call(url(), 'GET', `/public/notice-batches/${created.batchId}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      batchId: created.batchId,
      number: created.number,
      issueDate: '2025-09-29',
      title: '关于长春批次甲机械有限公司等3家机构职业技能等级认定机构备案技术评估结果的公示',
      jurisdiction: { code: '220100', name: '长春市' },
      issuingUnit: { unit: '长春市职业技能鉴定中心' },
      commonPeriod: { startDate: '2025-09-29', endDate: '2025-10-13', workingDays: 5 },
    });
    expect(page.body.rows).toHaveLength(3);
    expect(
      page.body.rows.map((r: any) => [r.position, r.institution.name, r.institution.creditCode, r.institution.kindName, r.occupations.map((o: any) => o.code)]),
    ).toEqual([
      [1, '长春批次甲机械有限公司', A.institution.creditCode, '用人单位', ['6-18-01-01']],
      [2, '长春批次乙养育服务有限公司', B.institution.creditCode, '用人单位', ['4-07-05-02']],
      [3, '长春批次丙焊接技术有限公司', C.institution.creditCode, '用人单位', ['6-18-02-04', '6-18-01-01']],
    ]);
    expect(page.body.rows[2].occupations[0].levels).toEqual([
      { level: 4, name: '四级/中级工' },
      { level: 3, name: '三级/高级工' },
    ]);
    for (const [i, k] of ['A', 'B', 'C'].entries()) {
      expect(page.body.rows[i]).toMatchObject({
        noticeId: notices[k].id,
        period: { startDate: '2025-09-29', endDate: '2025-10-13', workingDays: 5 },
        acceptingObjections: true,
        status: 'open',
        noticeUrl: `/public/notices/${notices[k].id}`,
        pageUrl: `${CONSOLE}/notices/${notices[k].id}`,
      });
    }
    // Each notice is as it was: its own window, status and objections.
    for (const k of ['A', 'B', 'C']) {
      const own = await call(url(), 'GET', `/notices/by-case/${notices[k].caseId}`, { token: staff });
      expect(own.body).toMatchObject({ status: 'open', startDate: '2025-09-29', endDate: '2025-10-13', closesAt: notices[k].closesAt });
    }
    const listed = await call(url(), 'GET', '/notice-batches', { token: staff });
    expect(listed.body.items.find((b: any) => b.id === created.batchId)).toMatchObject({ number: created.number, notices: 3 });
    expect((await call(url(), 'GET', '/notice-batches', { token: otherCityStaff })).body.items.some((b: any) => b.id === created.batchId)).toBe(false);
    expect((await call(url(), 'GET', `/public/notice-batches/${randomUUID()}`)).body).toMatchObject({ code: 'NOTICE_BATCH_NOT_FOUND' });
  });

  it('publishes the batch as a PDF: number, every institution and its occupations, the common window, how to object; deterministic', async () => {
    const pdf = await getPdf(`${url()}/public/notice-batches/${created.batchId}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-document-sha256')).toBe(sha256(pdf.bytes));
    const text = squash(await pdfText(pdf.bytes, { raw: true }));
    for (const s of [
      '关于长春批次甲机械有限公司等3家机构职业技能等级认定机构备案技术评估结果的公示',
      created.number,
      '长春批次甲机械有限公司',
      '长春批次乙养育服务有限公司',
      '长春批次丙焊接技术有限公司',
      A.institution.creditCode,
      B.institution.creditCode,
      C.institution.creditCode,
      '6-18-01-01车工',
      '4-07-05-02保育师',
      '6-18-02-04焊工',
      '四级/中级工、三级/高级工',
      '公示期：2025年9月29日至2025年10月13日（5个工作日）',
      '真实姓名',
      '匿名',
      '长春市职业技能鉴定中心',
      '0431-88888888',
      `${CONSOLE}/notice-batches/${created.batchId}`,
      '2025年9月29日',
    ]) {
      expect({ missing: s, found: text.includes(squash(s)) }).toEqual({ missing: s, found: true });
    }
    for (const f of await pdfFonts(pdf.bytes)) expect(f).toMatchObject({ name: expect.stringMatching(/^[A-Z]{6}\+NotoSerifCJKsc-/), emb: true, sub: true });

    // Recorded once with its sha-256; downloaded again, the same bytes; made again from the data, the same bytes.
    const { rows } = await db.query(`SELECT number, sha256, size FROM publication.document WHERE kind = 'public-notice-batch' AND subject_id = $1`, [
      created.batchId,
    ]);
    expect(rows).toEqual([{ number: created.number, sha256: sha256(pdf.bytes), size: pdf.bytes.length }]);
    expect((await getPdf(`${url()}/public/notice-batches/${created.batchId}.pdf`)).bytes.equals(pdf.bytes)).toBe(true);
    await db.query(`DELETE FROM publication.document WHERE kind = 'public-notice-batch' AND subject_id = $1`, [created.batchId]);
    const remade = await getPdf(`${url()}/public/notice-batches/${created.batchId}.pdf`);
    expect(remade.bytes.equals(pdf.bytes)).toBe(true);
    expect((await getPdf(`${url()}/public/notice-batches/${randomUUID()}.pdf`)).status).toBe(404);

    // In-process: the same data gives the same bytes; rows with different windows each show their own.
    const row = (n: typeof A, startDate: string, endDate: string) => ({
      id: randomUUID(),
      institution: n.institution,
      occupations: n.occupations,
      applicationKind: n.applicationKind,
      startDate,
      endDate,
      workingDays: 5,
    });
    const data = {
      number: '公示〔2025〕第9号',
      issueDate: '2025-10-09',
      notices: [row(A, '2025-09-29', '2025-10-13'), row(B, '2025-10-09', '2025-10-15')],
      contact: { unit: '长春市职业技能鉴定中心' },
      pageUrl: `${CONSOLE}/notice-batches/x`,
    };
    const [x, y] = [await renderNoticeBatch(data), await renderNoticeBatch(structuredClone(data))];
    expect(x.equals(y)).toBe(true);
    const own = squash(await pdfText(x, { raw: true }));
    for (const s of ['2025年9月29日至2025年10月13日', '2025年10月9日至2025年10月15日', '各机构的公示期见上表']) expect(own).toContain(squash(s));
  });

  it('refuses with a problem document and changes nothing: empty, repeated, too many, unknown, another jurisdiction, mixed, closed, batched', async () => {
    // The window of the first notices ends; new notices open on 10-14.
    await setClock('2025-10-14T02:00:00.000Z');
    for (const k of ['A', 'B', 'C', 'F']) await noticeWhen(notices[k].caseId, (n) => n.status === 'closed', 'closed');
    const D = approval({ institution: institution('长春批次戊有限公司', creditCode()) });
    const G = approval({ institution: institution('长春批次己有限公司', creditCode()) });
    const E = approval({ jurisdiction: '220200', institution: institution('吉林市批次庚有限公司', creditCode()) });
    for (const a of [D, G, E]) await approve(kafka, a);
    const [d, g, e] = [
      await noticeWhen(D.caseId, (n) => n.status === 'open', 'open'),
      await noticeWhen(G.caseId, (n) => n.status === 'open', 'open'),
      await noticeWhen(E.caseId, (n) => n.status === 'open', 'open'),
    ];
    const alone = await batch([g.id]);
    expect(alone.status).toBe(201);
    expect(alone.body.number).not.toBe(created.number);

    // One query after another: a pg client runs one at a time.
    const fingerprint = async () => {
      const parts: unknown[] = [];
      for (const sql of [
        `SELECT id, status, start_date, end_date, closes_at FROM publication.notice ORDER BY id`,
        `SELECT * FROM publication.notice_batch ORDER BY id`,
        `SELECT * FROM publication.notice_batch_item ORDER BY batch_id, position`,
        `SELECT name, value FROM publication.counter ORDER BY name`,
        `SELECT count(*) FROM publication.audit_log WHERE action = 'notice-batch-created'`,
      ])
        parts.push((await db.query(sql)).rows);
      return JSON.stringify(parts);
    };
    const before = await fingerprint();
    const cases: [string, unknown, string, number, string][] = [
      ['empty', [], staff, 400, 'NOTICE_BATCH_EMPTY'],
      ['repeated', [d.id, d.id], staff, 400, 'NOTICE_BATCH_DUPLICATE_NOTICE'],
      ['too many', Array.from({ length: 31 }, () => randomUUID()), staff, 400, 'NOTICE_BATCH_TOO_LARGE'],
      ['unknown', [d.id, randomUUID()], staff, 404, 'NOTICE_BATCH_NOTICE_NOT_FOUND'],
      ['another jurisdiction', [d.id, e.id], staff, 404, 'NOTICE_BATCH_NOTICE_NOT_FOUND'],
      ['mixed jurisdictions (the province)', [d.id, e.id], provinceStaff, 422, 'NOTICE_BATCH_MIXED_JURISDICTIONS'],
      ['closed', [d.id, notices.F.id], staff, 409, 'NOTICE_BATCH_NOTICE_NOT_OPEN'],
      ['already in a batch', [d.id, g.id], staff, 409, 'NOTICE_BATCH_NOTICE_ALREADY_BATCHED'],
      ['not a list of ids', ['x'], staff, 400, 'VALIDATION_FAILED'],
      ['not a list', 'x', staff, 400, 'VALIDATION_FAILED'],
    ];
    const wrong: unknown[] = [];
    for (const [what, ids, bearer, status, code] of cases) {
      const res = await batch(ids, bearer);
      if (res.status !== status || res.body?.code !== code || !/[\u4e00-\u9fff]/.test(res.body?.detail ?? ''))
        wrong.push({ what, status: res.status, body: res.body });
    }
    expect(wrong).toEqual([]);
    const named = await batch([d.id, g.id]);
    expect(named.body).toMatchObject({ noticeIds: [g.id], detail: expect.stringContaining(alone.body.number) });
    // Only the centre groups notices; the public not at all.
    expect((await batch([d.id], approver)).status).toBe(403);
    expect((await call(url(), 'POST', '/notice-batches', { body: { noticeIds: [d.id] } })).status).toBe(401);
    expect(await fingerprint()).toBe(before);
  });

  it('two batches taking the same notice at once: one is made, the other refused as already batched', async () => {
    const [D, H] = [
      approval({ institution: institution('长春批次辛有限公司', creditCode()) }),
      approval({ institution: institution('长春批次壬有限公司', creditCode()) }),
    ];
    for (const a of [D, H]) await approve(kafka, a);
    const d = await noticeWhen(D.caseId, (n) => n.status === 'open', 'open');
    const h = await noticeWhen(H.caseId, (n) => n.status === 'open', 'open');
    const answers = await Promise.all([batch([d.id]), batch([h.id, d.id])]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({ code: 'NOTICE_BATCH_NOTICE_ALREADY_BATCHED', noticeIds: [d.id] });
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM publication.notice_batch_item WHERE notice_id = ANY($1::uuid[])`, [[d.id, h.id]]);
    expect(rows[0].n).toBe(answers[0].status === 201 ? 1 : 2);
  });
});
