import { describe, expect, it } from 'vitest';
import { access } from './access';
import type { SignedInUser } from './auth/session';

const user = (roles: SignedInUser['roles'], jurisdiction: string, extra: Partial<SignedInUser> = {}): SignedInUser => ({
  sub: 's',
  roles,
  jurisdiction,
  ...extra,
});

describe('who may use which workbench', () => {
  it('gives the province’s centre staff the re-check queue, a city’s not', () => {
    expect(access(user(['center-staff'], '220000'))).toMatchObject({ centreStaff: true, provinceStaff: true, official: true, caseReader: true });
    expect(access(user(['center-staff'], '220100'))).toMatchObject({ centreStaff: true, provinceStaff: false });
  });

  it('opens 省级监管 to the province centre staff and approvers and to administrators only', () => {
    expect(access(user(['center-staff'], '220000')).provinceOversight).toBe(true);
    expect(access(user(['approver'], '220000')).provinceOversight).toBe(true);
    expect(access(user(['admin'], '220000')).provinceOversight).toBe(true);
    expect(access(user(['center-staff'], '220100')).provinceOversight).toBe(false);
    expect(access(user(['approver'], '220100')).provinceOversight).toBe(false);
    expect(access(user(['admin'], '220100')).provinceOversight).toBe(false);
    expect(access(user(['discipline-officer'], '220000')).provinceOversight).toBe(false);
  });

  it('opens cases to centre staff, approvers and administrators; not to the officer, experts or applicants', () => {
    expect(access(user(['approver'], '220100')).caseReader).toBe(true);
    expect(access(user(['admin'], '220000')).caseReader).toBe(true);
    expect(access(user(['discipline-officer'], '220100'))).toMatchObject({ caseReader: false, official: true });
    expect(access(user(['expert'], '220100', { expertId: 'e1' }))).toMatchObject({ caseReader: false, expert: true, official: true });
    expect(access(user(['applicant'], '220100', { creditCode: '91220101MA0Y3B9X18' }))).toMatchObject({ applicant: true, official: false, caseReader: false });
  });

  it('needs the expert record for an expert’s workbench, and nobody signed in has none', () => {
    expect(access(user(['expert'], '220100')).expert).toBe(false);
    expect(access(null)).toMatchObject({ signedIn: false, official: false });
  });
});
