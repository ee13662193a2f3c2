import { randomUUID, randomInt } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { issueDevToken } from '@filing/auth';
import { CaseApproved, Events, newCreditCode, OccupationPart, Role } from '@filing/contracts';
import { produceEvent, sampleInstitution } from '@filing/testing';

/** A fresh valid 统一社会信用代码 of a Changchun enterprise. */
export function creditCode(): string {
  return newCreditCode('91220101');
}

export function institution(name: string, code = creditCode()) {
  return { ...sampleInstitution({ name, creditCode: code }), kind: 'employer' as const };
}

export const lathe: OccupationPart = { code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' };
export const childcare: OccupationPart = { code: '4-07-05-02', name: '保育师', levels: [4], basis: 'national-standard' };

export function approval(over: Partial<CaseApproved> = {}): CaseApproved {
  return {
    caseId: randomUUID(),
    jurisdiction: '220100',
    applicationKind: 'new-filing',
    approvalBody: 'local-hrss-bureau',
    institution: institution(`长春测试机构${randomInt(100000)}有限公司`),
    occupations: [lathe],
    approvedBy: { subject: 'approver-220100', role: 'approver', jurisdiction: '220100' },
    approvedAt: '2025-09-28T08:00:00.000Z',
    ...over,
  };
}

export async function approve(kafka: Kafka, payload: CaseApproved, id?: string) {
  return produceEvent(kafka, Events.caseApproved, payload, id ? { id } : {});
}

export function token(role: Role, jurisdiction: string): Promise<string> {
  return issueDevToken({ roles: [role], jurisdiction });
}

export function objector(over: Record<string, unknown> = {}) {
  return { name: '张三', idNumber: '220102199001011239', phone: '13912345678', reason: '该机构不具备车工三级的实操考核场地。', ...over };
}

export async function call(url: string, method: string, path: string, opts: { token?: string; body?: unknown; rawBody?: string } = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}
