import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, newCreditCode } from './credit-code';

// Published codes of well-known companies (business licences are public records).
const REAL_CODES = [
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '914403001922038216', // 华为技术有限公司
  '91110000710925243K', // 中国移动通信集团有限公司
  '91110108551385082Q', // 北京小米科技有限责任公司
  '911100007109250324', // 中国移动通信有限公司
];

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it('has a 31-character alphabet without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOSVZ]/);
  });

  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(REAL_CODES)('refuses %s with its check character moved one step along the alphabet', (code) => {
    const next = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[17]) + 1) % 31];
    expect(creditCodeProblem(code.slice(0, 17) + next)).toBe('check-character');
  });

  it.each(REAL_CODES)('refuses %s with one body character changed by one', (code) => {
    const i = 9;
    const changed = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[i]) + 1) % 31];
    expect(isValidCreditCode(code.slice(0, i) + changed + code.slice(i + 1))).toBe(false);
  });

  it('writes a check value of 31 as 0', () => {
    // Find a 17-character body whose weighted sum is a multiple of 31: its check character must be '0'.
    const body = '9122010100000000';
    for (const last of CREDIT_CODE_ALPHABET) {
      const check = creditCodeCheckCharacter(body + last);
      if (check === '0') return expect(isValidCreditCode(body + last + '0')).toBe(true);
    }
    throw new Error('no body with check 0 found');
  });

  it('names the problem: length, alphabet, check character', () => {
    expect(creditCodeProblem('91440300708461136')).toBe('length');
    expect(creditCodeProblem('91440300708461136TX')).toBe('length');
    expect(creditCodeProblem('91440300708461136I')).toBe('alphabet');
    expect(creditCodeProblem('9144030070846113OT')).toBe('alphabet');
    expect(creditCodeProblem('91440300708461136A')).toBe('check-character');
  });

  it('computes the check character of a Changchun test code', () => {
    expect(creditCodeCheckCharacter('91220101MA0Y3B9X1')).toBe('8');
  });
});

describe('newCreditCode (for tests and demos)', () => {
  it('makes valid codes with the given prefix', () => {
    for (let i = 0; i < 200; i++) {
      const code = newCreditCode('51220000');
      expect(code.startsWith('51220000')).toBe(true);
      expect(creditCodeProblem(code)).toBeUndefined();
    }
  });
});
