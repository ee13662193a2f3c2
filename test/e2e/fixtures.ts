import { issueDevToken } from '@filing/auth';

/** A Changchun enterprise with a valid 统一社会信用代码 (check digit included). */
export function changchunEnterprise(name = '长春一汽模具制造有限公司') {
  return {
    name,
    creditCode: '91220101MA0Y3B9X1K',
    kind: 'employer' as const,
    legalRepresentative: '王立新',
    address: '吉林省长春市绿园区东风大街 8 号',
    contact: { person: '李红', phone: '0431-85901234', email: 'hr@example.cn' },
  };
}

export const toolmakerOccupation = {
  code: '6-18-01-01',
  name: '车工',
  levels: [5, 4, 3],
  basis: 'national-standard' as const,
};

export async function tokenFor(role: 'applicant' | 'center-staff' | 'approver' | 'admin', jurisdiction: string, extra: Record<string, string> = {}) {
  return issueDevToken({ roles: [role], jurisdiction, ...extra } as never);
}
