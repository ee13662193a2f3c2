import { randomInt } from 'node:crypto';
import { issueDevToken } from '@filing/auth';
import { CaseStage, findJurisdiction, newCreditCode as creditCodeStarting, PROVINCE_CODE, Role } from '@filing/contracts';
import { httpRequest, sampleInstitution, waitFor } from '@filing/testing';
import { DemoExpert } from '../../../tools/demo/demo-experts';

/**
 * Drives cases through the whole filing procedure over the services' public HTTP APIs, with the token of the role
 * each step belongs to, waiting (on the services' GET endpoints) for the steps that travel as events. Used by the
 * end-to-end scenarios (test/e2e/procedure) and by `npm run demo` against a running platform.
 */

export interface PlatformUrls {
  intake: string;
  /** The province review instance (220000); it also serves every city without its own instance. */
  reviewProvince: string;
  /** City review instances by jurisdiction code, e.g. { '220100': 'http://127.0.0.1:3012' }. */
  reviewCities: Record<string, string>;
  expertPool: string;
  assessment: string;
  publication: string;
}

export interface Institution {
  name: string;
  creditCode: string;
  kind: 'employer' | 'social-org';
  legalRepresentative: string;
  address: string;
  contact: { person: string; phone: string; email?: string };
}

export interface Occupation {
  code: string;
  name: string;
  levels: number[];
  basis: 'national-standard' | 'enterprise-standard' | 'industry-standard';
}

/** What the plenary meeting concludes, where it departs from the default (the scores, every occupation as applied). */
export interface Plenary {
  result?: 'pass' | 'fail';
  overrideReason?: string;
  /** Levels passed per occupation code; an empty list = not passed. */
  levels?: Record<string, number[]>;
  reasons?: Record<string, string>;
  attendees?: string[];
  summary?: string;
}

/** The China date (YYYY-MM-DD) of an instant. */
export function chinaDateOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export interface HttpResult {
  status: number;
  body: any;
}

export class HttpError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${step}: HTTP ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }
}

/** A fresh 统一社会信用代码 of an enterprise registered in `area` (6 digits), check character per GB 32100-2015. */
export function newCreditCode(area = '220101'): string {
  return creditCodeStarting(`91${area}`, randomInt);
}

export function institution(name: string, kind: Institution['kind'] = 'employer', area = '220101'): Institution {
  return sampleInstitution({
    name,
    creditCode: newCreditCode(area),
    kind,
    ...(kind === 'social-org' ? { address: '吉林省长春市南关区人民大街 3288 号' } : {}),
  });
}

/** A tiny but real PDF: intake checks the declared type against the file's magic bytes. */
const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** Everything the driver learnt about one case while driving it. */
export interface CaseRecord {
  caseId: string;
  jurisdiction: string;
  institution: Institution;
  applicationKind: 'new-filing' | 'add-occupation';
  occupations: Occupation[];
  databaseLevel?: string;
  drawId?: string;
  members?: string[];
  leader?: string;
  noticeId?: string;
  filing?: any;
}

export interface DriverOptions {
  /** Progress in plain words (the demo prints it; the tests keep it quiet). */
  log?: (line: string) => void;
  /** How long to wait for one asynchronous step. */
  timeoutMs?: number;
}

export class ProcedureDriver {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly log: (line: string) => void;
  private readonly timeoutMs: number;

  constructor(
    readonly urls: PlatformUrls,
    opts: DriverOptions = {},
  ) {
    this.log = opts.log ?? (() => undefined);
    this.timeoutMs = opts.timeoutMs ?? 60000;
  }

  // ---- plumbing -------------------------------------------------------------------------------------------------

  token(role: Role, jurisdiction: string, extra: { creditCode?: string; expertId?: string } = {}): Promise<string> {
    const key = `${role}|${jurisdiction}|${extra.creditCode ?? ''}|${extra.expertId ?? ''}`;
    let t = this.tokens.get(key);
    if (!t) {
      const sub = extra.expertId ? `expert-${extra.expertId}` : extra.creditCode ? `applicant-${extra.creditCode}` : `${role}-${jurisdiction}`;
      t = issueDevToken({ roles: [role], jurisdiction, sub, ttl: '12h', ...extra });
      this.tokens.set(key, t);
    }
    return t;
  }

  async http(method: string, url: string, token: string | undefined, body?: unknown): Promise<HttpResult> {
    const r = await httpRequest(url, { method, token, body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body) });
    // Not JSON: an HTML page, kept as its text.
    return { status: r.status, body: r.text ? (r.json !== undefined ? r.json : r.text) : undefined };
  }

  /**
   * A step that must succeed (2xx); otherwise fails naming the step, the status and the service's answer. A 409 for
   * a concurrent change (an event for the case was applied between the service's read and write) is retried as the
   * answer asks, a few times.
   */
  async step(what: string, method: string, url: string, token: string | undefined, body?: unknown): Promise<any> {
    for (let attempt = 1; ; attempt++) {
      const r = await this.http(method, url, token, body);
      const concurrent = r.status === 409 && (r.body?.code === 'CONCURRENT_MODIFICATION' || /changed concurrently/.test(String(r.body?.message ?? '')));
      if (concurrent && attempt < 4) {
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        continue;
      }
      if (r.status < 200 || r.status > 299) throw new HttpError(what, r.status, r.body);
      return r.body;
    }
  }

  private wait<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
    return waitFor(what, probe, this.timeoutMs, 250);
  }

  /** The review instance serving a jurisdiction: its own city instance if it has one, else the province's. */
  reviewUrl(jurisdiction: string): string {
    return this.urls.reviewCities[jurisdiction] ?? this.urls.reviewProvince;
  }

  private allUrls(): string[] {
    const u = this.urls;
    return [u.intake, u.reviewProvince, ...Object.values(u.reviewCities), u.expertPool, u.assessment, u.publication];
  }

  /** Sets the SAME instant on every service's controllable clock (CLOCK_MODE=controllable). */
  async setClock(iso: string): Promise<void> {
    await Promise.all(this.allUrls().map((u) => this.step(`set the clock of ${u}`, 'POST', `${u}/test/clock`, undefined, { now: iso })));
    this.log(`时钟 / clock: every service now at ${iso}`);
  }

  // ---- expert databases (专家库) ---------------------------------------------------------------------------------

  async expertCount(level: string): Promise<number> {
    const staff = await this.token('center-staff', level);
    const r = await this.step(`list the experts of ${level}`, 'GET', `${this.urls.expertPool}/experts?limit=1`, staff);
    return r.total ?? r.items?.length ?? 0;
  }

  /** Imports experts into the database of `level` through expert-pool's import API (all or nothing). */
  async importExperts(level: string, experts: DemoExpert[]): Promise<{ imported: number }> {
    const staff = await this.token('center-staff', level);
    const job = await this.step(`import ${experts.length} experts into ${level}`, 'POST', `${this.urls.expertPool}/experts/imports`, staff, experts);
    return { imported: job.imported ?? experts.length };
  }

  // ---- intake: the applicant ------------------------------------------------------------------------------------

  /** Draft → a PDF for every required checklist item → submit. Returns the case (= application id). */
  async submit(
    jurisdiction: string,
    inst: Institution,
    occupations: Occupation[],
    opts: { applicationKind?: 'new-filing' | 'add-occupation'; existingFilingNumber?: string } = {},
  ): Promise<CaseRecord> {
    const applicationKind = opts.applicationKind ?? 'new-filing';
    const applicant = await this.token('applicant', jurisdiction, { creditCode: inst.creditCode });
    const draft = await this.step('open the application draft', 'POST', `${this.urls.intake}/applications`, applicant, {
      applicationKind,
      jurisdiction,
      institution: inst,
      occupations,
      ...(opts.existingFilingNumber ? { existingFilingNumber: opts.existingFilingNumber } : {}),
    });
    const required = (draft.checklist as { item: string; title: string; required: boolean }[]).filter((i) => i.required);
    for (const { item } of required) await this.upload(draft.id, applicant, item);
    await this.step('submit the application', 'POST', `${this.urls.intake}/applications/${draft.id}/submit`, applicant);
    this.log(
      `申报 / applied: ${inst.name} (${inst.creditCode}), ${applicationKind}, ${occupations.map((o) => o.name).join('、')}; ${required.length} materials uploaded; application ${draft.id}`,
    );
    const c: CaseRecord = { caseId: draft.id, jurisdiction, institution: inst, applicationKind, occupations };
    await this.waitStage(c, 'SUBMITTED');
    this.log(`  → 审核 / review opened the case at the ${this.reviewUrl(jurisdiction) === this.urls.reviewProvince ? 'province' : jurisdiction} instance`);
    return c;
  }

  private async upload(applicationId: string, applicant: string, item: string): Promise<void> {
    const form = new FormData();
    form.append('checklistItem', item);
    form.append('file', new Blob([SAMPLE_PDF], { type: 'application/pdf' }), `${item}.pdf`);
    await this.step(`upload ${item}`, 'POST', `${this.urls.intake}/applications/${applicationId}/materials`, applicant, form);
  }

  /** After a return (退回补正): upload corrected materials and resubmit. */
  async resubmit(c: CaseRecord, items: string[]): Promise<void> {
    const applicant = await this.token('applicant', c.jurisdiction, { creditCode: c.institution.creditCode });
    await this.wait('the return reaching intake', async () => (await this.application(c)).status === 'RETURNED');
    for (const item of items) await this.upload(c.caseId, applicant, item);
    await this.step('resubmit the application', 'POST', `${this.urls.intake}/applications/${c.caseId}/resubmit`, applicant);
    this.log(`补正 / resubmitted with corrected ${items.join(', ')}`);
    await this.waitStage(c, 'PRELIMINARY_REVIEW');
  }

  async application(c: CaseRecord): Promise<any> {
    const applicant = await this.token('applicant', c.jurisdiction, { creditCode: c.institution.creditCode });
    return this.step('read the application', 'GET', `${this.urls.intake}/applications/${c.caseId}`, applicant);
  }

  // ---- review: centre staff, provincial re-checks, approvers ------------------------------------------------------

  async reviewCase(c: CaseRecord): Promise<any> {
    const staff = await this.token('center-staff', c.jurisdiction);
    return this.step('read the case', 'GET', `${this.reviewUrl(c.jurisdiction)}/cases/${c.caseId}`, staff);
  }

  async waitStage(c: CaseRecord, stage: CaseStage): Promise<any> {
    const staff = await this.token('center-staff', c.jurisdiction);
    return this.wait(`case ${c.caseId} at stage ${stage}`, async () => {
      const r = await this.http('GET', `${this.reviewUrl(c.jurisdiction)}/cases/${c.caseId}`, staff);
      return r.status === 200 && r.body.stage === stage ? r.body : undefined;
    });
  }

  async accept(c: CaseRecord): Promise<void> {
    const staff = await this.token('center-staff', c.jurisdiction);
    await this.step('accept the case', 'POST', `${this.reviewUrl(c.jurisdiction)}/cases/${c.caseId}/accept`, staff, { note: '材料齐全，予以受理' });
    this.log('受理 / accepted by the centre staff');
  }

  async requestExperts(c: CaseRecord, groupSize: number, reserves = 2): Promise<void> {
    const staff = await this.token('center-staff', c.jurisdiction);
    const r = await this.step('request the expert group', 'POST', `${this.reviewUrl(c.jurisdiction)}/cases/${c.caseId}/expert-request`, staff, {
      workPlan: '技术评估工作方案：材料审查、现场评估（听取汇报、现场查看、技术抽查）、综合评审',
      groupSize,
      reserves,
      maxPerEmployer: 1,
    });
    c.databaseLevel = r.expertRequest.databaseLevel;
    this.log(`工作方案与专家需求 / work plan and expert request: ${groupSize} experts + ${reserves} reserves from the ${c.databaseLevel} database`);
  }

  /** The provincial centre decides the pending re-check of `gate` for the case (复核). */
  async decideRecheck(c: CaseRecord, gate: 'preliminary' | 'comprehensive', decision: 'pass' | 'fail' | 'return-to-group', reason: string): Promise<any> {
    const provinceStaff = await this.token('center-staff', PROVINCE_CODE);
    const pending = await this.wait(`the ${gate} re-check of ${c.caseId} in the province queue`, async () => {
      const r = await this.http('GET', `${this.urls.reviewProvince}/rechecks?status=pending`, provinceStaff);
      return r.status === 200 ? r.body.items.find((x: any) => x.caseId === c.caseId && x.gate === gate) : undefined;
    });
    const decided = await this.step(`decide the ${gate} re-check`, 'POST', `${this.urls.reviewProvince}/rechecks/${pending.id}/decision`, provinceStaff, {
      decision,
      reason,
    });
    this.log(`省级复核 / provincial re-check (${gate}): ${decision} — ${reason}`);
    return decided;
  }

  /** 审定: the local HRSS bureau for a city case, the 厅长办公会 (with its meeting reference) for a province case. */
  async approve(c: CaseRecord, meetingReference?: string): Promise<any> {
    const approver = await this.token('approver', c.jurisdiction);
    await this.waitStage(c, 'APPROVAL');
    const r = await this.step('approve the case', 'POST', `${this.reviewUrl(c.jurisdiction)}/cases/${c.caseId}/approve`, approver, {
      note: '同意备案，予以公示',
      ...(meetingReference ? { meetingReference } : {}),
    });
    this.log(`审定 / approved by ${r.approval?.approvalBody ?? 'the approver'}${meetingReference ? ` (${meetingReference})` : ''}`);
    return r;
  }

  async auditVerify(jurisdiction: string): Promise<any> {
    const admin = await this.token('admin', jurisdiction);
    return this.step('verify the audit chain', 'GET', `${this.reviewUrl(jurisdiction)}/audit/verify`, admin);
  }

  // ---- expert-pool: the draw (抽取), confirmations, kick-off, leader ------------------------------------------------

  /**
   * The discipline officer commits and draws; members confirm (the first `decline` members decline and reserves take
   * their seats); the kick-off meeting forms the group; every member votes for the first member, who becomes leader.
   */
  /**
   * `absent`: the last that many members miss the kick-off meeting; the members present elect the leader by majority
   * (ADR 0020), and the absent still serve on the group.
   */
  async formGroup(c: CaseRecord, opts: { decline?: number; entropy?: string; absent?: number } = {}): Promise<void> {
    const level = c.databaseLevel!;
    const officer = await this.token('discipline-officer', level);
    const ep = this.urls.expertPool;
    const queued = await this.wait(`the draw request of ${c.caseId} in the officer's queue`, async () => {
      const r = await this.http('GET', `${ep}/draws?status=QUEUED`, officer);
      return r.status === 200 ? r.body.items.find((d: any) => d.caseId === c.caseId) : undefined;
    });
    c.drawId = queued.id;
    const committed = await this.step('commit the draw', 'POST', `${ep}/draws/${c.drawId}/commitment`, officer);
    this.log(
      `抽取承诺 / commitment ${committed.commitment.commitment.slice(0, 16)}…: ${committed.commitment.eligibleCount} eligible, ${committed.commitment.excludedCount} excluded by avoidance (回避)`,
    );
    const drawn = await this.step('draw', 'POST', `${ep}/draws/${c.drawId}/draw`, officer, { officerEntropy: opts.entropy ?? `dice ${randomInt(1e9)}` });
    this.log(
      `随机抽取 / drawn: members ${drawn.group.members.map((m: any) => m.name).join('、')}; reserves ${drawn.group.reserves.map((r: any) => r.name).join('、')}`,
    );
    let members: string[] = drawn.group.members.map((m: any) => m.expertId);
    // The first `decline` members who can be replaced decline; a reserve takes each seat. A decline no reserve can
    // fill without breaking the requirements is refused (409) and changes nothing: that member stays.
    let declined = 0;
    for (const expertId of [...members]) {
      if (declined >= (opts.decline ?? 0)) break;
      const t = await this.token('expert', level, { expertId });
      const r = await this.http('POST', `${ep}/draws/${c.drawId}/members/${expertId}/decline`, t, { reason: '现场评估期间出差，无法参加' });
      const name = drawn.group.members.find((m: any) => m.expertId === expertId).name;
      if (r.status === 409) {
        this.log(`  ${name} cannot be replaced by a reserve (${r.body.message}); stays in the group`);
        continue;
      }
      if (r.status !== 200) throw new HttpError('decline the invitation', r.status, r.body);
      declined++;
      const after = await this.step('read the draw', 'GET', `${ep}/draws/${c.drawId}`, officer);
      const newcomer = after.group.members.find((m: any) => !members.includes(m.expertId));
      members = after.group.members.map((m: any) => m.expertId);
      this.log(`  ${name} declined (回避/请假); reserve ${newcomer?.name ?? '?'} takes the seat`);
    }
    for (const expertId of members) {
      await this.step(
        'confirm the invitation',
        'POST',
        `${ep}/draws/${c.drawId}/members/${expertId}/confirm`,
        await this.token('expert', level, { expertId }),
        {
          conflictDeclaration: { hasConflict: false, statement: '本人与申请机构不存在利害关系，承诺客观公正、保守秘密' },
        },
      );
    }
    const kickedOff = await this.step('kick-off meeting', 'POST', `${ep}/draws/${c.drawId}/kick-off`, officer);
    this.log(`启动会 / kick-off: ${members.length} members confirmed (回避声明 signed), group formed`);
    await this.waitStage(c, 'GROUP_FORMED');
    const present = members.slice(0, members.length - (opts.absent ?? 0));
    await this.step('record the kick-off meeting', 'PUT', `${ep}/draws/${c.drawId}/kick-off-meeting`, officer, {
      // The China date of the formation: the meeting is held the day the group is formed.
      heldOn: new Date(Date.parse(kickedOff.formedAt) + 8 * 3600_000).toISOString().slice(0, 10),
      place: '鉴定中心会议室',
      presentExpertIds: present,
      requirements: '明确技术评估要求：材料审核、现场评估、综合评审',
      standardVersion: 'the standard in force on the formation date',
    });
    for (const voter of present) {
      await this.step('vote for the leader', 'POST', `${ep}/draws/${c.drawId}/votes`, await this.token('expert', level, { expertId: voter }), {
        candidateExpertId: members[0],
      });
    }
    c.members = members;
    c.leader = members[0];
    await this.waitStage(c, 'PRELIMINARY_REVIEW');
    const formed = await this.step('read the draw', 'GET', `${ep}/draws/${c.drawId}`, officer);
    this.log(
      `组长 / leader elected by ${present.length} votes of ${present.length} present (${members.length} members): ${formed.group.members.find((m: any) => m.expertId === c.leader)?.name} (${c.leader})`,
    );
  }

  async draw(c: CaseRecord): Promise<any> {
    return this.step('read the draw', 'GET', `${this.urls.expertPool}/draws/${c.drawId}`, await this.token('discipline-officer', c.databaseLevel!));
  }

  async exclusions(c: CaseRecord): Promise<any> {
    return this.step(
      'read the exclusions',
      'GET',
      `${this.urls.expertPool}/draws/${c.drawId}/exclusions`,
      await this.token('discipline-officer', c.databaseLevel!),
    );
  }

  /** The public verification once the seed is revealed (after the comprehensive opinion). */
  async verifiedDraw(c: CaseRecord): Promise<any> {
    return this.wait(`the seed of draw ${c.drawId} revealed`, async () => {
      const r = await this.http('GET', `${this.urls.expertPool}/draws/${c.drawId}/verification`, undefined);
      return r.status === 200 && r.body.state === 'revealed' ? r.body : undefined;
    });
  }

  // ---- assessment: the group's work -----------------------------------------------------------------------------

  async evaluation(c: CaseRecord): Promise<any> {
    return this.step('read the evaluation', 'GET', `${this.urls.assessment}/cases/${c.caseId}/evaluation`, await this.token('center-staff', c.jurisdiction));
  }

  private async waitEvaluation(c: CaseRecord, what: string, pred: (e: any) => boolean): Promise<any> {
    const staff = await this.token('center-staff', c.jurisdiction);
    return this.wait(`${what} (assessment, case ${c.caseId})`, async () => {
      const r = await this.http('GET', `${this.urls.assessment}/cases/${c.caseId}/evaluation`, staff);
      return r.status === 200 && pred(r.body) ? r.body : undefined;
    });
  }

  private leaderToken(c: CaseRecord): Promise<string> {
    return this.token('expert', c.databaseLevel!, { expertId: c.leader! });
  }

  /** The leader's preliminary opinion (初评意见) on the materials, after a member's finding. */
  async preliminaryOpinion(c: CaseRecord, result: 'pass' | 'fail' = 'pass'): Promise<void> {
    await this.waitEvaluation(c, 'group, leader, standard and stage', (e) => e.leaderExpertId === c.leader && !!e.standard && e.stage === 'PRELIMINARY_REVIEW');
    const leader = await this.leaderToken(c);
    await this.step('record a finding', 'POST', `${this.urls.assessment}/cases/${c.caseId}/findings`, leader, {
      text: '考评员名单与资格证书一致，题库来源说明完整。',
      materialRef: 'assessor-list',
    });
    await this.step('submit the preliminary opinion', 'POST', `${this.urls.assessment}/cases/${c.caseId}/opinions/preliminary`, leader, {
      result,
      reasons: result === 'fail' ? ['考评员名单不全'] : [],
      summary: result === 'pass' ? '材料齐全、符合要求，同意开展现场技术评估。' : '材料不全，退回补正。',
    });
    this.log(`初评意见 / preliminary opinion: ${result}`);
  }

  /** A member of the case's group lists the materials and downloads the first version (each read logged at intake). */
  async readMaterials(c: CaseRecord, expertId: string): Promise<{ materialId: string; sha256: string }> {
    const t = await this.token('expert', c.databaseLevel!, { expertId });
    const items = await this.wait(`the materials of ${c.caseId} open to expert ${expertId}`, async () => {
      const r = await this.http('GET', `${this.urls.intake}/applications/${c.caseId}/materials`, t);
      return r.status === 200 ? r.body : undefined;
    });
    const version = items.flatMap((i: any) => i.versions)[0];
    const file = await fetch(`${this.urls.intake}/applications/${c.caseId}/materials/${version.materialId}/content`, {
      headers: { authorization: `Bearer ${t}` },
    });
    if (file.status !== 200) throw new HttpError('download a material', file.status, await file.text());
    await file.arrayBuffer();
    return { materialId: version.materialId, sha256: file.headers.get('x-content-sha256') ?? '' };
  }

  /** The centre's view of the group's reads of the materials. */
  async materialAccess(c: CaseRecord): Promise<any[]> {
    const staff = await this.token('center-staff', c.jurisdiction);
    return (await this.step('read the material access log', 'GET', `${this.urls.intake}/applications/${c.caseId}/material-access`, staff)).items;
  }

  /**
   * 现场技术评估: the leader plans the visit for the service's day, every member signs in, and the group records one
   * entry per method (听取汇报, 现场查看, 访谈咨询, 质询答疑, 技术抽查) tied to the standard's items, the spot check with a
   * document as evidence. Every member records at least one entry (a member's score sheet needs one).
   */
  async recordVisit(c: CaseRecord): Promise<any> {
    await this.waitEvaluation(c, 'the on-site evaluation stage', (e) => e.stage === 'ONSITE_EVALUATION');
    const path = `${this.urls.assessment}/cases/${c.caseId}/onsite-visit`;
    const tokens = await Promise.all(c.members!.map((expertId) => this.token('expert', c.databaseLevel!, { expertId })));
    const before = await this.step('read the visit', 'GET', path, tokens[0]);
    await this.step('plan the on-site visit', 'PUT', path, tokens[0], { date: before.today, place: '申报机构实训楼', memberIds: c.members });
    for (const t of tokens) await this.step('sign in on the day', 'POST', `${path}/sign-in`, t);
    const by = (i: number) => tokens[i % tokens.length];
    const entries: [string, object][] = [
      [by(0), { method: '听取汇报', notes: '机构负责人介绍认定工作组织体系。', itemIds: ['1'], reporter: '王立新（法定代表人）' }],
      [by(1), { method: '现场查看', notes: '实操场地与监控符合要求。', itemIds: ['5'], sites: ['实训车间', '监控室'] }],
      [by(2), { method: '访谈咨询', notes: '考评员熟悉考评流程。', itemIds: ['4'], interviewees: [{ name: '刘强', role: '考评员' }] }],
      [by(1), { method: '质询答疑', notes: '', itemIds: ['6'], questions: [{ question: '试卷如何保密？', answer: '专人保管，双人双锁。' }] }],
      [by(0), { method: '技术抽查', notes: '', itemIds: ['3.1'], checks: [{ subject: '题库抽查 20 题', result: '符合' }] }],
    ];
    const recorded: any[] = [];
    for (const [t, entry] of entries) recorded.push(await this.step('record a visit entry', 'POST', `${path}/records`, t, entry));
    const form = new FormData();
    form.append('file', new Blob([SAMPLE_PDF], { type: 'application/pdf' }), '抽查记录.pdf');
    await this.step('upload visit evidence', 'POST', `${path}/records/${recorded[4].recordId}/evidence`, by(0), form);
    const visit = await this.step('read the visit', 'GET', path, tokens[0]);
    this.log(
      `现场技术评估 / on-site visit ${visit.date} at ${visit.place}: ${visit.records.length} entries by ${new Set(visit.records.map((r: any) => r.method)).size} methods`,
    );
    return visit;
  }

  /** Every member fills and submits their on-site score sheet at `share` of each sub-item's maximum. */
  async scoreOnsite(c: CaseRecord, share = 0.86): Promise<void> {
    const ev = await this.waitEvaluation(c, 'the on-site evaluation stage', (e) => e.stage === 'ONSITE_EVALUATION' && !!e.scope);
    for (const expertId of c.members!) {
      const t = await this.token('expert', c.databaseLevel!, { expertId });
      const sheet = {
        scores: ev.scope.items.flatMap((i: any) => i.subItems.map((s: any) => ({ subItemId: s.id, score: Math.round(s.maxPoints * share * 100) / 100 }))),
        evidenceNote: '听取汇报、现场查看实操场地与监控、抽查题库与考评记录',
        methods: ['听取汇报', '现场查看', '技术抽查'],
        vetoes: [],
      };
      await this.step('save the score sheet', 'PUT', `${this.urls.assessment}/cases/${c.caseId}/score-sheets/mine`, t, sheet);
      await this.step('submit the score sheet', 'POST', `${this.urls.assessment}/cases/${c.caseId}/score-sheets/mine/submit`, t);
    }
    this.log(
      `现场评估 / on-site scoring: ${c.members!.length} score sheets submitted (${ev.scope.occupationOnly ? 'occupation-related items only' : 'all items'})`,
    );
  }

  async technicalOpinion(c: CaseRecord): Promise<any> {
    const leader = await this.leaderToken(c);
    const technical = await this.step('submit the technical opinion', 'POST', `${this.urls.assessment}/cases/${c.caseId}/opinions/technical`, leader, {
      summary: '现场技术评估符合要求。',
    });
    this.log(
      `技术评估意见 / technical opinion: ${technical.result}, total ${technical.consolidation?.total ?? technical.total} of ${technical.standard?.total ?? 100} (pass line ${technical.standard?.passLine ?? '?'})`,
    );
    await this.waitStage(c, 'COMPREHENSIVE_REVIEW');
    return technical;
  }

  /**
   * The plenary meeting (综合评审会) of the whole group on the day of the technical opinion concludes. By default the
   * result follows the scores and every applied occupation passes at every level applied for (or, on a fail, none).
   */
  comprehensiveBody(c: CaseRecord, technical: any, plenary: Plenary = {}): Record<string, unknown> {
    const result = plenary.result ?? technical.result;
    return {
      summary:
        plenary.summary ??
        (result === 'pass' ? '综合评审：该机构具备开展职业技能等级认定的条件，同意备案。' : '综合评审：该机构暂不具备开展职业技能等级认定的条件。'),
      meeting: { date: chinaDateOf(technical.submittedAt), place: '技术评估专家组会议室', attendees: plenary.attendees ?? c.members },
      result,
      ...(plenary.overrideReason ? { overrideReason: plenary.overrideReason } : {}),
      occupations: c.occupations.map((o) => {
        const levels = plenary.levels?.[o.code] ?? (result === 'pass' ? o.levels : []);
        return { code: o.code, levels, ...(levels.length < o.levels.length ? { reason: plenary.reasons?.[o.code] ?? '未达到该职业（等级）的评估要求' } : {}) };
      }),
    };
  }

  async comprehensiveOpinion(c: CaseRecord, technical: any, plenary: Plenary = {}): Promise<any> {
    const comprehensive = await this.step(
      'submit the comprehensive opinion',
      'POST',
      `${this.urls.assessment}/cases/${c.caseId}/opinions/comprehensive`,
      await this.leaderToken(c),
      this.comprehensiveBody(c, technical, plenary),
    );
    const passed = (comprehensive.plenary?.occupationOutcomes ?? []).filter((o: any) => o.result === 'pass').map((o: any) => o.name);
    this.log(
      `综合技术评估意见 / comprehensive opinion: ${comprehensive.result}, total ${comprehensive.consolidation?.total ?? comprehensive.total}; passed: ${passed.join('、') || 'none'}`,
    );
    return comprehensive;
  }

  async technicalAndComprehensive(c: CaseRecord, plenary: Plenary = {}): Promise<{ technical: any; comprehensive: any }> {
    const technical = await this.technicalOpinion(c);
    const comprehensive = await this.comprehensiveOpinion(c, technical, plenary);
    return { technical, comprehensive };
  }

  async opinions(c: CaseRecord): Promise<any[]> {
    return this.step('read the opinions', 'GET', `${this.urls.assessment}/cases/${c.caseId}/opinions`, await this.token('center-staff', c.jurisdiction));
  }

  // ---- publication: notice (公示), objections (异议), filing notice (备案通知), register -------------------------------

  async notice(c: CaseRecord, pred: (n: any) => boolean = () => true, what = 'the notice'): Promise<any> {
    const staff = await this.token('center-staff', PROVINCE_CODE);
    const n = await this.wait(`${what} of case ${c.caseId}`, async () => {
      const r = await this.http('GET', `${this.urls.publication}/notices/by-case/${c.caseId}`, staff);
      return r.status === 200 && pred(r.body) ? r.body : undefined;
    });
    c.noticeId = n.id;
    return n;
  }

  async publicNotice(c: CaseRecord): Promise<any> {
    return this.step('read the public notice', 'GET', `${this.urls.publication}/public/notices/${c.noticeId}`, undefined);
  }

  /** Moves every clock to the morning after the notice's last day and waits until the notice closes. */
  async closeNotice(c: CaseRecord): Promise<any> {
    const n = await this.notice(c);
    const next = new Date(Date.parse(`${n.endDate}T09:00:00+08:00`) + 86400000).toISOString();
    await this.setClock(next);
    const closed = await this.notice(c, (x) => x.status === 'closed', 'the closed notice');
    this.log(`公示结束 / notice closed: ${closed.outcome}`);
    return closed;
  }

  async lodgeObjection(c: CaseRecord, reason: string): Promise<any> {
    const r = await this.step('lodge an objection', 'POST', `${this.urls.publication}/public/notices/${c.noticeId}/objections`, undefined, {
      name: '张三',
      idNumber: '220102199001011239',
      phone: '13912345678',
      reason,
    });
    this.log(`异议 / objection lodged, receipt ${r.receiptNumber}`);
    return r;
  }

  async settleObjection(c: CaseRecord, objectionId: string, outcome: 'upheld' | 'dismissed', reason: string): Promise<any> {
    const staff = await this.token('center-staff', c.jurisdiction);
    await this.step('investigate the objection', 'POST', `${this.urls.publication}/objections/${objectionId}/investigation`, staff, { note: '安排实地核查' });
    const r = await this.step('resolve the objection', 'POST', `${this.urls.publication}/objections/${objectionId}/resolution`, staff, {
      outcome,
      ...(outcome === 'upheld' ? { scope: 'whole-case' } : {}),
      reason,
    });
    this.log(`异议处理 / objection ${outcome}: ${reason}`);
    return r;
  }

  async objections(c: CaseRecord): Promise<any[]> {
    const r = await this.step(
      'list the objections',
      'GET',
      `${this.urls.publication}/notices/${c.noticeId}/objections`,
      await this.token('center-staff', c.jurisdiction),
    );
    return r.items;
  }

  /** The provincial approver issues the filing notice (备案通知) for the case's closed notice. */
  async issueFiling(c: CaseRecord): Promise<any> {
    await this.waitStage(c, 'FILING_NOTICE_REQUESTED');
    await this.notice(c, (n) => n.filingStatus === 'requested', 'the filing request');
    const approver = await this.token('approver', PROVINCE_CODE);
    c.filing = await this.step('issue the filing notice', 'POST', `${this.urls.publication}/filing-requests/${c.noticeId}/issue`, approver);
    this.log(`备案通知 / filing notice ${c.filing.noticeNumber} (${c.filing.noticeDate}), 备案编号 ${c.filing.filingNumber}`);
    await this.waitStage(c, 'FILING_NOTICE_ISSUED');
    return c.filing;
  }

  async registerEntry(inst: { name: string; creditCode: string }): Promise<any> {
    const r = await this.step(
      'search the register',
      'GET',
      `${this.urls.publication}/public/register?pageSize=100&name=${encodeURIComponent(inst.name)}`,
      undefined,
    );
    return r.items.find((i: any) => i.creditCode === inst.creditCode);
  }

  // ---- the whole path -------------------------------------------------------------------------------------------

  /**
   * From submission to the approval: accept, experts, draw, leader, preliminary opinion (+ provincial re-check for a
   * city case), on-site scoring, technical and comprehensive opinions (+ re-check), approval. Province cases need a
   * meeting reference for the 厅长办公会.
   */
  async throughApproval(c: CaseRecord, opts: { groupSize?: number; decline?: number; meetingReference?: string } = {}): Promise<void> {
    await this.accept(c);
    await this.requestExperts(c, opts.groupSize ?? 3);
    await this.formGroup(c, { decline: opts.decline });
    await this.fromPreliminaryOpinionToApproval(c, opts);
  }

  /**
   * With the group formed (or after a resubmission): preliminary opinion (+ provincial re-check for a city case),
   * on-site scoring, technical and comprehensive opinions (+ re-check), approval.
   */
  async fromPreliminaryOpinionToApproval(c: CaseRecord, opts: { meetingReference?: string } = {}): Promise<void> {
    const city = findJurisdiction(c.jurisdiction)?.level === 'city';
    await this.preliminaryOpinion(c);
    if (city) await this.decideRecheck(c, 'preliminary', 'pass', '初评意见复核通过');
    await this.waitStage(c, 'ONSITE_EVALUATION');
    await this.scoreOnsite(c);
    await this.technicalAndComprehensive(c);
    if (city) await this.decideRecheck(c, 'comprehensive', 'pass', '综合技术评估意见复核通过');
    await this.approve(c, opts.meetingReference);
  }
}
