import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode } from './credit-code';
import { idNumberProblem } from './id-number';

describe('统一社会信用代码 (GB 32100-2015) as typed', () => {
  it('accepts codes with the right check character', () => {
    for (const c of ['91220101MA0Y3B9X18', '51220000MJ00000014', '91110000600037341L']) expect(isValidCreditCode(c)).toBe(true);
    // A check value of 31 is written 0.
    expect(creditCodeCheckCharacter('91220101MA0Y3B9X1')).toBe('8');
  });

  it('says in Chinese what is wrong, and which check character the code should have', () => {
    expect(creditCodeProblem('')).toBe('请填写统一社会信用代码');
    expect(creditCodeProblem('91220101MA0Y3B9X1')).toBe('统一社会信用代码应为 18 位，当前 17 位');
    expect(creditCodeProblem('91220101ma0y3b9x18')).toBe('统一社会信用代码中的字母应为大写');
    expect(creditCodeProblem('91220101MA0Y3B9XI8')).toMatch(/不含字符“I”/);
    expect(creditCodeProblem('91220101MA0Y3B9X19')).toBe('校验码不符：按 GB 32100-2015，第 18 位应为“8”，请核对是否录入有误');
    expect(creditCodeProblem('91AB0101MA0Y3B9X18')).toMatch(/行政区划码/);
  });
});

describe('居民身份证号码 (GB 11643-1999)', () => {
  it('checks length, birth date and check character', () => {
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
    expect(idNumberProblem('110105194912310021')).toBe('身份证号码校验位不符，请核对');
    expect(idNumberProblem('110105194913310021')).toBe('身份证号码中的出生日期不正确');
    expect(idNumberProblem('1101051949123100')).toMatch(/18 位/);
    expect(idNumberProblem('11010519491231002x')).toBeUndefined();
  });
});
