// 统一社会信用代码, GB 32100-2015: 18 characters; the 18th is a check character over the first 17 (weights 3^i mod 31).
// Checked as the applicant types, so a mistyped code is caught before anything is sent.

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for 17 characters, or undefined when one is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** What is wrong with a credit code, in Chinese, or undefined when it is valid. */
export function creditCodeProblem(raw: string): string | undefined {
  const code = raw.trim();
  if (code.length === 0) return '请填写统一社会信用代码';
  if (/[a-z]/.test(code)) return '统一社会信用代码中的字母应为大写';
  const bad = [...code].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad) return `统一社会信用代码不含字符“${bad}”（不使用 I、O、S、V、Z）`;
  if (code.length !== 18) return `统一社会信用代码应为 18 位，当前 ${code.length} 位`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '第 3–8 位应为登记管理机关行政区划码（数字）';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return `校验码不符：按 GB 32100-2015，第 18 位应为“${expected}”，请核对是否录入有误`;
  return undefined;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined;
}
