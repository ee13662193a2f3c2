import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from '../src/lib/vocabulary';
import { officialIdentity } from './demo-identities';

describe('development sign-in: an official of any role at any jurisdiction', () => {
  it('names the role and place, and carries them as claims', () => {
    const i = officialIdentity('official:approver:220200', JURISDICTIONS)!;
    expect(i).toMatchObject({ group: '审定', label: '吉林市人社部门 审定人员' });
    expect(i.claims).toMatchObject({ roles: ['approver'], jurisdiction: '220200', sub: 'approver-220200', name: '吉林市人社部门 审定人员' });
    expect(officialIdentity('official:center-staff:222400', JURISDICTIONS)?.label).toBe('延边朝鲜族自治州职业技能鉴定中心 工作人员');
  });

  it('refuses roles and places that do not exist, and the roles with their own sign-in (applicants, experts)', () => {
    expect(officialIdentity('official:approver:229999', JURISDICTIONS)).toBeUndefined();
    expect(officialIdentity('official:applicant:220100', JURISDICTIONS)).toBeUndefined();
    expect(officialIdentity('official:expert:220100', JURISDICTIONS)).toBeUndefined();
    expect(officialIdentity('admin', JURISDICTIONS)).toBeUndefined();
  });
});
