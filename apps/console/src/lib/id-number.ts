// 居民身份证号码, GB 11643-1999: 17 digits and a check character (0–9 or X) over them with weights 2^(17-i) mod 11.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** What is wrong with an ID number, in Chinese, or undefined when it is valid. */
export function idNumberProblem(raw: string): string | undefined {
  const id = raw.trim().toUpperCase();
  if (id.length === 0) return '请填写居民身份证号码';
  if (!/^\d{17}[\dX]$/.test(id)) return '居民身份证号码应为 18 位（前 17 位为数字，末位为数字或 X）';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return '身份证号码中的出生日期不正确';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  if (CHECK[sum % 11] !== id[17]) return '身份证号码校验位不符，请核对';
  return undefined;
}
