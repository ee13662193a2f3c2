// Dates as a Chinese official notice writes them: 2025年9月29日, in China's time zone (UTC+8, no daylight saving).

/** '2025-09-29T02:00:00Z' or '2025-09-29' → '2025年9月29日'; anything else is returned unchanged. */
export function chineseDate(value: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${Number(plain[1])}年${Number(plain[2])}月${Number(plain[3])}日`;
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(t)) return value;
  const china = new Date(t + 8 * 3600 * 1000);
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}

/** '…T06:30:00Z' → '2025年9月29日 14:30' (China time). */
export function chineseDateTime(value: string): string {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(t)) return chineseDate(value);
  const china = new Date(t + 8 * 3600 * 1000);
  const hh = String(china.getUTCHours()).padStart(2, '0');
  const mm = String(china.getUTCMinutes()).padStart(2, '0');
  return `${chineseDate(value)} ${hh}:${mm}`;
}
