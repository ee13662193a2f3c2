import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Events, Headers } from '@filing/contracts';
import { ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS, demoExperts } from '../../../tools/demo/demo-experts';
import { CaseRecord, institution, ProcedureDriver } from './procedure-driver';

const { lathe, welder } = DEMO_OCCUPATIONS;
const run = promisify(execFile);

/** The text of a PDF as poppler's pdftotext extracts it, without whitespace (it breaks long lines). */
async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plenary-pdf-'));
  try {
    await writeFile(path.join(dir, 'doc.pdf'), bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'doc.pdf'), '-']);
    return stdout.replace(/\s+/g, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The plenary meeting concludes (issue 16, items 4 and 5), end to end over the real broker, every service in its own
 * process: an outcome per occupation and level that travels from the comprehensive opinion through review's re-check
 * and approval to the public notice, the filing notice, the register and the national event; a result against the
 * scores without a reason refused; a failing comprehensive opinion of a Changchun case re-checked at the province,
 * sent back to the group once and then confirmed.
 */
describe('the plenary concludes: outcomes per occupation and the re-check of a failing comprehensive opinion', () => {
  const kafka = testKafka();
  const procs: ServiceProcess[] = [];
  let national: TopicRecorder;
  let d: ProcedureDriver;

  const nationalFor = (caseId: string) => {
    const seen = new Map<string, any>();
    for (const m of national.find((x) => x.topic === Events.filingIssued.topic && JSON.parse(x.value).caseId === caseId))
      seen.set(m.headers[Headers.id], JSON.parse(m.value));
    return [...seen.values()];
  };

  beforeAll(async () => {
    const env = { CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '300', EVENT_RETRY_BACKOFF_MS: '50' };
    // Six processes start at once on a shared machine: give them longer than one service alone needs.
    const timeoutMs = 240_000;
    const started = await Promise.all([
      startServiceProcess({ service: 'intake', name: 'plenary-intake', env, timeoutMs }),
      startServiceProcess({
        service: 'review',
        name: 'plenary-review-220000',
        env: { ...env, REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' },
        timeoutMs,
      }),
      startServiceProcess({ service: 'review', name: 'plenary-review-220100', env: { ...env, REVIEW_JURISDICTION: '220100' }, timeoutMs }),
      startServiceProcess({ service: 'expert-pool', name: 'plenary-expert-pool', env, timeoutMs }),
      startServiceProcess({ service: 'assessment', name: 'plenary-assessment', env, timeoutMs }),
      startServiceProcess({ service: 'publication', name: 'plenary-publication', env, timeoutMs }),
    ]);
    procs.push(...started);
    const [intake, reviewProvince, reviewChangchun, expertPool, assessment, publication] = started;
    d = new ProcedureDriver({
      intake: intake.url,
      reviewProvince: reviewProvince.url,
      reviewCities: { '220100': reviewChangchun.url },
      expertPool: expertPool.url,
      assessment: assessment.url,
      publication: publication.url,
    });
    national = await new TopicRecorder(kafka, [Events.filingIssued.topic]).start();
    await d.setClock('2025-11-03T01:00:00.000Z');
    await d.importExperts('220100', demoExperts('220100', '长春市', 36, 1000));
  }, 300_000);

  afterAll(async () => {
    await national?.stop();
    await Promise.all(procs.map((p) => p.stop()));
  });

  /**
   * Submission → accepted → group → preliminary opinion re-checked → (the on-site visit recorded) → on-site scores at
   * `share` → technical opinion.
   */
  async function toPlenary(c: CaseRecord, share: number, beforeScoring?: () => Promise<void>): Promise<any> {
    await d.accept(c);
    await d.requestExperts(c, 3);
    await d.formGroup(c);
    await d.preliminaryOpinion(c);
    await d.decideRecheck(c, 'preliminary', 'pass', '初评意见复核通过');
    await d.waitStage(c, 'ONSITE_EVALUATION');
    await beforeScoring?.();
    await d.scoreOnsite(c, share);
    return d.technicalOpinion(c);
  }

  it("the group's four pieces of work: materials read (logged), a kick-off with one member absent electing by majority, the visit by all five methods with evidence", async () => {
    const c = await d.submit('220100', institution(`长春${randomInt(1e6)}机床维修有限公司`), [lathe, welder]);
    await d.accept(c);
    await d.requestExperts(c, 3);
    await d.formGroup(c, { absent: 1 });
    const draw = await d.draw(c);
    expect(draw.group.kickOffMeeting).toMatchObject({ presentExpertIds: c.members!.slice(0, 2), absentExpertIds: [c.members![2]] });
    expect(draw.group.leaderElection).toMatchObject({ leaderExpertId: c.members![0], presentCount: 2, memberCount: 3 });

    // Members read the materials; the centre sees who read what. The absent member is still in the group.
    const read = await d.readMaterials(c, c.members![2]);
    const access = await d.materialAccess(c);
    expect(access.map((a: any) => [a.action, a.expert.expertId])).toEqual([
      ['listed', c.members![2]],
      ['downloaded', c.members![2]],
    ]);
    expect(access[1].material).toMatchObject({ materialId: read.materialId, sha256: read.sha256 });

    await d.preliminaryOpinion(c);
    await d.decideRecheck(c, 'preliminary', 'pass', '初评意见复核通过');
    await d.waitStage(c, 'ONSITE_EVALUATION');
    const visit = await d.recordVisit(c);
    expect(visit.members.every((m: any) => m.signedInAt)).toBe(true);
    expect(visit.records.map((r: any) => r.method)).toEqual(['听取汇报', '现场查看', '访谈咨询', '质询答疑', '技术抽查']);
    expect(visit.records[4].evidence).toEqual([expect.objectContaining({ fileName: '抽查记录.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    await d.scoreOnsite(c, 0.86);
    const technical = await d.technicalOpinion(c);
    expect(technical.onsiteVisit.coverage.filter((i: any) => i.methods.length > 0).map((i: any) => i.itemId)).toEqual(
      expect.arrayContaining(['1', '3', '4', '5', '6']),
    );
  });

  it('passes 车工 at levels 5 and 4 and not 焊工: only they reach the notice, the filing notice, the register and the national event', async () => {
    const inst = institution(`长春${randomInt(1e6)}精密机械有限公司`);
    const c = await d.submit('220100', { ...inst }, [lathe, welder]);
    const technical = await toPlenary(c, 0.86);
    expect(technical.result).toBe('pass');

    // The plenary departs from the scores (pass) without saying why: refused, naming the field, nothing recorded.
    const leader = await d.token('expert', c.databaseLevel!, { expertId: c.leader! });
    const unexplained = await d.http(
      'POST',
      `${d.urls.assessment}/cases/${c.caseId}/opinions/comprehensive`,
      leader,
      d.comprehensiveBody(c, technical, { result: 'fail', levels: { [lathe.code]: [], [welder.code]: [] } }),
    );
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.problems).toEqual([expect.stringContaining('overrideReason')]);
    expect(JSON.stringify(unexplained.body)).toContain('须写明理由');
    expect((await d.opinions(c)).map((o: any) => o.kind)).toEqual(['preliminary', 'technical']);
    expect((await d.reviewCase(c)).stage).toBe('COMPREHENSIVE_REVIEW');

    const comprehensive = await d.comprehensiveOpinion(c, technical, {
      levels: { [lathe.code]: [5, 4], [welder.code]: [] },
      reasons: { [lathe.code]: '三级（高级工）考评员不足 3 名', [welder.code]: '焊接实操工位与安全防护不符合要求' },
      attendees: c.members!.slice(0, 2),
    });
    expect(comprehensive.plenary).toMatchObject({
      result: 'pass',
      scoreResult: 'pass',
      meeting: { attendees: [{ expertId: c.members![0] }, { expertId: c.members![1] }] },
      occupationOutcomes: [
        { code: lathe.code, result: 'pass', appliedLevels: lathe.levels, levels: [5, 4], reason: '三级（高级工）考评员不足 3 名' },
        { code: welder.code, result: 'fail', levels: [], reason: '焊接实操工位与安全防护不符合要求' },
      ],
    });
    const page = await d.step('the printable comprehensive opinion', 'GET', `${d.urls.assessment}/cases/${c.caseId}/opinions/comprehensive.html`, leader);
    expect(page).toContain('分职业评估结论');
    expect(page).toContain('焊接实操工位与安全防护不符合要求');

    // The province re-checks it, seeing the outcome per occupation.
    const staff = await d.token('center-staff', '220000');
    const queued = await waitFor('the comprehensive re-check', async () => {
      const r = await d.http('GET', `${d.urls.reviewProvince}/rechecks?status=pending`, staff);
      return r.body.items.find((x: any) => x.caseId === c.caseId && x.gate === 'comprehensive');
    });
    expect(queued.opinion.occupationOutcomes.map((o: any) => [o.code, o.result])).toEqual([
      [lathe.code, 'pass'],
      [welder.code, 'fail'],
    ]);
    expect(queued.allowedActions).toEqual(['pass', 'fail', 'return-to-group']);
    await d.decideRecheck(c, 'comprehensive', 'pass', '综合技术评估意见复核通过');

    // Review shows which occupations passed; the approval approves those.
    const atApproval = await d.waitStage(c, 'APPROVAL');
    expect(atApproval.passedOccupations).toEqual([{ ...lathe, levels: [5, 4] }]);
    expect(atApproval.notPassedOccupations).toEqual([expect.objectContaining({ code: welder.code, reason: '焊接实操工位与安全防护不符合要求' })]);
    await d.approve(c);

    const notice = await d.notice(c);
    expect(notice.occupations.map((o: any) => [o.code, o.levels])).toEqual([[lathe.code, [5, 4]]]);
    const pub = await d.publicNotice(c);
    expect(JSON.stringify(pub)).toContain(lathe.name);
    expect(JSON.stringify(pub)).not.toContain(welder.name);
    const app = await waitFor('the approval at intake', async () => {
      const a = await d.application(c);
      return a.approvedOccupations ? a : undefined;
    });
    expect(app.approvedOccupations.map((o: any) => o.code)).toEqual([lathe.code]);
    expect(app.notPassedOccupations.map((o: any) => o.code)).toEqual([welder.code]);

    await d.closeNotice(c);
    const filing = await d.issueFiling(c);
    const pdf = await fetch(`${d.urls.publication}/public/filings/${filing.filingId}/notice.pdf`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain(inst.name);
    expect(text).toContain(lathe.name);
    expect(text).not.toContain(welder.name);

    const received = await waitFor('publication.filing.issued.v1 on the national topic', () => nationalFor(c.caseId)[0]);
    expect(received.occupations).toEqual([expect.objectContaining({ code: lathe.code, levels: [5, 4] })]);
    const entry = await d.registerEntry(inst);
    expect(entry.occupations.map((o: any) => [o.code, o.levels])).toEqual([[lathe.code, [5, 4]]]);
  }, 600_000);

  it('re-checks a failing comprehensive opinion of a Changchun case: sent back to the group once, then confirmed', async () => {
    await d.setClock('2025-11-17T01:00:00.000Z');
    const inst = institution(`长春${randomInt(1e6)}机电设备有限公司`);
    const c = await d.submit('220100', inst, [lathe, welder]);
    const technical = await toPlenary(c, 0.5);
    expect(technical.result).toBe('fail');
    await d.comprehensiveOpinion(c, technical, { reasons: { [lathe.code]: '总分未达合格线', [welder.code]: '总分未达合格线' } });

    // Not ended: the province re-checks it first, and cannot turn it into a pass.
    await d.waitStage(c, 'PROVINCIAL_RECHECK_COMPREHENSIVE');
    const staff = await d.token('center-staff', '220000');
    const pending = async () =>
      waitFor('the comprehensive re-check', async () => {
        const r = await d.http('GET', `${d.urls.reviewProvince}/rechecks?status=pending`, staff);
        return r.body.items.find((x: any) => x.caseId === c.caseId && x.gate === 'comprehensive');
      });
    const first = await pending();
    expect(first).toMatchObject({ opinion: { result: 'fail' }, allowedActions: ['fail', 'return-to-group'] });
    const refused = await d.http('POST', `${d.urls.reviewProvince}/rechecks/${first.id}/decision`, staff, { decision: 'pass', reason: '同意通过' });
    expect(refused.status).toBe(400);
    expect(refused.body.allowedDecisions).toEqual(['fail', 'return-to-group']);
    expect((await d.step('the re-check', 'GET', `${d.urls.reviewProvince}/rechecks/${first.id}`, staff)).status).toBe('pending');

    // Sent back to the group: assessment opens a second round and the plenary concludes again.
    await d.decideRecheck(c, 'comprehensive', 'return-to-group', '现场评分与佐证材料不一致，请专家组重新评议');
    await d.waitStage(c, 'COMPREHENSIVE_REVIEW');
    await waitFor('the second comprehensive round at assessment', async () => ((await d.evaluation(c)).comprehensiveRound === 2 ? true : undefined));
    const second = await d.comprehensiveOpinion(c, technical, {
      summary: '重新评议：维持不通过。',
      reasons: { [lathe.code]: '复核后确认考评场地不足', [welder.code]: '复核后确认考评场地不足' },
    });
    expect(second).toMatchObject({ kind: 'comprehensive', round: 2, result: 'fail' });

    // The second opinion is re-checked again, and confirmed: the case ends not passed.
    await d.waitStage(c, 'PROVINCIAL_RECHECK_COMPREHENSIVE');
    const again = await pending();
    expect(again.id).not.toBe(first.id);
    await d.decideRecheck(c, 'comprehensive', 'fail', '维持专家组不通过的综合技术评估意见');
    const ended = await d.waitStage(c, 'NOT_PASSED');
    expect(ended.history.map((h: any) => h.action)).toEqual(expect.arrayContaining(['comprehensive-fail', 'recheck-return-to-group', 'recheck-fail']));
    expect(ended.passedOccupations).toEqual([]);

    const app = await waitFor('the rejection at intake', async () => {
      const a = await d.application(c);
      return a.status === 'REJECTED' ? a : undefined;
    });
    expect(app.outcome).toMatchObject({ kind: 'rejected', reason: '维持专家组不通过的综合技术评估意见' });
    const opinions = await d.opinions(c);
    expect(opinions.filter((o: any) => o.kind === 'comprehensive').map((o: any) => [o.round, o.result])).toEqual([
      [1, 'fail'],
      [2, 'fail'],
    ]);
    expect(await d.auditVerify('220100')).toMatchObject({ ok: true });
    expect(nationalFor(c.caseId)).toEqual([]);
  }, 600_000);
});
