import { canReadCase, caseLevel, seesContactPhone, staffOfCase } from './case-access';

const jilinCityCase = { jurisdiction: '220200', institution: { creditCode: '91220201MA0000000X' } };

describe('case access', () => {
  it('keeps a Changchun reviewer off a Jilin City case', () => {
    const changchun = { sub: 's', roles: ['center-staff' as const], jurisdiction: '220100' };
    expect(staffOfCase(changchun, jilinCityCase, 'center-staff')).toBe(false);
    expect(canReadCase(changchun, jilinCityCase)).toBe(false);
  });

  it('does not let province staff act on a city case outside the re-check queue', () => {
    expect(staffOfCase({ sub: 's', roles: ['center-staff'], jurisdiction: '220000' }, jilinCityCase, 'center-staff')).toBe(false);
  });

  it('lets the applicant of the credit code read its case and see its own phone; approvers see it masked', () => {
    const applicant = { sub: 'a', roles: ['applicant' as const], jurisdiction: '220200', creditCode: '91220201MA0000000X' };
    expect(canReadCase(applicant, jilinCityCase)).toBe(true);
    expect(seesContactPhone(applicant, jilinCityCase)).toBe(true);
    expect(canReadCase({ ...applicant, creditCode: '91220201MA0000001X' }, jilinCityCase)).toBe(false);
    const approver = { sub: 'b', roles: ['approver' as const], jurisdiction: '220200' };
    expect(canReadCase(approver, jilinCityCase)).toBe(true);
    expect(seesContactPhone(approver, jilinCityCase)).toBe(false);
  });

  it('tells province cases from city cases', () => {
    expect(caseLevel('220000')).toBe('province');
    expect(caseLevel('220581')).toBe('city');
  });
});
