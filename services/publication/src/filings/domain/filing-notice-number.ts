/** 备案通知文号 from a template such as `吉人社备〔{year}〕{seq}号`; {seq} may be padded as {seq:3}. */
export function assertNoticeNumberTemplate(template: string): void {
  if (!template.includes('{year}') || !/\{seq(:\d+)?\}/.test(template)) {
    throw new Error(`configuration: FILING_NOTICE_NUMBER_TEMPLATE must contain {year} and {seq} (or {seq:N}), got "${template}"`);
  }
}

export function formatNoticeNumber(template: string, year: number, seq: number): string {
  return template.replace('{year}', String(year)).replace(/\{seq(?::(\d+))?\}/, (_m, width?: string) => String(seq).padStart(Number(width ?? 0), '0'));
}
