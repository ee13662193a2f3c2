// Personal data in responses and logs (docs/architecture.md §7). Masks keep the length, so a masked value still
// looks like what it is, and leave just enough to tell two people apart on a screen.

const mask = (length: number) => '*'.repeat(length);

/**
 * 居民身份证号 (18 characters, or 15 for old cards): keeps the first 4 (province and city of issue) and the last 4,
 * one '*' per hidden character: '220102199001011234' → '2201**********1234'. Birth date and sequence stay hidden.
 * Values of 8 characters or fewer are masked entirely. null / undefined pass through.
 */
export function maskIdNumber(value: string): string;
export function maskIdNumber(value: string | null | undefined): string | null | undefined;
export function maskIdNumber(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  const v = value.trim();
  if (v.length <= 8) return mask(v.length);
  return v.slice(0, 4) + mask(v.length - 8) + v.slice(-4);
}

/**
 * Mainland mobile (11 digits starting with 1, optionally after +86 / 86): keeps the first 3 (carrier) and last 4:
 * '13912345678' → '139****5678'. Any other number: every digit but the last 4 becomes '*', separators stay:
 * '0431-88881234' → '****-****1234'. Four digits or fewer are masked entirely. null / undefined pass through.
 */
export function maskPhone(value: string): string;
export function maskPhone(value: string | null | undefined): string | null | undefined;
export function maskPhone(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  const v = value.trim();
  const mobile = /^(\+?86[- ]?)?(1\d{2})\d{4}(\d{4})$/.exec(v);
  if (mobile) return `${mobile[1] ?? ''}${mobile[2]}****${mobile[3]}`;

  const digits = v.replace(/\D/g, '').length;
  const keep = digits > 4 ? 4 : 0;
  let seen = 0;
  return v.replace(/\d/g, (d) => (++seen > digits - keep ? d : '*'));
}
