/**
 * Numbers made from a template with the year and a per-year sequence: 备案通知文号 such as `吉人社备〔{year}〕{seq}号`,
 * and 备案编号. {seq} may be zero-padded as {seq:4}.
 */
export function assertNoticeNumberTemplate(template: string, variable = 'FILING_NOTICE_NUMBER_TEMPLATE'): void {
  if (!template.includes('{year}') || !/\{seq(:\d+)?\}/.test(template)) {
    throw new Error(`configuration: ${variable} must contain {year} and {seq} (or {seq:N}), got "${template}"`);
  }
}

export function formatNoticeNumber(template: string, year: number, seq: number): string {
  return template.replace('{year}', String(year)).replace(/\{seq(?::(\d+))?\}/, (_m, width?: string) => String(seq).padStart(Number(width ?? 0), '0'));
}
