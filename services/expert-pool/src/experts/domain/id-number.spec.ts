import { idNumberCheckCharacter, idNumberProblem } from './id-number';

describe('ID numbers', () => {
  it('accepts a valid number and computes its check character', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
  });
  it('names the problem', () => {
    expect(idNumberProblem('110105194912310021')).toContain('check character');
    expect(idNumberProblem('110105194902300021')).toContain('birth date');
    expect(idNumberProblem('12345')).toContain('18 characters');
  });
});
