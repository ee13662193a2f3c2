import { randomInt } from 'node:crypto';
import { Events, Headers } from '@filing/contracts';
import { ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { DEMO_OCCUPATIONS, demoExperts, expertsAtApplicant } from '../../../tools/demo/demo-experts';
import { CaseRecord, institution, ProcedureDriver } from './procedure-driver';

const { lathe, welder, electrician, childcare, health } = DEMO_OCCUPATIONS;

/**
 * The whole procedure end to end (issue 7): every service in its own process — a province review instance that also
 * re-checks city cases, and Changchun's own review instance — over the real broker and database. Time is the
 * services' controllable clock, set to the same instant on all of them; nothing waits for real days.
 */
describe('the filing procedure end to end', () => {
  const kafka = testKafka();
  const procs: ServiceProcess[] = [];
  let national: TopicRecorder;
  let d: ProcedureDriver;

  /** The national platform's view: filing.issued messages of a case, deduplicated on ce_id. */
  const nationalFor = (caseId: string) => {
    const seen = new Map<string, any>();
    for (const m of national.find((x) => x.topic === Events.filingIssued.topic && JSON.parse(x.value).caseId === caseId))
      seen.set(m.headers[Headers.id], JSON.parse(m.value));
    return [...seen.entries()].map(([id, payload]) => ({ id, payload }));
  };

  beforeAll(async () => {
    const env = { CLOCK_MODE: 'controllable', NOTICE_POLL_MS: '300', EVENT_RETRY_BACKOFF_MS: '50' };
    const started = await Promise.all([
      startServiceProcess({ service: 'intake', name: 'proc-intake', env }),
      startServiceProcess({ service: 'review', name: 'proc-review-220000', env: { ...env, REVIEW_JURISDICTION: '220000', REVIEW_CITY_INSTANCES: '220100' } }),
      startServiceProcess({ service: 'review', name: 'proc-review-220100', env: { ...env, REVIEW_JURISDICTION: '220100' } }),
      startServiceProcess({ service: 'expert-pool', name: 'proc-expert-pool', env }),
      startServiceProcess({ service: 'assessment', name: 'proc-assessment', env }),
      startServiceProcess({ service: 'publication', name: 'proc-publication', env }),
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
    // The national platform subscribes to the real topic.
    national = await new TopicRecorder(kafka, [Events.filingIssued.topic]).start();
    await d.setClock('2025-09-29T01:00:00.000Z');
    await d.importExperts('220000', demoExperts('220000', '吉林省', 36, 0));
    await d.importExperts('220100', demoExperts('220100', '长春市', 36, 1000));
  });

  afterAll(async () => {
    await national?.stop();
    await Promise.all(procs.map((p) => p.stop()));
  });

  const s1 = {} as { c: CaseRecord; filing: any };

  describe('1. a Changchun enterprise, new filing, all the way to the national platform', () => {
    it('goes from submission to the filing notice, a 5-working-day notice spanning National Day, and the national event', async () => {
      // Monday 2025-09-29, 09:00 China time: the notice will span the National Day holiday (10/1–10/8).
      await d.setClock('2025-09-29T01:00:00.000Z');
      const inst = institution(`长春${randomInt(1e6)}模具制造有限公司`);
      // Two experts of the Changchun database work at the applicant: avoidance must keep them out.
      await d.importExperts('220100', expertsAtApplicant('220100', inst, 5000));
      const c = await d.submit('220100', inst, [lathe, welder]);
      s1.c = c;
      await d.throughApproval(c, { groupSize: 5, decline: 1 });

      // Publication: the notice runs 9/30 … 10/13 (5 working days, National Day and its make-up Saturday counted right).
      const notice = await d.notice(c);
      expect(notice).toMatchObject({ startDate: '2025-09-29', endDate: '2025-10-13', workingDays: 5, status: 'open' });
      const pub = await d.publicNotice(c);
      expect(pub).toMatchObject({ institution: { name: inst.name, creditCode: inst.creditCode }, acceptingObjections: true });
      await d.waitStage(c, 'PUBLIC_NOTICE');

      // During the holiday nothing closes.
      await d.setClock('2025-10-08T04:00:00.000Z');
      expect((await d.notice(c)).status).toBe('open');

      const closed = await d.closeNotice(c);
      expect(closed).toMatchObject({ outcome: 'no-objection' });
      const filing = await d.issueFiling(c);
      s1.filing = filing;
      expect(filing).toMatchObject({ caseId: c.caseId, noticeNumber: expect.stringMatching(/^吉人社备〔2025〕\d+号$/), noticeDate: '2025-10-14' });

      // The national platform receives exactly one filing for the case.
      const received = await waitFor('publication.filing.issued.v1 on the national topic', () => nationalFor(c.caseId)[0]);
      expect(nationalFor(c.caseId)).toHaveLength(1);
      expect(received.id).toBe(filing.filingId);
      expect(received.payload).toMatchObject({
        filingId: filing.filingId,
        applicationKind: 'new-filing',
        filingNumber: filing.filingNumber,
        noticeNumber: filing.noticeNumber,
        status: 'valid',
        institution: { name: inst.name, creditCode: inst.creditCode, province: '220000', jurisdiction: '220100', scope: 'own-employees' },
        occupations: [expect.objectContaining({ code: lathe.code }), expect.objectContaining({ code: welder.code })],
      });
    });

    it('every service shows the outcome', async () => {
      const { c, filing } = s1;
      // intake: filed, with the timeline review reported. Publication's filing event and review's last stage change
      // reach intake on different topics, so wait for both.
      const app = await waitFor('the filing and its last stage at intake', async () => {
        const a = await d.application(c);
        return a.status === 'FILED' && a.filing && a.timeline.some((t: any) => t.to === 'FILING_NOTICE_ISSUED') ? a : undefined;
      });
      expect(app.filing).toMatchObject({ noticeNumber: filing.noticeNumber, filingId: filing.filingId });
      const stages = app.timeline.map((t: any) => t.to);
      for (const s of [
        'SUBMITTED',
        'ACCEPTED',
        'EXPERT_GROUP_REQUESTED',
        'GROUP_FORMED',
        'PRELIMINARY_REVIEW',
        'PROVINCIAL_RECHECK_PRELIMINARY',
        'ONSITE_EVALUATION',
        'COMPREHENSIVE_REVIEW',
        'PROVINCIAL_RECHECK_COMPREHENSIVE',
        'APPROVAL',
        'PUBLIC_NOTICE',
        'FILING_NOTICE_REQUESTED',
        'FILING_NOTICE_ISSUED',
      ]) {
        expect(stages).toContain(s);
      }

      // review: the case at the Changchun instance, the approval by the local bureau, both audit chains intact.
      const rc = await d.reviewCase(c);
      expect(rc).toMatchObject({ stage: 'FILING_NOTICE_ISSUED', jurisdiction: '220100', level: 'city', approval: { approvalBody: 'local-hrss-bureau' } });
      expect(rc.expertGroup).toMatchObject({ leaderExpertId: c.leader, size: 5 });
      expect(rc.history.map((h: any) => h.action)).toEqual(expect.arrayContaining(['accept', 'approve']));
      expect(await d.auditVerify('220100')).toMatchObject({ ok: true });
      expect(await d.auditVerify('220000')).toMatchObject({ ok: true });

      // expert-pool: avoidance, the reserve that replaced the decliner, the leader, and a draw anyone can verify.
      const excluded = (await d.exclusions(c)).excluded;
      expect(
        excluded
          .filter((x: any) => x.hits.some((h: any) => h.rule === 'works-at-applicant'))
          .map((x: any) => x.name)
          .sort(),
      ).toEqual(
        expertsAtApplicant('220100', c.institution, 5000)
          .map((e) => e.name)
          .sort(),
      );
      const draw = await d.draw(c);
      expect(draw).toMatchObject({ status: 'LEADER_ELECTED', group: { leaderExpertId: c.leader } });
      expect(draw.group.replacements).toHaveLength(1);
      expect(draw.group.replacements[0]).toMatchObject({ cause: 'declined' });
      expect(draw.group.members.map((m: any) => m.expertId)).toEqual(c.members);
      const verification = await d.verifiedDraw(c);
      expect(verification).toMatchObject({ state: 'revealed', report: { match: true, mismatches: [] } });
      const posted = await d.http('POST', `${d.urls.expertPool}/draws/verify`, undefined, verification.published);
      expect(posted.body).toMatchObject({ match: true });

      // assessment: the three opinions, all passing.
      const opinions = await d.opinions(c);
      expect(opinions.map((o: any) => [o.kind, o.result])).toEqual([
        ['preliminary', 'pass'],
        ['technical', 'pass'],
        ['comprehensive', 'pass'],
      ]);
      const ev = await d.evaluation(c);
      expect(ev.members.every((m: any) => m.sheet === 'submitted')).toBe(true);

      // publication: the register entry.
      const entry = await d.registerEntry(c.institution);
      expect(entry).toMatchObject({ jurisdiction: '220100', status: 'valid' });
      expect(entry.occupations.map((o: any) => o.code).sort()).toEqual([lathe.code, welder.code].sort());
    });
  });

  describe('2. a province-level social training evaluation organisation (社评组织), approved by the 厅长办公会', () => {
    it('is decided at the province without re-checks and approved only with a meeting reference', async () => {
      await d.setClock('2025-10-20T01:00:00.000Z');
      const inst = institution(`吉林省${randomInt(1e6)}职业技能评价协会`, 'social-org', '220000');
      await d.importExperts('220000', expertsAtApplicant('220000', inst, 6000));
      const c = await d.submit('220000', inst, [childcare, health]);
      await d.accept(c);
      await d.requestExperts(c, 3);
      expect(c.databaseLevel).toBe('220000');
      await d.formGroup(c);
      await d.preliminaryOpinion(c);
      await d.waitStage(c, 'ONSITE_EVALUATION');
      await d.scoreOnsite(c, 0.9);
      await d.technicalAndComprehensive(c);
      await d.waitStage(c, 'APPROVAL');

      const approver = await d.token('approver', '220000');
      const without = await d.http('POST', `${d.urls.reviewProvince}/cases/${c.caseId}/approve`, approver, { note: '同意' });
      expect(without.status).toBeGreaterThanOrEqual(400);
      expect(without.status).toBeLessThan(500);
      expect(JSON.stringify(without.body)).toContain('meetingReference');
      const approved = await d.approve(c, '2025年第18次厅长办公会');
      expect(approved.approval).toMatchObject({ approvalBody: 'director-office-meeting', meetingReference: '2025年第18次厅长办公会' });

      // No provincial re-check for a province case.
      const staff = await d.token('center-staff', '220000');
      const rechecks = await d.step('all re-checks', 'GET', `${d.urls.reviewProvince}/rechecks?status=all`, staff);
      expect(rechecks.items.filter((r: any) => r.caseId === c.caseId)).toEqual([]);

      await d.closeNotice(c);
      const filing = await d.issueFiling(c);
      const received = await waitFor('the national event of the 社评组织', () => nationalFor(c.caseId)[0]);
      expect(received.payload).toMatchObject({ filingId: filing.filingId, institution: { kind: 'social-org', jurisdiction: '220000' } });

      expect((await d.application(c)).status).toBe('FILED');
      expect(await d.reviewCase(c)).toMatchObject({ stage: 'FILING_NOTICE_ISSUED', level: 'province' });
      expect(await d.auditVerify('220000')).toMatchObject({ ok: true });
      expect(await d.draw(c)).toMatchObject({ databaseLevel: '220000', status: 'LEADER_ELECTED' });
      expect(await d.verifiedDraw(c)).toMatchObject({ report: { match: true } });
      expect((await d.evaluation(c)).institutionKind).toBe('social-org');
      expect((await d.opinions(c)).map((o: any) => o.kind)).toEqual(['preliminary', 'technical', 'comprehensive']);
      expect(await d.registerEntry(inst)).toMatchObject({ jurisdiction: '220000', kind: 'social-org' });
    });
  });

  describe('3. materials returned at the provincial re-check, resubmitted, then passing', () => {
    it('returns the case to the applicant with reasons, takes the corrected materials and goes on to the filing', async () => {
      await d.setClock('2025-11-03T01:00:00.000Z');
      const inst = institution(`长春${randomInt(1e6)}轨道装备有限公司`);
      const c = await d.submit('220100', inst, [lathe]);
      await d.accept(c);
      await d.requestExperts(c, 3);
      await d.formGroup(c);
      await d.preliminaryOpinion(c);
      await d.decideRecheck(c, 'preliminary', 'fail', '考评员名单不全，请补充考评员资格证明后重新提交');
      await d.waitStage(c, 'RETURNED');

      const returned = await waitFor('the return at intake', async () => {
        const a = await d.application(c);
        return a.status === 'RETURNED' && a.returns.length === 1 ? a : undefined;
      });
      expect(JSON.stringify(returned.returns[0].reasons)).toContain('考评员名单不全');

      await d.resubmit(c, ['assessor-list']);
      await d.preliminaryOpinion(c);
      await d.decideRecheck(c, 'preliminary', 'pass', '补正后材料复核通过');
      await d.waitStage(c, 'ONSITE_EVALUATION');
      await d.scoreOnsite(c);
      await d.technicalAndComprehensive(c);
      await d.decideRecheck(c, 'comprehensive', 'pass', '综合技术评估意见复核通过');
      await d.approve(c);
      await d.closeNotice(c);
      const filing = await d.issueFiling(c);

      const app = await waitFor('filed at intake', async () => {
        const a = await d.application(c);
        return a.status === 'FILED' ? a : undefined;
      });
      expect(app.round).toBe(1);
      expect(app.timeline.map((t: any) => t.to)).toEqual(expect.arrayContaining(['RETURNED', 'FILING_NOTICE_ISSUED']));
      expect(await d.reviewCase(c)).toMatchObject({ stage: 'FILING_NOTICE_ISSUED', returnCount: 1, resubmissionRound: 1 });
      expect(await d.auditVerify('220100')).toMatchObject({ ok: true });
      const opinions = await d.opinions(c);
      expect(opinions.filter((o: any) => o.kind === 'preliminary').map((o: any) => o.round)).toEqual([1, 2]);
      expect((await d.draw(c)).status).toBe('LEADER_ELECTED'); // the same group went on after the return
      await waitFor('the national event', () => nationalFor(c.caseId)[0]);
      expect(nationalFor(c.caseId).map((m) => m.id)).toEqual([filing.filingId]);
    });
  });

  const s4 = {} as { c: CaseRecord };

  describe('4. an objection upheld during the notice', () => {
    it('ends the case as not passed, with no filing notice and nothing sent nationally', async () => {
      await d.setClock('2025-11-17T01:00:00.000Z');
      const inst = institution(`长春${randomInt(1e6)}汽车零部件有限公司`);
      const c = await d.submit('220100', inst, [welder]);
      s4.c = c;
      await d.throughApproval(c);
      const notice = await d.notice(c);
      expect(notice.status).toBe('open');

      const receipt = await d.lodgeObjection(c, '该机构焊工实操考核场地为租赁临时场地，不具备考核条件。');
      const [objection] = await d.objections(c);
      expect(objection).toMatchObject({ id: receipt.objectionId });
      await d.settleObjection(c, objection.id, 'upheld', '经实地核查，实操场地不符合要求，异议成立。');

      const closed = await d.closeNotice(c);
      expect(closed).toMatchObject({ outcome: 'objection-upheld' });
      await d.waitStage(c, 'NOT_PASSED');

      const approver = await d.token('approver', '220000');
      expect((await d.http('POST', `${d.urls.publication}/filing-requests/${c.noticeId}/issue`, approver)).status).toBe(409);
      const requests = await d.step('the filing requests', 'GET', `${d.urls.publication}/filing-requests`, approver);
      expect(requests.items.map((i: any) => i.noticeId)).not.toContain(c.noticeId);
      const admin = await d.token('admin', '220000');
      const feed = await d.step('the national feed', 'GET', `${d.urls.publication}/national-feed?fromSequence=1&limit=1000`, admin);
      expect(JSON.stringify(feed)).not.toContain(c.caseId);

      // intake: approved first, then rejected by the upheld objection (异议成立).
      // The rejection and the stage changes reach intake on different topics: the timeline catches up on its own.
      const app = await waitFor('the rejection and its stages at intake', async () => {
        const a = await d.application(c);
        const stages = a.timeline.map((t: any) => t.to);
        return a.status === 'REJECTED' && stages.includes('PUBLIC_NOTICE') && stages.includes('NOT_PASSED') ? a : undefined;
      });
      expect(app.outcome).toMatchObject({ kind: 'rejected' });
      expect(app.filing).toBeNull();
      expect(await d.reviewCase(c)).toMatchObject({ stage: 'NOT_PASSED' });
      expect(await d.auditVerify('220100')).toMatchObject({ ok: true });
      expect(await d.registerEntry(inst)).toBeUndefined();
      expect((await d.opinions(c)).map((o: any) => o.result)).toEqual(['pass', 'pass', 'pass']);
      expect(await d.verifiedDraw(c)).toMatchObject({ report: { match: true } });
      const objections = await d.objections(c);
      expect(objections[0]).toMatchObject({ status: 'upheld' });
      expect(objections[0].objectorIdNumber).toMatch(/^2201\*+1239$/); // staff see the objector's ID number masked
    });
  });

  describe('5. add-occupation for the institution of scenario 1', () => {
    it('is evaluated on the new occupation only and extends the register entry, keeping the filing number', async () => {
      await d.setClock('2025-12-01T01:00:00.000Z');
      const { c: first, filing: firstFiling } = s1;
      // The contract names the existing filing by its 备案通知文号 (intake.application.submitted.v1 existingFilingNumber).
      const c = await d.submit('220100', first.institution, [electrician], {
        applicationKind: 'add-occupation',
        existingFilingNumber: firstFiling.noticeNumber,
      });
      await d.throughApproval(c);
      const ev = await d.evaluation(c);
      expect(ev.scope).toMatchObject({ occupationOnly: true });
      // Scenario 1's group served this applicant: avoidance keeps them out of this draw.
      const excluded = (await d.exclusions(c)).excluded;
      const served = excluded.filter((x: any) => x.hits.some((h: any) => h.rule === 'recently-served-applicant')).map((x: any) => x.expertId);
      expect(served.sort()).toEqual([...first.members!].sort());

      await d.closeNotice(c);
      const filing = await d.issueFiling(c);
      expect(filing.filingNumber).toBe(firstFiling.filingNumber);

      const received = await waitFor('the national event of the add-occupation', () => nationalFor(c.caseId)[0]);
      expect(received.payload).toMatchObject({
        applicationKind: 'add-occupation',
        filingNumber: firstFiling.filingNumber,
        occupations: [expect.objectContaining({ code: electrician.code })],
      });

      const entry = await d.registerEntry(first.institution);
      expect(entry.occupations.map((o: any) => o.code).sort()).toEqual([lathe.code, welder.code, electrician.code].sort());
      expect(entry.filings).toHaveLength(2);
      // publication.filing.issued reaches intake on its own topic: wait for it, as in scenario 1.
      await waitFor('the add-occupation filing at intake', async () => (await d.application(c)).status === 'FILED');
      expect(await d.reviewCase(c)).toMatchObject({
        stage: 'FILING_NOTICE_ISSUED',
        applicationKind: 'add-occupation',
        existingFilingNumber: firstFiling.noticeNumber,
      });
      expect(await d.auditVerify('220100')).toMatchObject({ ok: true });

      // Scenario 4 never reached the national topic, though later filings did.
      expect(nationalFor(s4.c.caseId)).toEqual([]);
    });
  });
});
