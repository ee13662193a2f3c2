import { randomUUID } from 'node:crypto';
import { issueDevToken } from '@filing/auth';
import { Events, newCreditCode, Role } from '@filing/contracts';
import { httpRequest, produceEvent, sampleInstitution, ServiceProcess, waitFor } from '@filing/testing';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';

/** A valid credit code starting with `prefix` (intake admits only valid ones). */
export function creditCode(prefix = '91220101'): string {
  return newCreditCode(prefix);
}

export function institution(kind: 'employer' | 'social-org', name: string, prefix = '91220101') {
  return sampleInstitution({ name, creditCode: creditCode(prefix), kind, contact: { person: '李红', phone: '13904311234', email: 'hr@example.cn' } });
}

export const lathe = { code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' as const };
export const welder = { code: '6-18-02-04', name: '焊工', levels: [5, 4], basis: 'national-standard' as const };

export async function token(role: Role, jurisdiction: string, extra: { creditCode?: string; sub?: string } = {}): Promise<string> {
  return issueDevToken({ roles: [role], jurisdiction, sub: extra.sub ?? `${role}-${jurisdiction}`, ...extra });
}

export interface Reply {
  status: number;
  body: any;
}

export async function call(svc: ServiceProcess, method: string, path: string, bearer: string, body?: unknown): Promise<Reply> {
  const r = await httpRequest(`${svc.url}${path}`, { method, token: bearer, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: r.json };
}

export async function waitForStage(svc: ServiceProcess, caseId: string, stage: string, bearer: string): Promise<any> {
  return waitFor(`case ${caseId} at ${stage} on ${svc.name}`, async () => {
    const r = await call(svc, 'GET', `/cases/${caseId}`, bearer);
    return r.status === 200 && r.body.stage === stage ? r.body : undefined;
  });
}

/** Produces what intake produces when an institution applies. */
export async function submit(kafka: Kafka, jurisdiction: string, inst: ReturnType<typeof institution>, occupations = [lathe]): Promise<string> {
  const caseId = randomUUID();
  await produceEvent(kafka, Events.applicationSubmitted, {
    caseId,
    applicationKind: 'new-filing',
    jurisdiction,
    institution: inst,
    occupations,
    materials: [],
    submittedAt: new Date().toISOString(),
  });
  return caseId;
}

/** expert-pool forms the group and the group elects its leader. */
export async function formGroup(kafka: Kafka, caseId: string, jurisdiction: string, databaseLevel = jurisdiction) {
  const groupId = randomUUID();
  const members = [1, 2, 3, 4, 5].map((i) => ({ expertId: `expert-${i}-${groupId.slice(0, 8)}`, name: `专家${i}`, occupationCodes: [lathe.code] }));
  await produceEvent(kafka, Events.groupFormed, {
    caseId,
    jurisdiction,
    groupId,
    drawId: randomUUID(),
    databaseLevel,
    members,
    reserveCount: 2,
    commitment: 'a'.repeat(64),
    formedAt: new Date().toISOString(),
  });
  return { groupId, leader: members[0].expertId };
}

export async function electLeader(kafka: Kafka, caseId: string, jurisdiction: string, groupId: string, leader: string, id?: string) {
  return produceEvent(
    kafka,
    Events.groupLeaderElected,
    { caseId, jurisdiction, groupId, leaderExpertId: leader, votes: 4, voters: 5, electedAt: new Date().toISOString() },
    id ? { id } : {},
  );
}

export async function opinion(
  kafka: Kafka,
  caseId: string,
  jurisdiction: string,
  kind: 'preliminary' | 'technical' | 'comprehensive',
  result: 'pass' | 'fail',
  leader: string,
  total?: number,
) {
  return produceEvent(kafka, Events.opinionSubmitted, {
    caseId,
    jurisdiction,
    opinionId: randomUUID(),
    kind,
    result,
    summary: `${kind} opinion: ${result}`,
    ...(total !== undefined ? { total, passLine: 70 } : {}),
    leaderExpertId: leader,
    submittedAt: new Date().toISOString(),
  });
}

/**
 * Test set-up only: puts a Changchun case at a stage directly in the database, for a spec about what happens from
 * there (the steps before it are covered by the specs that drive them).
 */
export async function putAtStage(caseId: string, stage: string): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query(`UPDATE review_220100.review_case SET stage = $2 WHERE id = $1`, [caseId, stage]);
  } finally {
    await db.end();
  }
}
