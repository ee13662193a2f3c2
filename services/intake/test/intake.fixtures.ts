// Helpers for intake's end-to-end specs: applicants, files, the HTTP flow, and review/publication events as those
// services would produce them.
import { randomUUID } from 'node:crypto';
import { issueDevToken } from '@filing/auth';
import { httpRequest, sampleInstitution } from '@filing/testing';
import { newCreditCode } from '@filing/contracts';
import { CaseApproved, CaseRejected, CaseReturned, CaseStage, CaseStageChanged, FilingIssued, Role } from '@filing/contracts';

/** Real, valid 统一社会信用代码 (check characters verified by intake). */
export const CODES = {
  changchun: '91220101MA0Y3B9X18',
  jilinCity: '91440300708461136T',
  province: '91330100716105852F',
  other: '914403001922038216',
};

/** A fresh valid code for a Changchun institution, so each test's applicant starts with no applications. */
export function freshCreditCode(): string {
  return newCreditCode('91220101');
}

export function institution(creditCode: string, kind: 'employer' | 'social-org' = 'employer', name = '长春一汽模具制造有限公司') {
  return sampleInstitution({ name, creditCode, kind, contact: { person: '李红', phone: '13904310000', email: 'hr@example.cn' } });
}

export const occupation = { code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' as const };

export function applicationBody(creditCode: string, overrides: Record<string, unknown> = {}) {
  return { applicationKind: 'new-filing', jurisdiction: '220100', institution: institution(creditCode), occupations: [occupation], ...overrides };
}

export const applicantToken = (creditCode: string, jurisdiction = '220100', sub?: string) =>
  issueDevToken({ roles: ['applicant'], jurisdiction, creditCode, ...(sub ? { sub } : {}) });
export const staffToken = (role: Role, jurisdiction: string) => issueDevToken({ roles: [role], jurisdiction });

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00this program cannot be run in DOS mode', 'latin1');

export class IntakeClient {
  constructor(readonly url: string) {}

  async request(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const r = await httpRequest(`${this.url}${path}`, { method, token, headers, body: body !== undefined ? JSON.stringify(body) : undefined });
    return { status: r.status, body: r.text ? (r.json !== undefined ? r.json : r.text) : undefined, headers: r.headers };
  }

  create(token: string, body: unknown, idempotencyKey?: string) {
    return this.request(token, 'POST', '/applications', body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
  }

  async upload(token: string, id: string, checklistItem: string, file: Buffer = PDF, type = 'application/pdf', fileName = `${checklistItem}.pdf`) {
    const form = new FormData();
    form.append('checklistItem', checklistItem);
    form.append('file', new Blob([file], { type }), fileName);
    const res = await fetch(`${this.url}/applications/${id}/materials`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  }

  submit(token: string, id: string, idempotencyKey?: string) {
    return this.request(token, 'POST', `/applications/${id}/submit`, undefined, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
  }

  resubmit(token: string, id: string, body: unknown = {}, idempotencyKey?: string) {
    return this.request(token, 'POST', `/applications/${id}/resubmit`, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
  }

  get(token: string, id: string) {
    return this.request(token, 'GET', `/applications/${id}`);
  }

  /** Draft + a PDF for every required checklist item: ready to submit. */
  async completeDraft(token: string, body: unknown): Promise<string> {
    const created = await this.create(token, body);
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    for (const { item } of (created.body.checklist as { item: string; required: boolean }[]).filter((i) => i.required)) {
      const up = await this.upload(token, created.body.id, item);
      if (up.status !== 201) throw new Error(`upload ${item}: ${up.status} ${JSON.stringify(up.body)}`);
    }
    return created.body.id;
  }

  async submitted(token: string, body: unknown): Promise<string> {
    const id = await this.completeDraft(token, body);
    const res = await this.submit(token, id);
    if (res.status !== 200) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
    return id;
  }
}

const actor = { subject: 'staff-1', role: 'center-staff' as const, jurisdiction: '220100' };

export function stageChanged(caseId: string, from: CaseStage | undefined, to: CaseStage, at: string, action = 'step'): CaseStageChanged {
  return Object.assign(new CaseStageChanged(), { caseId, jurisdiction: '220100', ...(from ? { from } : {}), to, action, actor, at });
}

export function returned(caseId: string, returnCount: number, reasons: string[], returnedAt: string): CaseReturned {
  return Object.assign(new CaseReturned(), {
    caseId,
    jurisdiction: '220100',
    atStage: 'PRELIMINARY_REVIEW',
    reasons,
    returnCount,
    returnedBy: actor,
    returnedAt,
  });
}

export function approved(caseId: string, creditCode: string, approvedAt: string): CaseApproved {
  return Object.assign(new CaseApproved(), {
    caseId,
    jurisdiction: '220100',
    applicationKind: 'new-filing',
    approvalBody: 'local-hrss-bureau',
    institution: institution(creditCode),
    occupations: [occupation],
    approvedBy: { subject: 'approver-1', role: 'approver', jurisdiction: '220100' },
    approvedAt,
  });
}

export function rejected(caseId: string, decidedAt: string): CaseRejected {
  return Object.assign(new CaseRejected(), {
    caseId,
    jurisdiction: '220100',
    atStage: 'SUBMITTED',
    finalStage: 'CLOSED',
    reason: '不予受理：材料不属于本级受理范围',
    decidedBy: actor,
    decidedAt,
  });
}

export function filingIssued(
  caseId: string,
  creditCode: string,
  noticeNumber: string,
  issuedAt: string,
  filingId = randomUUID(),
  extra: Partial<FilingIssued> = {},
): FilingIssued {
  return Object.assign(new FilingIssued(), {
    filingId,
    sequence: 1,
    caseId,
    applicationKind: 'new-filing',
    noticeNumber,
    noticeDate: issuedAt.slice(0, 10),
    issuingAuthority: '吉林省人力资源和社会保障厅',
    institution: {
      name: '长春一汽模具制造有限公司',
      creditCode,
      kind: 'employer',
      province: '220000',
      jurisdiction: '220100',
      jurisdictionName: '长春市',
      scope: 'own-employees',
      contact: { person: '李红', phone: '13904310000', address: '吉林省长春市绿园区东风大街 8 号' },
    },
    occupations: [occupation],
    status: 'valid',
    issuedAt,
    ...extra,
  });
}
