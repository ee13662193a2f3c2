import * as http from 'node:http';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { startServiceProcess, ServiceProcess, waitFor } from '@filing/testing';
import { call, expertFields, idNumber, token } from './expert-fixtures';

/** The expert database over HTTP: the real service process and PostgreSQL. */
describe('expert database (专家库)', () => {
  let svc: ServiceProcess;
  let staff: string;
  let officer: string;
  const L = '220200'; // 吉林市 keeps its own database

  beforeAll(async () => {
    svc = await startServiceProcess({ service: 'expert-pool', name: 'expert-pool-experts', env: { IMPORT_SYNC_MAX_ROWS: '100' } });
    staff = await token('center-staff', L);
    officer = await token('discipline-officer', L);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('centre staff create an expert; the ID number is masked except to the discipline officer', async () => {
    const created = await call(svc.url, 'POST', '/experts', staff, expertFields(1));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ level: L, status: 'active', name: '专家1' });
    expect(created.body.idNumber).toBe(idNumber(1).slice(0, 4) + '*'.repeat(10) + idNumber(1).slice(-4));
    const asStaff = await call(svc.url, 'GET', `/experts/${created.body.id}`, staff);
    expect(asStaff.body.idNumber).toContain('*');
    const asOfficer = await call(svc.url, 'GET', `/experts/${created.body.id}`, officer);
    expect(asOfficer.body.idNumber).toBe(idNumber(1));
    const listed = await call(svc.url, 'GET', '/experts?q=专家1', staff);
    expect(listed.body.items.every((e: any) => e.idNumber.includes('*'))).toBe(true);
  });

  it('refuses bad input naming the field, duplicates with 409, another level’s records as not found (404)', async () => {
    const bad = await call(
      svc.url,
      'POST',
      '/experts',
      staff,
      expertFields(2, { idNumber: idNumber(2).slice(0, 17) + (idNumber(2).endsWith('0') ? '1' : '0') }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('idNumber');
    const noTitle = await call(svc.url, 'POST', '/experts', staff, { ...expertFields(3), title: undefined });
    expect(noTitle.status).toBe(422);
    expect(noTitle.body.message).toContain('title or skillLevel');
    const dup = await call(svc.url, 'POST', '/experts', staff, expertFields(1));
    expect(dup.status).toBe(409);
    const otherCity = await call(svc.url, 'POST', '/experts', await token('center-staff', '220300'), expertFields(4));
    expect(otherCity.status).toBe(201); // 四平 has its own database
    const created = await call(svc.url, 'POST', '/experts', staff, expertFields(5));
    const foreign = await call(svc.url, 'GET', `/experts/${created.body.id}`, await token('center-staff', '220300'));
    expect(foreign.status).toBe(404);
    const noDatabase = await call(svc.url, 'POST', '/experts', await token('center-staff', '220581'), expertFields(6));
    expect(noDatabase.status).toBe(422);
    expect(noDatabase.body.message).toContain('keeps no expert database');
    const officerWrites = await call(svc.url, 'POST', '/experts', officer, expertFields(7));
    expect(officerWrites.status).toBe(403);
  });

  it('edits, suspends, reinstates and removes; removal is final', async () => {
    const { body: e } = await call(svc.url, 'POST', '/experts', staff, expertFields(10));
    const edited = await call(svc.url, 'PATCH', `/experts/${e.id}`, staff, {
      occupationCodes: ['6-18-01-01', '6-18-02-04'],
      employer: { name: '吉林化纤股份有限公司' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ occupationCodes: ['6-18-01-01', '6-18-02-04'], employer: { name: '吉林化纤股份有限公司' } });
    const suspended = await call(svc.url, 'POST', `/experts/${e.id}/suspend`, staff, { reason: 'missed two evaluations' });
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'missed two evaluations' });
    expect((await call(svc.url, 'POST', `/experts/${e.id}/reinstate`, staff, { reason: 'explained' })).body.status).toBe('active');
    expect((await call(svc.url, 'POST', `/experts/${e.id}/remove`, staff, { reason: 'term ended early' })).body.status).toBe('removed');
    const again = await call(svc.url, 'POST', `/experts/${e.id}/reinstate`, staff, { reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('removed');

    // Every change is in the hash-chained audit log, with who, when, why and what changed (ID number masked).
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT action, from_stage, to_stage, actor, reason, details FROM expert_pool.audit_log WHERE details->>'expertId' = $1 ORDER BY seq`,
        [e.id],
      );
      expect(rows.map((r) => r.action)).toEqual(['expert-created', 'expert-updated', 'expert-suspended', 'expert-reinstated', 'expert-removed']);
      expect(rows.every((r) => r.actor.role === 'center-staff' && r.actor.jurisdiction === L)).toBe(true);
      expect(rows[0].details).toMatchObject({ level: L, name: '专家10', idNumber: expect.stringContaining('*') });
      expect(JSON.stringify(rows)).not.toContain(idNumber(10));
      expect(rows[1].details.changes).toMatchObject({
        occupationCodes: { to: ['6-18-01-01', '6-18-02-04'] },
        employer: { to: { name: '吉林化纤股份有限公司' } },
      });
      expect(rows[2]).toMatchObject({ from_stage: 'active', to_stage: 'suspended', reason: 'missed two evaluations' });
    } finally {
      await db.end();
    }
    const admin = await token('admin', L);
    expect((await call(svc.url, 'GET', '/audit/verify', admin)).body).toMatchObject({ ok: true });
  });

  it('a JSON import with one bad row imports nothing and names the row', async () => {
    const before = (await call(svc.url, 'GET', '/experts?limit=1', staff)).body.total;
    const rows = [expertFields(20), expertFields(21), expertFields(22, { occupationCodes: ['lathe'] }), expertFields(23)];
    const res = await call(svc.url, 'POST', '/experts/imports', staff, rows);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 'rejected', total: 4, validated: 4, imported: 0 });
    expect(res.body.errors).toEqual([{ row: 3, problems: [expect.stringContaining('occupationCodes')] }]);
    expect(res.body.message).toContain('row 3');
    expect((await call(svc.url, 'GET', '/experts?limit=1', staff)).body.total).toBe(before);
  });

  it('a CSV import names the bad row and line; partial mode imports the valid rows', async () => {
    const header = 'name,idNumber,employerName,employerCreditCode,title,occupationCodes,region,phone,termStart,termEnd,declaredConflicts';
    const line = (n: number, extra = '') =>
      `专家${n},${idNumber(n)},"吉林大学, 机械学院",,教授,6-18-01-01;6-18-02-04,220200,13904310000,2025-01-01,2029-12-31,${extra}`;
    const csv = [
      header,
      line(30),
      line(31, '"[{""name"":""长春一汽模具制造有限公司"",""nature"":""shares""}]"'),
      `专家32,${idNumber(32)},吉林大学,,教授,6-18-01-01,229999,139,2025-01-01,,`,
      line(30),
    ].join('\n');
    const all = await call(svc.url, 'POST', '/experts/imports', staff, csv, 'text/csv');
    expect(all.status).toBe(422);
    expect(all.body.errors.map((e: any) => [e.row, e.line])).toEqual([
      [3, 4],
      [4, 5],
    ]);
    expect(all.body.errors[0].problems.join()).toMatch(/region|contact.phone/);
    expect(all.body.errors[1].problems.join()).toContain('row 1');
    const partial = await call(svc.url, 'POST', '/experts/imports?mode=partial', staff, csv, 'text/csv');
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ status: 'completed', imported: 2, total: 4 });
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT details FROM expert_pool.audit_log WHERE action = 'experts-imported' AND details->>'importId' = $1`, [
        partial.body.id,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0].details).toMatchObject({
        format: 'csv',
        mode: 'partial',
        imported: 2,
        rejectedRows: 2,
        expertIds: expect.any(Array),
        expertIdsSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    } finally {
      await db.end();
    }
    const listed = await call(svc.url, 'GET', '/experts?q=专家31', staff);
    expect(listed.body.items[0]).toMatchObject({
      employer: { name: '吉林大学, 机械学院' },
      declaredConflicts: [{ name: '长春一汽模具制造有限公司', nature: 'shares' }],
    });
  });

  it('the Excel template, filled in: a check (校验) names the bad row and imports nothing, then the import', async () => {
    const template = await fetch(`${svc.url}/experts/imports/templates/expert-import.xlsx`, { headers: { authorization: `Bearer ${staff}` } });
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    const sheet = workbook.getWorksheet('专家')!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '身份证号', '工作单位', '擅长职业', '所在地区', '联系电话', '聘期开始']));
    expect(workbook.getWorksheet('填写说明')).toBeDefined();
    // Cells as a spreadsheet holds them: 性别 in Chinese, dates as dates, a number for the level.
    const heading = (sheet.getRow(1).values as string[]).slice(1);
    const put = (values: Record<string, unknown>) => sheet.addRow(heading.map((h) => values[h] ?? null));
    const person = (n: number, over: Record<string, unknown> = {}) => ({
      姓名: `表格专家${n}`,
      性别: '女',
      身份证号: idNumber(n),
      工作单位: '北华大学',
      职业技能等级: 1,
      擅长职业: '6-18-01-01；6-18-02-04',
      所在地区: '220200',
      联系电话: '13904310000',
      聘期开始: new Date(Date.UTC(2026, 0, 1)),
      ...over,
    });
    put(person(40));
    put(person(41, { 所在地区: '229999' }));
    put(person(42));
    const upload = async (mode: string) => {
      const form = new FormData();
      form.append('file', new Blob([await workbook.xlsx.writeBuffer()]), '专家.xlsx');
      const res = await fetch(`${svc.url}/experts/imports?mode=${mode}`, { method: 'POST', headers: { authorization: `Bearer ${staff}` }, body: form });
      return { status: res.status, body: (await res.json()) as any };
    };
    const before = (await call(svc.url, 'GET', '/experts?limit=1', staff)).body.total;
    const bad = await upload('check');
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ status: 'rejected', format: 'xlsx', mode: 'check', total: 3, imported: 0 });
    expect(bad.body.errors).toEqual([{ row: 2, line: 3, problems: [expect.stringContaining('region')] }]);
    sheet.getRow(3).getCell(heading.indexOf('所在地区') + 1).value = '220200';
    const good = await upload('check');
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ status: 'checked', total: 3, validated: 3, imported: 0, errors: [] });
    expect((await call(svc.url, 'GET', '/experts?limit=1', staff)).body.total).toBe(before);
    const done = await upload('all');
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'completed', format: 'xlsx', imported: 3 });
    const listed = await call(svc.url, 'GET', '/experts?q=表格专家41', staff);
    expect(listed.body.items[0]).toMatchObject({
      gender: 'female',
      skillLevel: 1,
      termStart: '2026-01-01',
      occupationCodes: ['6-18-01-01', '6-18-02-04'],
      region: '220200',
    });
  });

  it('the CSV template has the Chinese headings, and an import headed by them reads the same', async () => {
    const template = await fetch(`${svc.url}/experts/imports/templates/expert-import.csv`, { headers: { authorization: `Bearer ${staff}` } });
    expect(template.status).toBe(200);
    const header = (await template.text()).replace(/^\uFEFF/, '').trim();
    expect(header.split(',')).toEqual(expect.arrayContaining(['姓名', '身份证号', '擅长职业']));
    const empty = await call(svc.url, 'POST', '/experts/imports?mode=check', staff, header, 'text/csv');
    expect(empty.status).toBe(400);
    const cells: Record<string, string> = {
      姓名: '模板专家',
      身份证号: idNumber(50),
      工作单位: '长春工业大学',
      职称: '教授',
      擅长职业: '6-18-01-01',
      所在地区: '220200',
      联系电话: '13904310000',
      聘期开始: '2026-01-01',
    };
    const row = header
      .split(',')
      .map((h) => cells[h] ?? '')
      .join(',');
    const checked = await call(svc.url, 'POST', '/experts/imports?mode=check', staff, `${header}\n${row}`, 'text/csv');
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ status: 'checked', format: 'csv', total: 1, errors: [] });
    const refused = await fetch(`${svc.url}/experts/imports/templates/expert-import.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    expect(refused.status).toBe(403);
  });

  it('a long import answers 202 with a job whose progress can be polled', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => expertFields(1000 + i, { idNumber: idNumber(100000 + i), name: `批量${i}` }));
    // Files of any size go as a multipart upload (a JSON body is capped by the global parser at 100 kB).
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify({ experts: rows })], { type: 'application/json' }), 'experts.json');
    const upload = await fetch(`${svc.url}/experts/imports`, { method: 'POST', headers: { authorization: `Bearer ${staff}` }, body: form });
    const res = { status: upload.status, headers: upload.headers, body: (await upload.json()) as any };
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/experts/imports/${res.body.id}`);
    const done = await waitFor(
      'the import to finish',
      async () => {
        const job = await call(svc.url, 'GET', `/experts/imports/${res.body.id}`, staff);
        expect(job.body.validated).toBeLessThanOrEqual(job.body.total);
        return job.body.status !== 'running' ? job.body : undefined;
      },
      60000,
    );
    expect(done).toMatchObject({ status: 'completed', total: 600, validated: 600, imported: 600, errors: [] });
  });

  it('reads no import body before the caller is authenticated', async () => {
    // A text/csv upload that never ends: the refusal must come without waiting for the body.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${svc.url}/experts/imports`,
        { method: 'POST', headers: { 'content-type': 'text/csv', 'transfer-encoding': 'chunked' } },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
          req.destroy();
        },
      );
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
      req.write('name,idNumber\n'.repeat(1000));
    });
    expect(status).toBe(401);
    // Authenticated centre staff with a wrong role are refused the same way.
    const asOfficer = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${svc.url}/experts/imports`,
        { method: 'POST', headers: { authorization: `Bearer ${officer}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' } },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
          req.destroy();
        },
      );
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
      req.write('name,idNumber\n'.repeat(1000));
    });
    expect(asOfficer).toBe(403);
  });

  it('rejects an unreadable file with 400', async () => {
    const res = await call(svc.url, 'POST', '/experts/imports', staff, 'name,bogus\nx,y', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('bogus');
  });
});
