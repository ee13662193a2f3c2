// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters; the 18th is a check character
// computed over the first 17 with the standard's weights, modulo 31. One rule for the platform: intake checks every
// applicant's code with it, and the tests make valid codes with it (`newCreditCode`).

/** The 31-character alphabet of GB 32100-2015: digits and capitals without I, O, S, V, Z. A character's value is its index. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined when one of them is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  // 31 - (sum mod 31), where a result of 31 is written as 0.
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'alphabet' | 'check-character';

/** Why a credit code is invalid, or undefined when it is valid (check character included). */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !CREDIT_CODE_ALPHABET.includes(c))) return 'alphabet';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? undefined : 'check-character';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined;
}

/**
 * A fresh valid code starting with `prefix` (the registering authority and kind, e.g. 91 for an enterprise or 51 for
 * a social organisation, then the 6-digit area), random characters, and the check character.
 */
export function newCreditCode(prefix = '91220101', random: (n: number) => number = (n) => Math.floor(Math.random() * n)): string {
  let first17 = prefix;
  while (first17.length < 17) first17 += CREDIT_CODE_ALPHABET[random(CREDIT_CODE_ALPHABET.length)];
  return first17 + creditCodeCheckCharacter(first17)!;
}
