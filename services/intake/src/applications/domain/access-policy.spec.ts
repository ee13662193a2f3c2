import { listScope, materialsAccess, readAccess } from './access-policy';

const changchunApp = { creditCode: '91440300708461136T', jurisdiction: '220100' };

describe('application read access', () => {
  it('lets the applicant read its own application, phone in clear', () => {
    expect(readAccess({ roles: ['applicant'], jurisdiction: '220100', creditCode: '91440300708461136T' }, changchunApp)).toEqual({
      allowed: true,
      seesPhone: true,
    });
  });

  it('refuses another applicant, even in the same jurisdiction', () => {
    expect(readAccess({ roles: ['applicant'], jurisdiction: '220100', creditCode: '91330100716105852F' }, changchunApp).allowed).toBe(false);
    expect(readAccess({ roles: ['applicant'], jurisdiction: '220100' }, changchunApp).allowed).toBe(false);
  });

  it('lets centre staff of the jurisdiction or the province read, with the phone', () => {
    expect(readAccess({ roles: ['center-staff'], jurisdiction: '220100' }, changchunApp)).toEqual({ allowed: true, seesPhone: true });
    expect(readAccess({ roles: ['center-staff'], jurisdiction: '220000' }, changchunApp)).toEqual({ allowed: true, seesPhone: true });
    expect(readAccess({ roles: ['center-staff'], jurisdiction: '220200' }, changchunApp).allowed).toBe(false);
  });

  it('lets approvers of the jurisdiction read with the phone masked', () => {
    expect(readAccess({ roles: ['approver'], jurisdiction: '220100' }, changchunApp)).toEqual({ allowed: true, seesPhone: false });
    expect(readAccess({ roles: ['approver'], jurisdiction: '220200' }, changchunApp).allowed).toBe(false);
  });

  it('refuses experts and discipline officers the application itself', () => {
    expect(readAccess({ roles: ['expert'], jurisdiction: '220100', expertId: 'e1' }, changchunApp).allowed).toBe(false);
    expect(readAccess({ roles: ['discipline-officer'], jurisdiction: '220000' }, changchunApp).allowed).toBe(false);
  });

  it('lets the members of the case’s group read its materials, and no other expert', () => {
    expect(materialsAccess({ roles: ['expert'], jurisdiction: '220100', expertId: 'e1' }, changchunApp, ['e1', 'e2', 'e3'])).toEqual({
      allowed: true,
      asGroupMember: true,
    });
    expect(materialsAccess({ roles: ['expert'], jurisdiction: '220100', expertId: 'e9' }, changchunApp, ['e1', 'e2', 'e3']).allowed).toBe(false);
    // Before the kick-off intake knows no member.
    expect(materialsAccess({ roles: ['expert'], jurisdiction: '220100', expertId: 'e1' }, changchunApp, []).allowed).toBe(false);
    // An id alone is no expert.
    expect(materialsAccess({ roles: ['discipline-officer'], jurisdiction: '220100', expertId: 'e1' }, changchunApp, ['e1']).allowed).toBe(false);
    expect(materialsAccess({ roles: ['center-staff'], jurisdiction: '220100' }, changchunApp, [])).toEqual({ allowed: true, asGroupMember: false });
  });

  it('scopes lists the same way', () => {
    expect(listScope({ roles: ['applicant'], jurisdiction: '220100', creditCode: 'X' })).toEqual({ creditCodes: ['X'], jurisdictions: [] });
    expect(listScope({ roles: ['center-staff'], jurisdiction: '220100' })).toEqual({ creditCodes: [], jurisdictions: ['220100'] });
    expect(listScope({ roles: ['approver'], jurisdiction: '220000' })).toEqual({ creditCodes: [], jurisdictions: 'all' });
    expect(listScope({ roles: ['expert'], jurisdiction: '220000' })).toEqual({ creditCodes: [], jurisdictions: [] });
  });
});
