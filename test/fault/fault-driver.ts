import { randomInt } from 'node:crypto';
import { CaseStage, PROVINCE_CODE } from '@filing/contracts';
import { DEMO_OCCUPATIONS } from '../../tools/demo/demo-experts';
import { CaseRecord, HttpError, institution, PlatformUrls, ProcedureDriver } from '../e2e/procedure/procedure-driver';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * One query shared by every case waiting on it (the officer's queue, the province's re-check queue, a review work
 * queue, the notice list), so two hundred cases do not each poll the services several times a second.
 */
class SharedPoll<T> {
  private latest = new Map<string, T>();
  private waiters = 0;
  private running?: Promise<void>;

  constructor(
    private readonly load: () => Promise<Map<string, T>>,
    private readonly everyMs: number,
  ) {}

  async until(key: string, pred: (v: T) => boolean, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    this.waiters++;
    this.running ??= this.loop();
    try {
      for (;;) {
        const v = this.latest.get(key);
        if (v !== undefined && pred(v)) return v;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await sleep(250);
      }
    } finally {
      this.waiters--;
    }
  }

  private async loop(): Promise<void> {
    while (this.waiters > 0) {
      try {
        this.latest = await this.load();
      } catch {
        // the service is away for the moment: the waiters keep waiting
      }
      await sleep(this.everyMs);
    }
    this.running = undefined;
  }
}

export type CaseKind = 'changchun' | 'province' | 'jilin';

const KIND_JURISDICTION: Record<CaseKind, string> = { changchun: '220100', province: '220000', jilin: '220200' };

export interface FaultCase extends CaseRecord {
  kind: CaseKind;
  /** The step the case is at, for the report when something hangs. */
  step: string;
  /** When each step began (ms since the epoch). */
  log: { step: string; at: number }[];
  done: boolean;
  error?: string;
}

/**
 * Drives cases like ProcedureDriver, through a platform that is being broken on purpose: a request that meets a
 * service that is away (connection refused, reset, or a 5xx while the database restarts) is sent again once the
 * service is back, and a request whose answer was lost is sent again only after checking that its effect is not
 * already there (`act`). Nothing is hidden: a 4xx that is not explained by a lost answer fails the case.
 */
export class FaultDriver extends ProcedureDriver {
  private readonly polls = new Map<string, SharedPoll<any>>();

  constructor(
    urls: PlatformUrls,
    private readonly waitMs: number,
  ) {
    super(urls, { timeoutMs: waitMs });
  }

  /** A GET that waits out outages. */
  async read(what: string, url: string, token: string | undefined): Promise<any> {
    const deadline = Date.now() + this.waitMs;
    for (let attempt = 0; ; attempt++) {
      const r = await this.http('GET', url, token).catch(() => undefined);
      if (r && r.status >= 200 && r.status < 300) return r.body;
      if (r && r.status < 500) throw new HttpError(what, r.status, r.body);
      if (Date.now() > deadline) throw new Error(`${what}: the service did not answer within ${this.waitMs} ms`);
      await sleep(Math.min(500 * 2 ** attempt, 3000));
    }
  }

  /** A request that changes something (see the class comment). `done` answers the effect when it is already there. */
  async act(what: string, method: string, url: string, token: string, body: unknown, done: () => Promise<unknown>): Promise<any> {
    const deadline = Date.now() + this.waitMs;
    let answerLost = false;
    for (let attempt = 0; ; attempt++) {
      if (answerLost) {
        const already = await done().catch(() => undefined);
        if (already) return already;
      }
      const r = await this.http(method, url, token, body).catch(() => undefined);
      if (r && r.status >= 200 && r.status < 300) return r.body;
      if (r && r.status < 500 && !(r.status === 409 && answerLost)) throw new HttpError(what, r.status, r.body);
      // Refused, reset, or a 5xx: the effect may or may not have happened.
      if (r?.status === 409) {
        const already = await done().catch(() => undefined);
        if (already) return already;
        throw new HttpError(what, r.status, r.body);
      }
      answerLost = true;
      if (Date.now() > deadline) throw new Error(`${what}: the service did not answer within ${this.waitMs} ms`);
      await sleep(Math.min(500 * 2 ** attempt, 3000) + randomInt(300));
    }
  }

  private poll<T>(key: string, load: () => Promise<Map<string, T>>): SharedPoll<T> {
    let p = this.polls.get(key);
    if (!p) this.polls.set(key, (p = new SharedPoll(load, 1500)));
    return p;
  }

  /** The stage of a case, through its jurisdiction's work queue (open cases) or the case itself (final stages). */
  async untilStage(c: FaultCase, stage: CaseStage): Promise<void> {
    c.step = `waiting for ${stage}`;
    const base = this.reviewUrl(c.jurisdiction);
    const staff = await this.token('center-staff', c.jurisdiction);
    if (stage === 'FILING_NOTICE_ISSUED') {
      const deadline = Date.now() + this.waitMs;
      while ((await this.read('read the case', `${base}/cases/${c.caseId}`, staff).catch(() => undefined))?.stage !== stage) {
        if (Date.now() > deadline) throw new Error(`case ${c.caseId} never reached ${stage}`);
        await sleep(1500 + randomInt(500));
      }
      return;
    }
    const queue = this.poll(`queue:${base}:${c.jurisdiction}`, async () => {
      const q = await this.read('the work queue', `${base}/queue`, staff);
      return new Map<string, string>([...(q.waiting ?? []), ...(q.supervising ?? [])].map((v: any) => [v.id, v.stage]));
    });
    await queue.until(c.caseId, (s) => s === stage, `case ${c.caseId} at ${stage}`, this.waitMs);
  }

  async queuedDraw(c: FaultCase): Promise<any> {
    const level = c.databaseLevel!;
    const officer = await this.token('discipline-officer', level);
    const queue = this.poll(`draws:${level}`, async () => {
      const r = await this.read('the officer queue', `${this.urls.expertPool}/draws?status=QUEUED`, officer);
      return new Map<string, any>(r.items.map((d: any) => [d.caseId, d]));
    });
    return queue.until(c.caseId, () => true, `the draw request of ${c.caseId}`, this.waitMs);
  }

  async pendingRecheck(c: FaultCase, gate: 'preliminary' | 'comprehensive'): Promise<any> {
    const staff = await this.token('center-staff', PROVINCE_CODE);
    const queue = this.poll('rechecks', async () => {
      const r = await this.read('the re-check queue', `${this.urls.reviewProvince}/rechecks?status=pending`, staff);
      return new Map<string, any>(r.items.map((x: any) => [`${x.caseId}:${x.gate}`, x]));
    });
    return queue.until(`${c.caseId}:${gate}`, () => true, `the ${gate} re-check of ${c.caseId}`, this.waitMs);
  }

  async untilNotice(c: FaultCase, pred: (n: any) => boolean, what: string): Promise<any> {
    const staff = await this.token('center-staff', PROVINCE_CODE);
    const notices = this.poll('notices', async () => {
      const r = await this.read('the notices', `${this.urls.publication}/notices`, staff);
      return new Map<string, any>(r.items.map((n: any) => [n.caseId, n]));
    });
    const n = await notices.until(c.caseId, pred, `${what} of ${c.caseId}`, this.waitMs);
    c.noticeId = n.id;
    return n;
  }

  private async evaluationReady(c: FaultCase, what: string, pred: (e: any) => boolean): Promise<any> {
    const staff = await this.token('center-staff', c.jurisdiction);
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const e = await this.read('the evaluation', `${this.urls.assessment}/cases/${c.caseId}/evaluation`, staff).catch(() => undefined);
      if (e && pred(e)) return e;
      if (Date.now() > deadline) throw new Error(`case ${c.caseId}: ${what} never came`);
      await sleep(1500 + randomInt(500));
    }
  }

  private go(c: FaultCase, step: string): void {
    c.step = step;
    c.log.push({ step, at: Date.now() });
  }

  // ---- the procedure, step by step ----------------------------------------------------------------------------

  async submitCase(kind: CaseKind, n: number, onCreated: (c: FaultCase) => void = () => undefined): Promise<FaultCase> {
    const jurisdiction = KIND_JURISDICTION[kind];
    const inst = institution(
      `${kind === 'changchun' ? '长春' : kind === 'jilin' ? '吉林' : '吉林省'}故障演练${n}号${kind === 'province' ? '职业技能评价中心' : '制造有限公司'}`,
      kind === 'province' ? 'social-org' : 'employer',
      jurisdiction === PROVINCE_CODE ? '220102' : `${jurisdiction.slice(0, 4)}02`,
    );
    const c: FaultCase = {
      caseId: '',
      jurisdiction,
      institution: inst,
      applicationKind: 'new-filing',
      occupations: [DEMO_OCCUPATIONS.lathe],
      kind,
      step: 'applying',
      log: [],
      done: false,
    };
    onCreated(c);
    this.go(c, 'apply');
    const applicant = await this.token('applicant', jurisdiction, { creditCode: inst.creditCode });
    const draft = await this.act(
      'open the draft',
      'POST',
      `${this.urls.intake}/applications`,
      applicant,
      { applicationKind: 'new-filing', jurisdiction, institution: inst, occupations: c.occupations },
      async () => undefined,
    );
    c.caseId = draft.id;
    for (const { item } of draft.checklist.filter((i: any) => i.required)) {
      const form = () => {
        const f = new FormData();
        f.append('checklistItem', item);
        f.append('file', new Blob([SAMPLE_PDF], { type: 'application/pdf' }), `${item}.pdf`);
        return f;
      };
      // A second upload of the same item is a new version of it: harmless.
      await this.actForm(`upload ${item}`, `${this.urls.intake}/applications/${c.caseId}/materials`, applicant, form);
    }
    const application = () => this.read('read the application', `${this.urls.intake}/applications/${c.caseId}`, applicant);
    await this.act('submit', 'POST', `${this.urls.intake}/applications/${c.caseId}/submit`, applicant, undefined, async () =>
      (await application()).status !== 'DRAFT' ? true : undefined,
    );
    return c;
  }

  private async actForm(what: string, url: string, token: string, form: () => FormData): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    for (let attempt = 0; ; attempt++) {
      const r = await this.http('POST', url, token, form()).catch(() => undefined);
      if (r && r.status >= 200 && r.status < 300) return;
      if (r && r.status < 500) throw new HttpError(what, r.status, r.body);
      if (Date.now() > deadline) throw new Error(`${what}: the service did not answer within ${this.waitMs} ms`);
      await sleep(Math.min(500 * 2 ** attempt, 3000));
    }
  }

  /** From the open case to the approval; the notice then opens at publication. */
  async throughApprovalResilient(c: FaultCase): Promise<void> {
    const review = this.reviewUrl(c.jurisdiction);
    const staff = await this.token('center-staff', c.jurisdiction);
    const theCase = () => this.read('read the case', `${review}/cases/${c.caseId}`, staff);
    const city = c.kind !== 'province';
    await this.untilStage(c, 'SUBMITTED');

    this.go(c, 'accept');
    await this.act('accept', 'POST', `${review}/cases/${c.caseId}/accept`, staff, { note: '材料齐全，予以受理' }, async () =>
      (await theCase()).stage !== 'SUBMITTED' ? true : undefined,
    );
    this.go(c, 'request experts');
    const requested = await this.act(
      'request the expert group',
      'POST',
      `${review}/cases/${c.caseId}/expert-request`,
      staff,
      { workPlan: '技术评估工作方案：材料审查、现场评估、综合评审', groupSize: 3, reserves: 1, maxPerEmployer: 1 },
      async () => {
        const k = await theCase();
        return k.expertRequest ? k : undefined;
      },
    );
    c.databaseLevel = requested.expertRequest.databaseLevel;

    this.go(c, 'draw');
    const level = c.databaseLevel!;
    const officer = await this.token('discipline-officer', level);
    const ep = this.urls.expertPool;
    c.drawId = (await this.queuedDraw(c)).id;
    const draw = () => this.read('read the draw', `${ep}/draws/${c.drawId}`, officer);
    await this.act('commit the draw', 'POST', `${ep}/draws/${c.drawId}/commitment`, officer, undefined, async () =>
      (await draw()).commitment ? true : undefined,
    );
    const drawn = await this.act('draw', 'POST', `${ep}/draws/${c.drawId}/draw`, officer, { officerEntropy: `dice ${randomInt(1e9)}` }, async () => {
      const d = await draw();
      return d.drawnAt ? d : undefined;
    });
    const members: string[] = drawn.group.members.map((m: any) => m.expertId);
    for (const expertId of members) {
      const t = await this.token('expert', level, { expertId });
      const declaration = { conflictDeclaration: { hasConflict: false, statement: '本人与申请机构不存在利害关系' } };
      await this.act('confirm the invitation', 'POST', `${ep}/draws/${c.drawId}/members/${expertId}/confirm`, t, declaration, async () => {
        const d = await draw();
        return d.status !== 'DRAWN' || d.group.members.find((m: any) => m.expertId === expertId)?.state === 'confirmed' ? true : undefined;
      });
    }
    this.go(c, 'kick-off');
    await this.act('kick-off', 'POST', `${ep}/draws/${c.drawId}/kick-off`, officer, undefined, async () =>
      (await draw()).status !== 'DRAWN' ? true : undefined,
    );
    await this.untilStage(c, 'GROUP_FORMED');
    this.go(c, 'record the kick-off meeting');
    const formedAt = (await draw()).formedAt;
    const meeting = {
      heldOn: new Date(Date.parse(formedAt) + 8 * 3600_000).toISOString().slice(0, 10),
      place: '鉴定中心会议室',
      presentExpertIds: members,
      requirements: '明确技术评估要求',
      standardVersion: 'the standard in force on the formation date',
    };
    await this.act('record the kick-off meeting', 'PUT', `${ep}/draws/${c.drawId}/kick-off-meeting`, officer, meeting, async () =>
      (await draw()).group.kickOffMeeting ? true : undefined,
    );
    this.go(c, 'elect the leader');
    for (const voter of members) {
      const t = await this.token('expert', level, { expertId: voter });
      await this.act('vote', 'POST', `${ep}/draws/${c.drawId}/votes`, t, { candidateExpertId: members[0] }, async () => {
        const d = await draw();
        return d.status === 'LEADER_ELECTED' || d.group.votes.some((v: any) => v.voterExpertId === voter) ? true : undefined;
      });
    }
    c.members = members;
    c.leader = members[0];
    await this.untilStage(c, 'PRELIMINARY_REVIEW');

    this.go(c, 'preliminary opinion');
    const leader = await this.token('expert', level, { expertId: c.leader });
    const as = this.urls.assessment;
    const opinions = async () => (await this.read('the opinions', `${as}/cases/${c.caseId}/opinions`, staff)) as any[];
    const hasOpinion = (kind: string) => async () => ((await opinions()).some((o) => o.kind === kind) ? true : undefined);
    await this.evaluationReady(
      c,
      'group, leader, standard and stage',
      (e) => e.leaderExpertId === c.leader && !!e.standard && e.stage === 'PRELIMINARY_REVIEW',
    );
    await this.act(
      'record a finding',
      'POST',
      `${as}/cases/${c.caseId}/findings`,
      leader,
      { text: '考评员名单与资格证书一致。', materialRef: 'assessor-list' },
      async () => true,
    );
    await this.act(
      'submit the preliminary opinion',
      'POST',
      `${as}/cases/${c.caseId}/opinions/preliminary`,
      leader,
      { result: 'pass', reasons: [], summary: '材料齐全、符合要求，同意开展现场技术评估。' },
      hasOpinion('preliminary'),
    );
    if (city) await this.recheck(c, 'preliminary');
    await this.untilStage(c, 'ONSITE_EVALUATION');

    this.go(c, 'on-site scoring');
    const ev = await this.evaluationReady(c, 'the on-site stage', (e) => e.stage === 'ONSITE_EVALUATION' && !!e.scope);
    for (const expertId of members) {
      const t = await this.token('expert', level, { expertId });
      const sheet = {
        scores: ev.scope.items.flatMap((i: any) => i.subItems.map((s: any) => ({ subItemId: s.id, score: Math.round(s.maxPoints * 0.86 * 100) / 100 }))),
        evidenceNote: '听取汇报、现场查看、抽查题库',
        methods: ['听取汇报', '现场查看', '技术抽查'],
        vetoes: [],
      };
      const submitted = async () =>
        (await this.read('my score sheet', `${as}/cases/${c.caseId}/score-sheets/mine`, t)).status === 'submitted' ? true : undefined;
      await this.act('save the score sheet', 'PUT', `${as}/cases/${c.caseId}/score-sheets/mine`, t, sheet, submitted);
      await this.act('submit the score sheet', 'POST', `${as}/cases/${c.caseId}/score-sheets/mine/submit`, t, undefined, submitted);
    }
    this.go(c, 'technical opinion');
    await this.act(
      'submit the technical opinion',
      'POST',
      `${as}/cases/${c.caseId}/opinions/technical`,
      leader,
      { summary: '现场技术评估符合要求。' },
      hasOpinion('technical'),
    );
    await this.untilStage(c, 'COMPREHENSIVE_REVIEW');
    this.go(c, 'comprehensive opinion');
    // The plenary meets the day of the technical opinion (the services' clock), the whole group present.
    const technical = (await opinions()).find((o) => o.kind === 'technical');
    const meetingDay = new Date(Date.parse(technical.submittedAt) + 8 * 3600 * 1000).toISOString().slice(0, 10);
    await this.act(
      'submit the comprehensive opinion',
      'POST',
      `${as}/cases/${c.caseId}/opinions/comprehensive`,
      leader,
      {
        summary: '综合评审：同意备案。',
        meeting: { date: meetingDay, attendees: members },
        result: 'pass',
        occupations: c.occupations.map((o: any) => ({ code: o.code, levels: o.levels })),
      },
      hasOpinion('comprehensive'),
    );
    if (city) await this.recheck(c, 'comprehensive');
    await this.untilStage(c, 'APPROVAL');

    this.go(c, 'approve');
    const approver = await this.token('approver', c.jurisdiction);
    await this.act(
      'approve',
      'POST',
      `${review}/cases/${c.caseId}/approve`,
      approver,
      { note: '同意备案，予以公示', ...(city ? {} : { meetingReference: `厅长办公会纪要〔2025〕${randomInt(100)}号` }) },
      async () => ((await theCase()).stage !== 'APPROVAL' ? true : undefined),
    );
    this.go(c, 'public notice');
    await this.untilNotice(c, (n) => n.status === 'open', 'the notice');
  }

  private async recheck(c: FaultCase, gate: 'preliminary' | 'comprehensive'): Promise<void> {
    this.go(c, `${gate} re-check`);
    const staff = await this.token('center-staff', PROVINCE_CODE);
    const pending = await this.pendingRecheck(c, gate);
    const all = async () => (await this.read('the re-checks', `${this.urls.reviewProvince}/rechecks?status=all`, staff)).items as any[];
    await this.act(
      `decide the ${gate} re-check`,
      'POST',
      `${this.urls.reviewProvince}/rechecks/${pending.id}/decision`,
      staff,
      { decision: 'pass', reason: '复核通过' },
      async () => ((await all()).some((r) => r.id === pending.id && r.status !== 'pending') ? true : undefined),
    );
  }

  /** After the notice period: the filing notice, and the case complete everywhere. */
  async fileResilient(c: FaultCase): Promise<void> {
    this.go(c, 'filing notice');
    await this.untilNotice(c, (n) => n.filingStatus === 'requested' || n.filingStatus === 'issued', 'the filing request');
    const approver = await this.token('approver', PROVINCE_CODE);
    const staff = await this.token('center-staff', PROVINCE_CODE);
    await this.act('issue the filing notice', 'POST', `${this.urls.publication}/filing-requests/${c.noticeId}/issue`, approver, undefined, async () =>
      (await this.read('the notice', `${this.urls.publication}/notices/by-case/${c.caseId}`, staff)).filingStatus === 'issued' ? true : undefined,
    );
    await this.untilStage(c, 'FILING_NOTICE_ISSUED');
    const applicant = await this.token('applicant', c.jurisdiction, { creditCode: c.institution.creditCode });
    const deadline = Date.now() + this.waitMs;
    while ((await this.read('read the application', `${this.urls.intake}/applications/${c.caseId}`, applicant)).status !== 'FILED') {
      if (Date.now() > deadline) throw new Error(`case ${c.caseId} never FILED at intake`);
      await sleep(1500);
    }
    this.go(c, 'done');
    c.done = true;
  }
}
