// Hand-written payloads, one valid sample per event and the ways to break it. Written by hand on purpose: a sample
// built from the schema would agree with the schema even when both are wrong.
import { EventName } from '../src/catalogue';

const caseId = '0b8f6f4e-3f5a-4c1e-9a59-1c2d3e4f5a6b';
const at = '2026-03-02T09:30:00+08:00';
const hex64 = 'a3f1'.repeat(16);

const contact = { person: '李四', phone: '0431-8888 8888', email: 'contact@example.cn' };
const institution = {
  name: '吉林省某某职业技能培训学校',
  creditCode: '52220000MJY123456A',
  kind: 'social-org',
  legalRepresentative: '张三',
  address: '长春市南关区人民大街1号',
  contact,
};
const occupation = { code: '4-10-01-05', name: '养老护理员', levels: [5, 4, 3], basis: 'national-standard' };
const material = {
  materialId: 'mat-1',
  checklistItem: 'application-report',
  fileName: '申报报告.pdf',
  contentType: 'application/pdf',
  size: 102400,
  sha256: hex64,
  version: 1,
};
const staff = { subject: 'user-1', role: 'center-staff', jurisdiction: '220100', name: '王五' };
const member = (n: number) => ({ expertId: `expert-${n}`, name: `专家${n}`, occupationCodes: ['4-10-01-05'] });

export const validSamples = {
  applicationSubmitted: {
    caseId,
    applicationKind: 'new-filing',
    jurisdiction: '220100',
    institution,
    occupations: [occupation],
    materials: [material],
    submittedAt: at,
  },
  applicationResubmitted: { caseId, round: 1, materials: [{ ...material, version: 2 }], note: '补充场地证明', resubmittedAt: at },
  caseStageChanged: { caseId, jurisdiction: '220100', from: 'SUBMITTED', to: 'ACCEPTED', action: 'accept', actor: staff, at },
  expertGroupRequested: {
    caseId,
    jurisdiction: '220100',
    databaseLevel: '220100',
    applicationKind: 'new-filing',
    applicant: { name: institution.name, creditCode: institution.creditCode, kind: 'social-org' },
    occupations: [occupation],
    groupSize: 5,
    reserves: 2,
    maxPerEmployer: 1,
    workPlan: '技术评估工作方案',
    plannedOnsiteDate: '2026-04-10',
    requestedBy: staff,
    requestedAt: at,
  },
  recheckRequested: {
    caseId,
    jurisdiction: '220100',
    gate: 'preliminary',
    applicationKind: 'new-filing',
    institution,
    occupations: [occupation],
    opinion: { result: 'pass', summary: '初评通过', total: 82, opinionId: 'op-1' },
    requestedBy: staff,
    requestedAt: at,
  },
  recheckDecided: {
    caseId,
    jurisdiction: '220100',
    gate: 'preliminary',
    decision: 'pass',
    reason: '材料齐全',
    decidedBy: { ...staff, jurisdiction: '220000' },
    decidedAt: at,
  },
  caseReturned: {
    caseId,
    jurisdiction: '220100',
    atStage: 'PRELIMINARY_REVIEW',
    reasons: ['缺少场地证明'],
    returnCount: 1,
    returnedBy: staff,
    returnedAt: at,
  },
  caseApproved: {
    caseId,
    jurisdiction: '220100',
    applicationKind: 'new-filing',
    approvalBody: 'local-hrss-bureau',
    institution,
    occupations: [occupation],
    score: 85,
    approvedBy: { ...staff, role: 'approver' },
    approvedAt: at,
  },
  caseRejected: {
    caseId,
    jurisdiction: '220100',
    atStage: 'COMPREHENSIVE_REVIEW',
    finalStage: 'NOT_PASSED',
    reason: '否决项：无固定评价场地',
    decidedBy: staff,
    decidedAt: at,
  },
  groupFormed: {
    caseId,
    jurisdiction: '220100',
    groupId: 'group-1',
    drawId: 'draw-1',
    databaseLevel: '220100',
    members: [member(1), member(2), member(3)],
    reserveCount: 2,
    commitment: hex64,
    formedAt: at,
  },
  groupMemberReplaced: {
    caseId,
    jurisdiction: '220100',
    groupId: 'group-1',
    replacedExpertId: 'expert-2',
    replacement: member(4),
    cause: 'recused',
    reason: '与申报机构存在利害关系',
    replacedAt: at,
  },
  groupLeaderElected: { caseId, jurisdiction: '220100', groupId: 'group-1', leaderExpertId: 'expert-1', votes: 3, voters: 3, electedAt: at },
  drawSeedRevealed: { caseId, jurisdiction: '220100', drawId: 'draw-1', commitment: hex64, seed: 'b2'.repeat(32), revealedAt: at },
  opinionSubmitted: {
    caseId,
    jurisdiction: '220100',
    opinionId: 'op-2',
    kind: 'comprehensive',
    result: 'pass',
    summary: '综合技术评估通过',
    total: 82.5,
    passLine: 60,
    standard: { standardId: 'jl-tech-eval', version: '2022' },
    items: [{ itemId: 'site', title: '场地设施', maxPoints: 20, score: 18 }],
    vetoes: [],
    dissent: [],
    vetoed: false,
    round: 1,
    meeting: { date: '2026-05-05', place: '评审会议室', attendees: ['expert-1', 'expert-2'] },
    scoreResult: 'pass',
    occupationOutcomes: [
      { code: '6-18-01-01', name: '车工', result: 'pass', appliedLevels: [5, 4, 3], levels: [5, 4], reason: '三级考评员不足' },
      { code: '6-18-02-04', name: '焊工', result: 'fail', appliedLevels: [5, 4], levels: [], reason: '焊接工位不足' },
    ],
    leaderExpertId: 'expert-1',
    submittedAt: at,
  },
  noticeOpened: {
    caseId,
    jurisdiction: '220100',
    noticeId: 'notice-1',
    startDate: '2026-05-06',
    endDate: '2026-05-12',
    workingDays: 5,
    publicationDayCounts: false,
    institution,
    occupations: [occupation],
    openedAt: at,
  },
  noticeAwaitingCalendar: {
    caseId,
    jurisdiction: '220100',
    year: 2027,
    approvedAt: at,
    waitingSince: at,
  },
  noticeClosed: {
    caseId,
    jurisdiction: '220100',
    noticeId: 'notice-1',
    outcome: 'no-objection',
    remainingOccupations: [occupation],
    closedAt: at,
  },
  objectionReceived: { caseId, jurisdiction: '220100', noticeId: 'notice-1', objectionId: 'obj-1', receiptNumber: 'YY-2026-0001', receivedAt: at },
  objectionResolved: {
    caseId,
    jurisdiction: '220100',
    noticeId: 'notice-1',
    objectionId: 'obj-1',
    outcome: 'dismissed',
    struckOccupationCodes: [],
    reason: '经核实，异议不成立',
    resolvedBy: staff,
    resolvedAt: at,
  },
  filingRequested: { caseId, jurisdiction: '220100', noticeId: 'notice-1', requestedBy: 'user-1', requestedAt: at },
  filingIssued: {
    filingId: '5d0c3c1e-8c9a-4f7e-9d61-2b7f0a1c4e55',
    sequence: 1,
    caseId,
    applicationKind: 'new-filing',
    noticeNumber: '吉人社备〔2026〕12号',
    noticeDate: '2026-05-20',
    issuingAuthority: '吉林省人力资源和社会保障厅',
    institution: {
      name: institution.name,
      creditCode: institution.creditCode,
      kind: 'social-org',
      province: '220000',
      jurisdiction: '220100',
      jurisdictionName: '长春市',
      scope: 'public',
      contact: { ...contact, address: institution.address },
    },
    occupations: [occupation],
    status: 'valid',
    issuedAt: at,
  },
  filingStatusChanged: {
    changeId: '7a1c3c1e-8c9a-4f7e-9d61-2b7f0a1c4e66',
    sequence: 2,
    action: 'suspend',
    status: 'suspended',
    previousStatus: 'valid',
    filingNumber: '220000-2026-0012',
    reason: '年度检查发现考评员配备不足，暂停认定，限期整改。',
    suspension: { from: '2026-06-01', until: '2026-08-31' },
    institution: {
      name: institution.name,
      creditCode: institution.creditCode,
      kind: 'social-org',
      province: '220000',
      jurisdiction: '220100',
      jurisdictionName: '长春市',
      address: institution.address,
    },
    occupations: [occupation],
    decidedBy: { authority: '长春市人力资源和社会保障局', jurisdiction: '220100' },
    decidedAt: at,
  },
  registerEntryImported: {
    importId: '8b2d3c1e-8c9a-4f7e-9d61-2b7f0a1c4e77',
    institution: {
      name: institution.name,
      creditCode: institution.creditCode,
      kind: 'employer',
      province: '220000',
      jurisdiction: '220100',
      jurisdictionName: '长春市',
    },
    noticeNumber: '吉人社备〔2021〕3号',
    noticeDate: '2021-04-12',
    filingNumber: 'JL-2021-003',
    occupations: [occupation],
    importedAt: at,
  },
  calendarOverridesLoaded: {
    year: 2027,
    days: [
      { date: '2027-01-01', kind: 'holiday' },
      { date: '2027-02-06', kind: 'workday' },
    ],
    loadedBy: { subject: 'admin-1', role: 'admin', jurisdiction: '220000' },
    loadedAt: at,
  },
  instanceHeartbeat: {
    jurisdiction: '220100',
    asOf: at,
    openCases: 3,
    overdueCases: 1,
    byStage: [
      { stage: 'SUBMITTED', cases: 2, overdue: 1 },
      { stage: 'PRELIMINARY_REVIEW', cases: 1, overdue: 0 },
    ],
  },
  applicantNotificationRequested: {
    caseId,
    jurisdiction: '220100',
    kind: 'materials-returned',
    recipient: { id: `institution:${institution.creditCode}`, role: 'applicant', name: institution.name, email: contact.email },
    params: { institution: institution.name, returnedAt: at, reasons: '师资证明缺少职业资格证书复印件' },
    link: `/applicant/applications/${caseId}`,
    dedupeKey: `evt-1|institution:${institution.creditCode}`,
    requestedAt: at,
  },
  expertNotificationRequested: {
    caseId,
    jurisdiction: '220100',
    kind: 'expert-invited',
    recipient: { id: 'expert:expert-1', role: 'expert', name: '专家1', email: 'expert1@example.cn', mobile: '13912345678' },
    params: { institution: institution.name, drawnAt: at, confirmBy: at },
    link: '/expert/draws/draw-1',
    dedupeKey: 'draw-1|drawn|expert:expert-1',
    requestedAt: at,
  },
  publicationNotificationRequested: {
    caseId,
    jurisdiction: '220100',
    kind: 'objection-decided',
    recipient: { id: 'objection:objection-1', role: 'public', name: '张三', email: 'zhang.san@example.cn', mobile: '13912345678' },
    params: { institution: institution.name, receiptNumber: 'YY-20250929-ABCDEFGH', outcome: 'dismissed', decidedAt: at, reason: '经核查，异议不成立。' },
    link: '/objections/YY-20250929-ABCDEFGH',
    dedupeKey: 'objection-1|decided|objection:objection-1',
    requestedAt: at,
  },
  reviewNotificationRequested: {
    caseId,
    jurisdiction: '220100',
    kind: 'case-in-queue',
    recipient: { id: 'role:center-staff@220100', role: 'center-staff' },
    params: { institution: institution.name, stage: 'SUBMITTED', arrivedAt: at },
    link: `/cases/${caseId}`,
    dedupeKey: `${caseId}|v1|role:center-staff@220100`,
    requestedAt: at,
  },
} satisfies Record<EventName, object>;

/** A way to break a sample, and the dotted path of the field the error must name. */
export interface Breakage {
  field: string;
  value?: unknown;
  /** Delete the field instead of setting `value`. */
  remove?: true;
}

const BAD_CREDIT_CODE = '91220101MA0Y1234IO'; // I and O are not in the GB 32100 alphabet

/** Beyond a missing key field (caseId for case events; checked for every event): the breakages worth naming per event. */
export const breakages: Record<EventName, Breakage[]> = {
  applicantNotificationRequested: [
    { field: 'kind', value: 'anything' },
    { field: 'recipient.id', value: 'someone' },
    { field: 'link', value: 'https://elsewhere.example.com/' },
  ],
  expertNotificationRequested: [
    { field: 'recipient.mobile', value: '0431-8888' },
    { field: 'recipient.email', value: 'not-an-email' },
  ],
  publicationNotificationRequested: [
    { field: 'recipient.role', value: 'anyone' },
    { field: 'recipient.id', value: 'objector:zhang' },
  ],
  reviewNotificationRequested: [{ field: 'jurisdiction', value: '长春' }],
  applicationSubmitted: [
    { field: 'institution.creditCode', value: BAD_CREDIT_CODE },
    { field: 'jurisdiction', value: '长春' },
    { field: 'occupations.0.code', value: '4-10-1-5' },
  ],
  applicationResubmitted: [
    { field: 'round', value: 0 },
    { field: 'materials.0.sha256', value: 'not-a-hash' },
  ],
  caseStageChanged: [
    { field: 'jurisdiction', value: '2201' },
    { field: 'to', value: 'DONE' },
  ],
  expertGroupRequested: [
    { field: 'applicant.creditCode', value: BAD_CREDIT_CODE },
    { field: 'groupSize', value: 2 },
  ],
  recheckRequested: [
    { field: 'gate', value: 'final' },
    { field: 'opinion.result', value: 'maybe' },
  ],
  recheckDecided: [
    { field: 'decidedBy.jurisdiction', value: 'JL' },
    { field: 'decision', value: 'reconsider' },
  ],
  caseReturned: [{ field: 'reasons', value: [] }],
  caseApproved: [
    { field: 'occupations.0.levels', value: [6] },
    { field: 'institution.contact.email', value: 'not-an-email' },
  ],
  caseRejected: [{ field: 'finalStage', value: 'FAILED' }],
  groupFormed: [
    { field: 'members', value: [member(1), member(2)] },
    { field: 'commitment', value: 'ABC' },
  ],
  groupMemberReplaced: [
    { field: 'replacement.occupationCodes', value: ['6-31'] },
    { field: 'cause', value: 'bored' },
  ],
  groupLeaderElected: [{ field: 'votes', value: -1 }],
  drawSeedRevealed: [{ field: 'seed', value: 'XYZ' }],
  opinionSubmitted: [
    { field: 'items.0.score', value: -1 },
    { field: 'kind', value: 'final' },
    { field: 'occupationOutcomes.0.levels', value: [6] },
    { field: 'meeting.date', value: '5 May' },
  ],
  noticeOpened: [
    { field: 'startDate', value: '2026/05/06' },
    { field: 'workingDays', value: 0 },
  ],
  noticeAwaitingCalendar: [
    { field: 'year', value: 27 },
    { field: 'waitingSince', value: 'since Monday' },
  ],
  noticeClosed: [{ field: 'outcome', value: 'ok' }],
  objectionReceived: [{ field: 'receivedAt', value: 'yesterday' }],
  objectionResolved: [{ field: 'resolvedBy.role', value: 'boss' }],
  filingRequested: [
    { field: 'jurisdiction', value: '22010a' },
    { field: 'requestedBy', remove: true },
  ],
  filingIssued: [
    { field: 'institution.creditCode', value: BAD_CREDIT_CODE },
    { field: 'institution.jurisdiction', value: 'cc' },
    { field: 'sequence', value: 0 },
    { field: 'noticeDate', value: '20 May 2026' },
    { field: 'occupations', value: [] },
    { field: 'status', value: 'exited' },
  ],
  filingStatusChanged: [
    { field: 'changeId', value: 'not-a-uuid' },
    { field: 'action', value: 'pause' },
    { field: 'status', value: 'exited' },
    { field: 'suspension.from', value: '1 June' },
    { field: 'institution.jurisdiction', value: 'cc' },
    { field: 'occupations', value: [] },
  ],
  registerEntryImported: [
    { field: 'institution.creditCode', value: BAD_CREDIT_CODE },
    { field: 'noticeDate', value: '2021/04/12' },
    { field: 'occupations', value: [] },
  ],
  calendarOverridesLoaded: [
    { field: 'days.0.kind', value: 'half-day' },
    { field: 'days.1.date', value: '2027/02/06' },
    { field: 'days', value: [] },
    { field: 'loadedBy.role', value: 'boss' },
  ],
  instanceHeartbeat: [
    { field: 'jurisdiction', value: '长春' },
    { field: 'byStage.0.stage', value: 'WAITING' },
    { field: 'byStage.1.cases', value: -1 },
    { field: 'asOf', value: 'yesterday' },
  ],
};

/** A deep copy of `sample` with one breakage applied. */
export function broken(sample: object, b: Breakage): Record<string, any> {
  const copy = structuredClone(sample) as Record<string, any>;
  const path = b.field.split('.');
  const last = path.pop()!;
  const parent = path.reduce((node, key) => node[key], copy);
  if (b.remove) delete parent[last];
  else parent[last] = b.value;
  return copy;
}
