import { describe, expect, it } from 'vitest';
import { readArrangement } from './arrangement';

// The State Council's notice for 2026 (国办发明电〔2025〕7号), as pasted from its text.
const NOTICE_2026 = `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

describe('a year’s arrangement pasted from the State Council notice', () => {
  it('reads every holiday of each range and the make-up working days, named by festival', () => {
    const a = readArrangement(NOTICE_2026, 2026);
    expect(a.problems).toEqual([]);
    const holidays = a.days.filter((d) => d.kind === 'holiday');
    const workdays = a.days.filter((d) => d.kind === 'workday');
    expect(holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(workdays.map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(a.days.find((d) => d.date === '2026-02-23')).toEqual({ date: '2026-02-23', kind: 'holiday', note: '春节' });
    expect(a.days.find((d) => d.date === '2026-10-10')).toEqual({ date: '2026-10-10', kind: 'workday', note: '国庆节' });
  });

  it('reads a range across months and lines of ISO dates', () => {
    const a = readArrangement('春节：1月30日至2月3日放假\n2027-02-06 上班 春节\n2027-05-01 放假 劳动节', 2027);
    expect(a.problems).toEqual([]);
    expect(a.days.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2027-01-30 holiday',
      '2027-01-31 holiday',
      '2027-02-01 holiday',
      '2027-02-02 holiday',
      '2027-02-03 holiday',
      '2027-02-06 workday',
      '2027-05-01 holiday',
    ]);
  });

  it('names what it cannot use instead of guessing: other years, impossible dates, contradictions, unread lines', () => {
    const a = readArrangement(
      '经国务院批准，现将2027年放假调休日期的具体安排通知如下。\n2026-10-01 放假\n元旦：2月30日放假\n国庆节：10月1日至3日放假。10月2日上班。\n清明节：4月5日调休\n2027-10-08 上班\n2027-10-09 补班',
      2027,
    );
    expect(a.problems).toEqual([
      '2026-10-01 不在 2027 年：2026-10-01 放假',
      '日期无效：元旦：2月30日放假',
      '2027-10-02 既列为放假又列为上班：国庆节：10月1日至3日放假。10月2日上班。',
      '未能识别日期：清明节：4月5日调休',
      '2027-10-08 本是工作日，无需列为调休上班',
    ]);
    // What could be read stands; nothing is saved while problems are listed (the page's rule).
    expect(a.days.map((d) => d.date)).toEqual(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-08', '2027-10-09']);
  });
});
