import { assertNoticeNumberTemplate, formatNoticeNumber } from './filing-notice-number';

describe('filing notice number (备案通知文号)', () => {
  it('fills year and sequence', () => {
    expect(formatNoticeNumber('吉人社备〔{year}〕{seq}号', 2026, 12)).toBe('吉人社备〔2026〕12号');
    expect(formatNoticeNumber('JL-{year}-{seq:4}', 2026, 7)).toBe('JL-2026-0007');
  });

  it('refuses a template without year or sequence', () => {
    expect(() => assertNoticeNumberTemplate('吉人社备〔2026〕{seq}号')).toThrow(/\{year\}/);
    expect(() => assertNoticeNumberTemplate('吉人社备〔{year}〕号')).toThrow(/\{seq\}/);
  });
});
