import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Kafka } from 'kafkajs';
import { chinaDate } from '@filing/runtime';
import { httpRequest, ServiceProcess, startServiceProcess, testKafka } from '@filing/testing';
import employer from '../src/standards/data/attachment-1-employer.json';
import { adminToken, api, Api, expertToken, moveStage, openCase, sheetAt, staffToken, TestCase, waitForEvaluation } from './fixtures';

/** Small files that are what they say they are (the service checks the bytes against the declared type). */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF 实训车间照片'), Buffer.from([0xff, 0xd9])]);
const PDF = Buffer.from('%PDF-1.4\n% 技术抽查记录\n%%EOF\n');
const EVIDENCE_MAX_BYTES = 64 * 1024;

/**
 * The on-site visit (现场技术评估) recorded on the platform, over the real broker and database: the leader schedules
 * it, each member signs in on the day, entries are recorded by all five methods with evidence files, and the
 * technical opinion shows which methods covered which item. Also a standard entered by an administrator as a table
 * and used by the next case.
 */
describe('assessment: the on-site visit record and standards entered as a table', () => {
  let service: ServiceProcess;
  let kafka: Kafka;
  let http: Api;

  async function upload(path: string, token: string, file: { bytes: Buffer; type: string; name: string } | null, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const r = await httpRequest(`${service.url}${path}`, { method: 'POST', token, body: form });
    return { status: r.status, body: r.json, text: r.text };
  }

  async function atOnsite(): Promise<TestCase> {
    const c = await openCase(kafka, { members: 3 });
    await moveStage(kafka, c.caseId, 'GROUP_FORMED', 'PRELIMINARY_REVIEW');
    await waitForEvaluation(http, c.caseId, 'leader and standard', (e) => e.leaderExpertId === c.leader && e.standard && e.stage === 'PRELIMINARY_REVIEW');
    return c;
  }

  beforeAll(async () => {
    kafka = testKafka();
    service = await startServiceProcess({
      service: 'assessment',
      env: { EVENT_RETRY_BACKOFF_MS: '50', ASSESSMENT_EVIDENCE_MAX_BYTES: String(EVIDENCE_MAX_BYTES) },
    });
    http = api(service.url);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('records the visit by all five methods with evidence; the technical opinion shows the items each method covered', async () => {
    const c = await atOnsite();
    const [e1, e2, e3] = c.experts.map((e) => e.expertId);
    const [t1, t2, t3] = await Promise.all([e1, e2, e3].map((e) => expertToken(e)));
    const outsider = await expertToken(`${c.caseId.slice(0, 8)}-stranger`);
    const today = chinaDate(new Date());
    const path = `/cases/${c.caseId}/onsite-visit`;

    // A finding on the materials points at a material, its version and a page.
    const finding = await http.call('POST', `/cases/${c.caseId}/findings`, t2, {
      text: '考评人员名单与资格证书一致',
      subItemId: '4.1',
      material: { materialId: 'mat-evaluators', version: 2, page: 5 },
    });
    expect(finding.status).toBe(201);
    expect(finding.body.material).toEqual({ materialId: 'mat-evaluators', version: 2, page: 5 });
    const badPointer = await http.call('POST', `/cases/${c.caseId}/findings`, t2, { text: '—', material: { materialId: 'm', version: 0 } });
    expect(badPointer.status).toBe(400);

    // Not planned yet: the answer says so, with the service's date the visit day is measured against.
    expect((await http.call('GET', path, t2)).body).toEqual({ scheduled: false, today });
    expect((await http.call('GET', path, outsider)).status).toBe(404);
    // The leader plans the visit; a member who is not the leader cannot, someone outside the group gets 404.
    const plan = { date: today, place: '长春市绿园区西新工业园 8 号 实训楼', memberIds: [e1, e2, e3] };
    expect((await http.call('PUT', path, t2, plan)).status).toBe(403);
    expect((await http.call('PUT', path, outsider, plan)).status).toBe(404);
    const badPlan = await http.call('PUT', path, t1, { date: '2020-01-01', place: ' ', memberIds: [e1, 'stranger'] });
    expect(badPlan.status).toBe(400);
    expect(badPlan.body.problems).toEqual([`现场评估日期 2020-01-01 早于今天（${today}）`, '请填写现场评估地点', '专家 stranger 不是本案专家组成员']);
    expect((await http.call('PUT', path, t1, plan)).status).toBe(200);

    // Sign-in happens at the on-site stage, on the day, once per member going.
    expect((await http.call('POST', `${path}/sign-in`, t1)).status).toBe(409);
    const r = await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, t1, { result: 'pass', reasons: [], summary: '材料齐全。' });
    expect(r.status).toBe(201);
    await moveStage(kafka, c.caseId, 'PRELIMINARY_REVIEW', 'ONSITE_EVALUATION');
    await waitForEvaluation(http, c.caseId, 'on-site stage', (e) => e.stage === 'ONSITE_EVALUATION');
    expect((await http.call('POST', `${path}/sign-in`, outsider)).status).toBe(404);
    const report = { method: '听取汇报', notes: '单位负责人介绍认定工作组织体系和考评人员队伍。', itemIds: ['1', '4.1'], reporter: '王海（副总经理）' };
    const notSignedIn = await http.call('POST', `${path}/records`, t1, report);
    expect(notSignedIn.status).toBe(409);
    expect(notSignedIn.body.message).toContain('尚未签到');
    for (const t of [t1, t2, t3]) expect((await http.call('POST', `${path}/sign-in`, t)).status).toBe(201);
    expect((await http.call('POST', `${path}/sign-in`, t2)).status).toBe(409);
    // Once someone signed in, the plan is what happened.
    expect((await http.call('PUT', path, t1, { ...plan, place: '别处' })).status).toBe(409);

    // An entry must name the method's details and the standard's items it supports.
    const badRecord = await http.call('POST', `${path}/records`, t1, { method: '听取汇报', notes: '—', itemIds: ['99.9'] });
    expect(badRecord.status).toBe(400);
    expect(badRecord.body.problems).toEqual(['评估项目 99.9 不在本案使用的评估标准中', '听取汇报：请填写汇报人']);
    expect((await http.call('POST', `${path}/records`, t1, { method: '随便看看', notes: '—', itemIds: ['1'] })).status).toBe(400);
    expect((await http.call('POST', `${path}/records`, outsider, report)).status).toBe(404);

    const entries = [
      [t1, report],
      [t2, { method: '现场查看', notes: '实操场地 6 个工位，监控覆盖全部考位。', itemIds: ['5'], sites: ['车工实训车间', '监控室'] }],
      [
        t2,
        {
          method: '访谈咨询',
          notes: '考评员熟悉考评流程。',
          itemIds: ['4'],
          interviewees: [
            { name: '刘强', role: '考评员' },
            { name: '孙丽', role: '督导员' },
          ],
        },
      ],
      [
        t3,
        {
          method: '质询答疑',
          notes: '',
          itemIds: ['6'],
          questions: [{ question: '试卷如何保密？', answer: '专人保管，保密柜双人双锁。' }],
          materials: [{ materialId: 'mat-rules', version: 1, page: 12 }],
        },
      ],
      [
        t3,
        {
          method: '技术抽查',
          notes: '',
          itemIds: ['3.1', '7'],
          checks: [
            { subject: '题库抽查 20 题', result: '符合' },
            { subject: '考评记录抽查 5 份', result: '部分符合', note: '1 份缺签字' },
          ],
        },
      ],
    ] as const;
    const recorded: any[] = [];
    for (const [token, entry] of entries) {
      const res = await http.call('POST', `${path}/records`, token, entry);
      expect(res.status).toBe(201);
      recorded.push(res.body);
    }

    // Evidence: a photo and a document are kept with their sha-256; bad files are refused and change nothing.
    const photo = await upload(`${path}/records/${recorded[1].recordId}/evidence`, t2, { bytes: JPEG, type: 'image/jpeg', name: '实训车间.jpg' });
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({
      fileName: '实训车间.jpg',
      contentType: 'image/jpeg',
      size: JPEG.length,
      sha256: createHash('sha256').update(JPEG).digest('hex'),
    });
    const doc = await upload(`${path}/records/${recorded[4].recordId}/evidence`, t3, { bytes: PDF, type: 'application/pdf', name: '抽查记录.pdf' });
    expect(doc.status).toBe(201);
    const disguised = await upload(`${path}/records/${recorded[1].recordId}/evidence`, t2, {
      bytes: Buffer.from('MZ not a picture'),
      type: 'image/png',
      name: 'x.png',
    });
    expect(disguised.status).toBe(415);
    expect(disguised.body.message).toBe('文件声明为PNG 图片，但内容不是PNG 图片');
    const script = await upload(`${path}/records/${recorded[1].recordId}/evidence`, t2, { bytes: Buffer.from('echo hi'), type: 'text/x-sh', name: 'a.sh' });
    expect(script.status).toBe(415);
    expect(
      (await upload(`${path}/records/${recorded[1].recordId}/evidence`, t2, { bytes: Buffer.alloc(0), type: 'image/jpeg', name: 'empty.jpg' })).status,
    ).toBe(400);
    const big = Buffer.concat([JPEG, Buffer.alloc(EVIDENCE_MAX_BYTES)]);
    const tooLarge = await upload(`${path}/records/${recorded[1].recordId}/evidence`, t2, { bytes: big, type: 'image/jpeg', name: 'big.jpg' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toBe('佐证文件超过大小上限（0.1 MB）');
    expect((await upload(`${path}/records/${recorded[1].recordId}/evidence`, t2, null)).status).toBe(400);
    expect((await upload(`${path}/records/${randomUUID()}/evidence`, t2, { bytes: JPEG, type: 'image/jpeg', name: 'a.jpg' })).status).toBe(404);
    expect((await upload(`${path}/records/${recorded[1].recordId}/evidence`, outsider, { bytes: JPEG, type: 'image/jpeg', name: 'a.jpg' })).status).toBe(404);

    // The group and the centre read the record; someone outside the group cannot read it or its files (404).
    const view = await http.call('GET', path, t3);
    expect(view.status).toBe(200);
    expect(view.body.members.map((m: any) => [m.expertId, typeof m.signedInAt])).toEqual([
      [e1, 'string'],
      [e2, 'string'],
      [e3, 'string'],
    ]);
    expect(view.body.records.map((x: any) => x.method)).toEqual(['听取汇报', '现场查看', '访谈咨询', '质询答疑', '技术抽查']);
    expect(view.body.records[1].evidence).toHaveLength(1);
    expect(view.body.records[3].materials).toEqual([{ materialId: 'mat-rules', version: 1, page: 12 }]);
    expect(view.body.records[4].detail).toBe('抽查：题库抽查 20 题（符合）；考评记录抽查 5 份（部分符合，1 份缺签字）');
    expect((await http.call('GET', path, await staffToken())).status).toBe(200);
    expect((await http.call('GET', path, outsider)).status).toBe(404);
    const evidenceId = view.body.records[1].evidence[0].evidenceId;
    const file = await fetch(`${service.url}${path}/evidence/${evidenceId}`, { headers: { authorization: `Bearer ${t1}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(JPEG)).toBe(true);
    expect(file.headers.get('x-content-sha256')).toBe(photo.body.sha256);
    expect((await http.call('GET', `${path}/evidence/${evidenceId}`, outsider)).status).toBe(404);

    // Score sheets no longer tick methods: the visit record shows them. A score can point at a material page.
    const items = (await waitForEvaluation(http, c.caseId, 'scope', (e) => e.scope)).scope.items;
    for (const t of [t1, t2, t3]) {
      const { methods: _ticks, ...sheet } = sheetAt(items, 0.8);
      const scores = [{ ...sheet.scores[0], material: { materialId: 'mat-org', version: 1, page: 2 } }, ...sheet.scores.slice(1)];
      expect((await http.call('PUT', `/cases/${c.caseId}/score-sheets/mine`, t, { ...sheet, scores })).status).toBe(200);
      expect((await http.call('POST', `/cases/${c.caseId}/score-sheets/mine/submit`, t)).status).toBe(200);
    }
    const sheets = await http.call('GET', `/cases/${c.caseId}/score-sheets`, t1);
    expect(sheets.body[0].scores[0].material).toEqual({ materialId: 'mat-org', version: 1, page: 2 });

    const technical = await http.call('POST', `/cases/${c.caseId}/opinions/technical`, t1, { summary: '现场技术评估符合要求。' });
    expect(technical.status).toBe(201);
    expect(technical.body.methodsUsed).toEqual(['听取汇报', '现场查看', '访谈咨询', '质询答疑', '技术抽查']);
    const coverage = Object.fromEntries(technical.body.onsiteVisit.coverage.map((x: any) => [x.itemId, x.methods]));
    expect(coverage).toEqual({
      '1': ['听取汇报'],
      '2': [],
      '3': ['技术抽查'],
      '4': ['听取汇报', '访谈咨询'],
      '5': ['现场查看'],
      '6': ['质询答疑'],
      '7': ['技术抽查'],
    });
    expect(technical.body.standard).toMatchObject({ standardId: 'jl-attachment-1-employer', version: '1', provisional: true });
    // The record closes with the technical opinion.
    expect((await http.call('POST', `${path}/records`, t1, report)).status).toBe(409);

    const page = (await http.call('GET', `/cases/${c.caseId}/opinions/technical.html`, await staffToken())).text;
    expect(page).toContain(`${today}　长春市绿园区西新工业园 8 号 实训楼`);
    expect(page).toContain('张伟（已签到）、王芳（已签到）、李娜（已签到）');
    expect(page).toContain('汇报人：王海（副总经理）');
    expect(page).toContain('佐证 实训车间.jpg');
    expect(page).toContain('aria-label="评估方式覆盖的评估项目"');
    expect(page).toContain('4 考评人员');
    expect(page).toContain('第 1 版为默认标准（试行）');
    const preliminary = (await http.call('GET', `/cases/${c.caseId}/opinions/preliminary.html`, await staffToken())).text;
    expect(preliminary).toContain('（材料 mat-evaluators 第 2 版 第 5 页）');
    expect(preliminary).toContain('第 1 版为默认标准（试行）');
  });

  it('loads a standard an administrator entered as a table, names every wrong row, and pins it for the next case', async () => {
    const admin = await adminToken();
    const today = chinaDate(new Date());
    // The template is a loaded version as the table: the default, ready to be edited.
    const template = await fetch(`${service.url}/standards/jl-attachment-1-employer/versions/1/sheet.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '类型', '编号', '名称', '分值', '职业相关', '评估方式', '评分办法', '佐证材料']);
    expect(sheet.rowCount).toBe(1 + employer.items.length + employer.items.reduce((n, i) => n + i.subItems.length, 0) + employer.vetoes.length);

    const head = {
      standardId: 'jl-attachment-1-employer',
      version: '2',
      institutionKind: 'employer',
      title: '企业职业技能等级认定技术评估标准',
      effectiveFrom: today,
      total: '100',
      passLine: '75',
      provisional: 'false',
      provenance: '吉人社规〔2022〕7号 附件1（管理员录入）',
    };
    // A wrong cell: every row error named, nothing loaded.
    sheet.getRow(3).getCell(4).value = '四';
    sheet.getRow(4).getCell(6).value = '电话';
    const wrong = await upload(
      '/standards/imports',
      admin,
      { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), type: 'application/octet-stream', name: '附件1.xlsx' },
      head,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { row: 3, column: '分值', message: '分值“四”应为大于 0 的数' },
      { row: 4, column: '评估方式', message: '评估方式“电话”应为 材料审核 或 现场评估' },
    ]);
    // Rows that read but do not add up: the standard's own checks.
    sheet.getRow(3).getCell(4).value = 5;
    sheet.getRow(4).getCell(6).value = '现场评估';
    const unbalanced = await upload(
      '/standards/imports',
      admin,
      { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), type: 'application/octet-stream', name: '附件1.xlsx' },
      head,
    );
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.problems).toContain("item 1 (组织保障): sub-item points add up to 16, not the item's 15");
    expect((await http.call('GET', '/standards', admin)).body.filter((s: any) => s.version === '2')).toEqual([]);
    // Only a provincial administrator loads standards.
    expect((await upload('/standards/imports', await adminToken('220100'), { bytes: Buffer.from('x'), type: 'text/csv', name: 'a.csv' }, head)).status).toBe(
      403,
    );

    sheet.getRow(3).getCell(4).value = 4;
    sheet.getRow(3).getCell(6).value = '现场评估';
    const loaded = await upload(
      '/standards/imports',
      admin,
      { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), type: 'application/octet-stream', name: '附件1.xlsx' },
      head,
    );
    expect(loaded.status).toBe(201);
    expect(loaded.body).toMatchObject({ standardId: 'jl-attachment-1-employer', version: '2', effectiveFrom: today });
    const stored = await http.call('GET', '/standards/jl-attachment-1-employer/versions/2', admin);
    expect(stored.body).toMatchObject({ passLine: 75, provisional: false });
    expect(stored.body.items[0].subItems[0]).toMatchObject({ id: '1.1', maxPoints: 4, method: 'onsite' });

    // The next case formed today is evaluated on it, and its opinions say so.
    const c = await atOnsite();
    const ev = await waitForEvaluation(http, c.caseId, 'the new standard pinned', (e) => e.standard);
    expect(ev.standard).toMatchObject({ standardId: 'jl-attachment-1-employer', version: '2', provisional: false, passLine: 75 });
    const op = await http.call('POST', `/cases/${c.caseId}/opinions/preliminary`, await expertToken(c.leader), {
      result: 'pass',
      reasons: [],
      summary: '材料齐全。',
    });
    expect(op.body.standard).toMatchObject({ version: '2', provisional: false });
    const page = (await http.call('GET', `/cases/${c.caseId}/opinions/preliminary.html`, await staffToken())).text;
    expect(page).toContain('企业职业技能等级认定技术评估标准（第 2 版）');
    expect(page).not.toContain('默认标准');
  });
});
