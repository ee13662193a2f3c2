// 居民身份证号 (GB 11643-1999): 17 digits (area, birth date, sequence) and an ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Why an ID number is not a valid resident ID number, or undefined when it is. */
export function idNumberProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{17}[\dX]$/.test(value)) return 'must be 18 characters: 17 digits and a digit or X';
  const birth = value.slice(6, 14);
  const d = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10).replace(/-/g, '') !== birth) return `birth date ${birth} is not a date`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * WEIGHTS[i];
  if (CHECK[sum % 11] !== value[17]) return 'check character does not match (GB 11643)';
  return undefined;
}
