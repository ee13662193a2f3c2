import { InvalidClaimsError, parseTokenClaims } from './token-claims';

const CREDIT_CODE = '91220101MA0Y2K3X4L';

describe('parseTokenClaims', () => {
  it('accepts centre staff of a city and keeps only known fields', () => {
    expect(parseTokenClaims({ sub: 'u1', roles: ['center-staff'], jurisdiction: '220100', iss: 'x', extra: 1 })).toEqual({
      sub: 'u1',
      roles: ['center-staff'],
      jurisdiction: '220100',
    });
  });

  it('accepts an applicant bound to a credit code and an expert bound to an expert id', () => {
    expect(parseTokenClaims({ sub: 'a', roles: ['applicant'], jurisdiction: '220000', creditCode: CREDIT_CODE }).creditCode).toBe(CREDIT_CODE);
    expect(parseTokenClaims({ sub: 'e', roles: ['expert'], jurisdiction: '222400', expertId: 'EXP-1', name: '张三' })).toEqual({
      sub: 'e',
      roles: ['expert'],
      jurisdiction: '222400',
      expertId: 'EXP-1',
      name: '张三',
    });
  });

  it('removes duplicate roles', () => {
    expect(parseTokenClaims({ sub: 'u', roles: ['admin', 'admin'], jurisdiction: '220000' }).roles).toEqual(['admin']);
  });

  it.each([
    ['no sub', { roles: ['admin'], jurisdiction: '220000' }, /"sub"/],
    ['empty sub', { sub: ' ', roles: ['admin'], jurisdiction: '220000' }, /"sub"/],
    ['no roles', { sub: 'u', jurisdiction: '220000' }, /"roles"/],
    ['empty roles', { sub: 'u', roles: [], jurisdiction: '220000' }, /"roles"/],
    ['roles as a string', { sub: 'u', roles: 'admin', jurisdiction: '220000' }, /"roles"/],
    ['unknown role', { sub: 'u', roles: ['admin', 'root'], jurisdiction: '220000' }, /unknown roles \["root"\]/],
    ['no jurisdiction', { sub: 'u', roles: ['admin'] }, /"jurisdiction"/],
    ['5-digit jurisdiction', { sub: 'u', roles: ['admin'], jurisdiction: '22000' }, /"jurisdiction"/],
    ['unknown jurisdiction', { sub: 'u', roles: ['admin'], jurisdiction: '110000' }, /"jurisdiction"/],
    ['numeric jurisdiction', { sub: 'u', roles: ['admin'], jurisdiction: 220000 }, /"jurisdiction"/],
    ['applicant without credit code', { sub: 'u', roles: ['applicant'], jurisdiction: '220100' }, /"creditCode"/],
    ['malformed credit code', { sub: 'u', roles: ['applicant'], jurisdiction: '220100', creditCode: 'ABC' }, /统一社会信用代码/],
    ['expert without expert id', { sub: 'u', roles: ['expert'], jurisdiction: '220100' }, /"expertId"/],
    ['non-string name', { sub: 'u', roles: ['admin'], jurisdiction: '220000', name: 42 }, /"name"/],
  ])('rejects %s', (_case, payload, message) => {
    expect(() => parseTokenClaims(payload)).toThrow(InvalidClaimsError);
    expect(() => parseTokenClaims(payload)).toThrow(message);
  });
});
