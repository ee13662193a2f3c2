import { idNumberProblem } from './id-number';

describe('idNumberProblem (GB 11643)', () => {
  it('accepts valid numbers, X included', () => {
    expect(idNumberProblem('220102199001011239')).toBeUndefined();
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
  });
  it('names what is wrong', () => {
    expect(idNumberProblem('220102199001011234')).toMatch(/check character/);
    expect(idNumberProblem('220102199002301234')).toMatch(/birth date 19900230/);
    expect(idNumberProblem('22010219900101123')).toMatch(/18 characters/);
    expect(idNumberProblem('11010519491231002x')).toMatch(/18 characters/);
    expect(idNumberProblem(220102199001011239)).toMatch(/18 characters/);
  });
});
