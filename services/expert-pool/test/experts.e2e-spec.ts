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

  it('refuses bad input naming the field, duplicates with 409, other levels with 403', async () => {
    const bad = await call(svc.url, 'POST', '/experts', staff, expertFields(2, { idNumber: idNumber(2).slice(0, 17) + (idNumber(2).endsWith('0') ? '1' : '0') }));
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
    expect(foreign.status).toBe(403);
    const noDatabase = await call(svc.url, 'POST', '/experts', await token('center-staff', '220581'), expertFields(6));
    expect(noDatabase.status).toBe(422);
    expect(noDatabase.body.message).toContain('keeps no expert database');
    const officerWrites = await call(svc.url, 'POST', '/experts', officer, expertFields(7));
    expect(officerWrites.status).toBe(403);
  });

  it('edits, suspends, reinstates and removes; removal is final', async () => {
    const { body: e } = await call(svc.url, 'POST', '/experts', staff, expertFields(10));
    const edited = await call(svc.url, 'PATCH', `/experts/${e.id}`, staff, { occupationCodes: ['6-18-01-01', '6-18-02-04'], employer: { name: '吉林化纤股份有限公司' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ occupationCodes: ['6-18-01-01', '6-18-02-04'], employer: { name: '吉林化纤股份有限公司' } });
    const suspended = await call(svc.url, 'POST', `/experts/${e.id}/suspend`, staff, { reason: 'missed two evaluations' });
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'missed two evaluations' });
    expect((await call(svc.url, 'POST', `/experts/${e.id}/reinstate`, staff, { reason: 'explained' })).body.status).toBe('active');
    expect((await call(svc.url, 'POST', `/experts/${e.id}/remove`, staff, { reason: 'term ended early' })).body.status).toBe('removed');
    const again = await call(svc.url, 'POST', `/experts/${e.id}/reinstate`, staff, { reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('removed');
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
    const csv = [header, line(30), line(31, '"[{""name"":""长春一汽模具制造有限公司"",""nature"":""shares""}]"'), `专家32,${idNumber(32)},吉林大学,,教授,6-18-01-01,229999,139,2025-01-01,,`, line(30)].join('\n');
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
    const listed = await call(svc.url, 'GET', '/experts?q=专家31', staff);
    expect(listed.body.items[0]).toMatchObject({ employer: { name: '吉林大学, 机械学院' }, declaredConflicts: [{ name: '长春一汽模具制造有限公司', nature: 'shares' }] });
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
    const done = await waitFor('the import to finish', async () => {
      const job = await call(svc.url, 'GET', `/experts/imports/${res.body.id}`, staff);
      expect(job.body.validated).toBeLessThanOrEqual(job.body.total);
      return job.body.status !== 'running' ? job.body : undefined;
    }, 60000);
    expect(done).toMatchObject({ status: 'completed', total: 600, validated: 600, imported: 600, errors: [] });
  });

  it('rejects an unreadable file with 400', async () => {
    const res = await call(svc.url, 'POST', '/experts/imports', staff, 'name,bogus\nx,y', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('bogus');
  });
});
