import { issueDevToken } from '@filing/auth';
import { Role } from '@filing/contracts';
import { httpRequest } from '@filing/testing';
import { idNumberCheckCharacter } from '../src/experts/domain/id-number';

/** A valid, distinct 居民身份证号 for each n: the birth date moves one day per 1000 people, the sequence is n mod 1000. */
export function idNumber(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `220102${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

export const APPLICANT = { name: '长春一汽模具制造有限公司', creditCode: '91220101MA0Y3B9X1K', kind: 'employer' as const };
export const LATHE = '6-18-01-01';
export const WELDER = '6-18-02-04';

export function expertFields(n: number, over: Record<string, unknown> = {}) {
  return {
    name: `专家${n}`,
    gender: n % 2 ? 'male' : 'female',
    idNumber: idNumber(n),
    employer: { name: `吉林工程技术学院${n}` },
    title: '高级工程师',
    occupationCodes: [LATHE],
    region: '220100',
    contact: { phone: '13904310000', email: `e${n}@example.cn` },
    termStart: '2025-01-01',
    termEnd: '2029-12-31',
    ...over,
  };
}

export function token(role: Role, jurisdiction: string, extra: { expertId?: string; sub?: string } = {}): Promise<string> {
  return issueDevToken({ roles: [role], jurisdiction, ...extra });
}

export async function call(base: string, method: string, path: string, tok: string | undefined, body?: unknown, contentType = 'application/json') {
  // A string body goes as it is (CSV imports, broken JSON on purpose); anything else as JSON.
  const r = await httpRequest(`${base}${path}`, {
    method,
    token: tok,
    contentType,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, body: r.json !== undefined ? r.json : r.text, headers: r.headers };
}
