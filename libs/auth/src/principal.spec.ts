import { Principal } from './principal';

describe('Principal', () => {
  const cityStaff = new Principal({ sub: 's', roles: ['center-staff', 'approver'], jurisdiction: '220100' });
  const provinceStaff = new Principal({ sub: 'p', roles: ['center-staff'], jurisdiction: '220000' });

  it('hasRole is true when any of the given roles is held', () => {
    expect(cityStaff.hasRole('approver')).toBe(true);
    expect(cityStaff.hasRole('admin', 'center-staff')).toBe(true);
    expect(cityStaff.hasRole('admin')).toBe(false);
    expect(cityStaff.hasRole()).toBe(false);
  });

  it('isProvince only for the province code', () => {
    expect(provinceStaff.isProvince()).toBe(true);
    expect(cityStaff.isProvince()).toBe(false);
  });

  it('a city principal acts only in its own jurisdiction', () => {
    expect(cityStaff.canActInJurisdiction('220100')).toBe(true);
    expect(cityStaff.canActInJurisdiction('220200')).toBe(false);
    expect(cityStaff.canActInJurisdiction('220000')).toBe(false);
  });

  it('a provincial principal acts in every known jurisdiction, not in unknown codes', () => {
    expect(provinceStaff.canActInJurisdiction('220000')).toBe(true);
    expect(provinceStaff.canActInJurisdiction('220200')).toBe(true);
    expect(provinceStaff.canActInJurisdiction('229901')).toBe(true);
    expect(provinceStaff.canActInJurisdiction('110000')).toBe(false);
  });

  it('is immutable', () => {
    expect(() => cityStaff.roles.push('admin')).toThrow();
    expect(() => ((cityStaff as { jurisdiction: string }).jurisdiction = '220000')).toThrow();
  });
});
