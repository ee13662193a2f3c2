import ExcelJS from 'exceljs';
import { randomInt } from 'node:crypto';
import { Events, Headers } from '@filing/contracts';
import { ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS, demoExperts } from '../../../tools/demo/demo-experts';
import { CaseRecord, HttpError, institution, ProcedureDriver } from './procedure-driver';

const { lathe, electrician } = DEMO_OCCUPATIONS;

/**
 * The register's whole life across the platform: an institution filed before the platform is imported (历史备案),
 * applies through intake to add an occupation, goes through the whole procedure to its filing notice (keeping its
 * 备案编号), and is then suspended — which the public register shows, the national platform reads from the real
 * topic, and intake enforces (no more add-occupation while suspended). Every service in its own process.
 */
describe('the historical register, an add-occupation by an imported institution, then a suspension', () => {
  const kafka = testKafka();
  const procs: ServiceProcess[] = [];
  let national: TopicRecorder;
  let d: ProcedureDriver;
  const inst = institution(`长春${randomInt(1e6)}历史备案机械有限公司`);
  let c: CaseRecord;

  beforeAll(async () => {
    const env = { CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '300', EVENT_RETRY_BACKOFF_MS: '50' };
    const started = await Promise.all([
      startServiceProcess({ service: 'intake', name: 'hist-intake', env }),
      startServiceProcess({ service: 'review', name: 'hist-review-220000', env: { ...env, REVIEW_JURISDICTION: '220000' } }),
      startServiceProcess({ service: 'expert-pool', name: 'hist-expert-pool', env }),
      startServiceProcess({ service: 'assessment', name: 'hist-assessment', env }),
      startServiceProcess({ service: 'publication', name: 'hist-publication', env }),
    ]);
    procs.push(...started);
    const [intake, review, expertPool, assessment, publication] = started;
    d = new ProcedureDriver({
      intake: intake.url,
      reviewProvince: review.url,
      reviewCities: {},
      expertPool: expertPool.url,
      assessment: assessment.url,
      publication: publication.url,
    });
    national = await new TopicRecorder(kafka, [Events.filingIssued.topic, Events.filingStatusChanged.topic]).start();
    await d.setClock('2025-11-03T01:00:00.000Z');
    await d.importExperts('220100', demoExperts('220100', '长春市', 36, 3000));
  });

  afterAll(async () => {
    await national?.stop();
    await Promise.all(procs.map((p) => p.stop()));
  });

  it('imports the institution filed in 2021: it is in the register and the coverage', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('历史备案');
    sheet.addRow(['机构名称', '统一社会信用代码', '机构类型', '管辖', '备案通知文号', '备案日期', '备案编号', '地址', '职业编码', '职业名称', '等级']);
    sheet.addRow([
      inst.name,
      inst.creditCode,
      '用人单位',
      '长春市',
      '吉人社备〔2021〕3号',
      '2021-04-12',
      'JL-2021-003',
      inst.address,
      lathe.code,
      lathe.name,
      '五级/初级工、四级/中级工、三级/高级工',
    ]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), '历史备案.xlsx');
    const done = await d.step('import the historical register', 'POST', `${d.urls.publication}/register/imports`, await d.token('admin', '220000'), form);
    expect(done).toMatchObject({ status: 'imported', imported: 1 });
    expect(await d.registerEntry(inst)).toMatchObject({
      source: 'historical',
      status: 'valid',
      filingNumber: 'JL-2021-003',
      occupations: [expect.objectContaining({ code: lathe.code })],
    });
  });

  it('applies through intake to add an occupation with its 2021 notice number, and is filed through the whole procedure', async () => {
    // Intake learns of the import from publication.register.entry-imported.v1: until then it answers 422.
    c = await waitFor(
      'intake accepting the imported institution’s add-occupation',
      async () => {
        try {
          return await d.submit('220100', inst, [electrician], { applicationKind: 'add-occupation', existingFilingNumber: '吉人社备〔2021〕3号' });
        } catch (err) {
          if (err instanceof HttpError && err.status === 422) return undefined;
          throw err;
        }
      },
      60000,
    );
    await d.throughApproval(c);
    expect((await d.evaluation(c)).scope).toMatchObject({ occupationOnly: true });
    await d.closeNotice(c);
    const filing = await d.issueFiling(c);
    expect(filing.filingNumber).toBe('JL-2021-003');
    const entry = await d.registerEntry(inst);
    expect(entry.occupations.map((o: any) => o.code)).toEqual([lathe.code, electrician.code]);
    expect(entry.filings.map((f: any) => f.applicationKind)).toEqual(['historical', 'add-occupation']);
    const issued = await waitFor(
      'the add-occupation on the national feed',
      () => national.find((m) => m.topic === Events.filingIssued.topic && m.headers[Headers.id] === filing.filingId)[0],
    );
    expect(JSON.parse(issued.value)).toMatchObject({
      applicationKind: 'add-occupation',
      filingNumber: 'JL-2021-003',
      occupations: [expect.objectContaining({ code: electrician.code })],
    });
    await waitFor('the filing at intake', async () => (await d.application(c)).status === 'FILED');
  });

  it('is suspended by Changchun: the register shows it, the national platform reads it, intake refuses a new add-occupation', async () => {
    const cityApprover = await d.token('approver', '220100');
    const change = await d.step('suspend the institution', 'POST', `${d.urls.publication}/register/${inst.creditCode}/status-changes`, cityApprover, {
      action: 'suspend',
      reason: '日常监督检查发现认定考场视频监控缺失，暂停认定，限期三个月整改。',
      suspension: { from: '2025-12-01', until: '2026-02-28' },
    });
    expect(change).toMatchObject({ status: 'suspended' });
    expect(await d.registerEntry(inst)).toMatchObject({ status: 'suspended', suspendedFrom: '2025-12-01', suspendedUntil: '2026-02-28' });
    const verification = await d.step('verify the filing notice', 'GET', `${d.urls.publication}/public/filings/${c.filing.filingId}/verification`, undefined);
    expect(verification).toMatchObject({ genuine: true, valid: false, register: { status: 'suspended' } });

    const sent = await waitFor(
      'the suspension on the national feed',
      () => national.find((m) => m.topic === Events.filingStatusChanged.topic && m.headers[Headers.id] === change.changeId)[0],
    );
    expect(JSON.parse(sent.value)).toMatchObject({
      action: 'suspend',
      status: 'suspended',
      filingNumber: 'JL-2021-003',
      sequence: c.filing.sequence + 1,
      institution: { creditCode: inst.creditCode },
    });

    // Intake learns it from the same event: an add-occupation is refused while the institution is suspended.
    const applicant = await d.token('applicant', '220100', { creditCode: inst.creditCode });
    const refused = await waitFor('intake refusing the suspended institution', async () => {
      const r = await d.http('POST', `${d.urls.intake}/applications`, applicant, {
        applicationKind: 'add-occupation',
        jurisdiction: '220100',
        institution: inst,
        occupations: [{ code: '6-18-02-04', name: '焊工', levels: [5], basis: 'national-standard' }],
        existingFilingNumber: 'JL-2021-003',
      });
      return r.status === 422 ? r : undefined;
    });
    expect(JSON.stringify(refused.body)).toContain('no valid filing');
  });
});
