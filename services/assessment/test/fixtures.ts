import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { issueDevToken } from '@filing/auth';
import { CaseStage, EventMetadata, Events } from '@filing/contracts';
import { httpRequest, produceEvent, waitFor } from '@filing/testing';

export const JURISDICTION = '220100';
export const OCCUPATION = { code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' as const };

export async function expertToken(expertId: string): Promise<string> {
  return issueDevToken({ roles: ['expert'], jurisdiction: JURISDICTION, expertId, sub: `expert-${expertId}` });
}

export const staffToken = () => issueDevToken({ roles: ['center-staff'], jurisdiction: '220000' });
export const adminToken = (jurisdiction = '220000') => issueDevToken({ roles: ['admin'], jurisdiction });

export interface Api {
  call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any; text: string }>;
}

export function api(baseUrl: string): Api {
  return {
    async call(method, path, token, body) {
      const r = await httpRequest(`${baseUrl}${path}`, { method, token, body: body === undefined ? undefined : JSON.stringify(body) });
      // HTML pages (the printable opinions) have no JSON body; their text is there.
      return { status: r.status, body: r.json, text: r.text };
    },
  };
}

export interface TestCase {
  caseId: string;
  groupId: string;
  experts: { expertId: string; name: string; occupationCodes: string[] }[];
  leader: string;
}

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏'];

/** Plays review and expert-pool for one case: work plan and request, group formed, leader elected. */
export async function openCase(
  kafka: Kafka,
  opts: {
    caseId?: string;
    kind?: 'employer' | 'social-org';
    applicationKind?: 'new-filing' | 'add-occupation';
    members?: number;
    formedAt?: Date;
    leaderIndex?: number;
  } = {},
): Promise<TestCase> {
  const caseId = opts.caseId ?? randomUUID();
  const groupId = `group-${caseId.slice(0, 8)}`;
  const experts = Array.from({ length: opts.members ?? 3 }, (_, i) => ({
    expertId: `${caseId.slice(0, 8)}-e${i + 1}`,
    name: NAMES[i],
    occupationCodes: [OCCUPATION.code],
  }));
  const now = new Date().toISOString();
  await produceEvent(kafka, Events.expertGroupRequested, {
    caseId,
    jurisdiction: JURISDICTION,
    databaseLevel: JURISDICTION,
    applicationKind: opts.applicationKind ?? 'new-filing',
    applicant: { name: '长春一汽模具制造有限公司', creditCode: '91220101MA0Y3B9X1K', kind: opts.kind ?? 'employer' },
    occupations: [OCCUPATION],
    groupSize: experts.length,
    reserves: 2,
    workPlan: '现场技术评估工作方案',
    requestedBy: { subject: 'staff-1', role: 'center-staff', jurisdiction: JURISDICTION },
    requestedAt: now,
  });
  await produceEvent(kafka, Events.groupFormed, {
    caseId,
    jurisdiction: JURISDICTION,
    groupId,
    drawId: `draw-${caseId.slice(0, 8)}`,
    databaseLevel: JURISDICTION,
    members: experts,
    reserveCount: 2,
    commitment: 'a'.repeat(64),
    formedAt: (opts.formedAt ?? new Date()).toISOString(),
  });
  const leader = experts[opts.leaderIndex ?? 0].expertId;
  await produceEvent(kafka, Events.groupLeaderElected, {
    caseId,
    jurisdiction: JURISDICTION,
    groupId,
    leaderExpertId: leader,
    votes: experts.length,
    voters: experts.length,
    electedAt: now,
  });
  return { caseId, groupId, experts, leader };
}

export async function moveStage(kafka: Kafka, caseId: string, from: CaseStage | undefined, to: CaseStage, meta: Partial<EventMetadata> = {}): Promise<void> {
  await produceEvent(
    kafka,
    Events.caseStageChanged,
    {
      caseId,
      jurisdiction: JURISDICTION,
      from,
      to,
      action: `to-${to.toLowerCase()}`,
      actor: { subject: 'review', role: 'center-staff', jurisdiction: JURISDICTION },
      at: new Date().toISOString(),
    },
    meta,
  );
}

export async function evaluationOf(http: Api, caseId: string): Promise<any> {
  const r = await http.call('GET', `/cases/${caseId}/evaluation`, await staffToken());
  return r.status === 200 ? r.body : undefined;
}

export async function waitForEvaluation(http: Api, caseId: string, what: string, pred: (e: any) => boolean): Promise<any> {
  return waitFor(`${what} (case ${caseId})`, async () => {
    const e = await evaluationOf(http, caseId);
    return e && pred(e) ? e : undefined;
  });
}

/** A full score sheet: every sub-item of the scope at `share` of its maximum (rounded to 2 decimals). */
export function sheetAt(
  items: { subItems: { id: string; maxPoints: number }[] }[],
  share: number,
  extra: Partial<{ vetoes: { vetoId: string; reason: string }[] }> = {},
) {
  return {
    scores: items.flatMap((i) => i.subItems.map((s) => ({ subItemId: s.id, score: Math.round(s.maxPoints * share * 100) / 100 }))),
    evidenceNote: `按 ${share} 比例评分，依据现场查看与材料`,
    methods: ['听取汇报', '现场查看', '技术抽查'],
    vetoes: extra.vetoes ?? [],
  };
}
