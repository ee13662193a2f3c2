import { CalendarNotCoveredError, InvalidCalendarDateError, WorkingDayCalendar, shiftDate } from './working-day-calendar';

describe('WorkingDayCalendar (chinese-days + overrides)', () => {
  const calendar = new WorkingDayCalendar();
  const counted = { countStartDay: true };
  const notCounted = { countStartDay: false };

  it('knows holidays and 调休 make-up working days', () => {
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up day for National Day 2025
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up day
    expect(calendar.isWorkingDay('2025-10-01')).toBe(false); // National Day
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false); // 除夕 2025 (a holiday since the 2024 revision)
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday before Spring Festival 2026
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true); // Saturday after Spring Festival 2026
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2025-11-15')).toBe(false); // an ordinary Saturday
    expect(calendar.isWorkingDay('2025-11-17')).toBe(true); // an ordinary Monday
  });

  describe('notice end = the Nth working day', () => {
    it.each([
      // start, n, countStartDay, end
      ['2025-09-29', 5, true, '2025-10-11'], // 9/29, 9/30, [10/1–10/8 holiday], 10/9, 10/10, 10/11 (make-up Saturday)
      ['2025-09-29', 5, false, '2025-10-13'], // 9/30, 10/9, 10/10, 10/11, 10/13
      ['2025-04-11', 16, true, '2025-05-06'], // Jilin's 2025 comment window, counting 4/11 (docs/domain.md §0.5)
      ['2025-04-11', 15, false, '2025-05-06'], // … and the "15 working days" it announced, counting from 4/12
      ['2026-02-12', 5, true, '2026-02-25'], // Spring Festival 2026: 2/12, 2/13, 2/14 (Sat, 调休), 2/24, 2/25
      ['2026-02-12', 5, false, '2026-02-26'],
      ['2026-09-30', 5, true, '2026-10-12'], // National Day 2026 with the 10/10 make-up Saturday
      ['2026-09-30', 5, false, '2026-10-13'],
      ['2025-12-29', 5, false, '2026-01-06'], // across the year end and New Year's Day 2026 (1/1–1/3)
      ['2025-11-17', 5, true, '2025-11-21'], // an ordinary week
      ['2025-11-17', 5, false, '2025-11-24'],
    ])('%s + %i working days (start counted: %s) ends %s', (start, n, countStartDay, end) => {
      expect(calendar.addWorkingDays(start as string, n as number, { countStartDay: countStartDay as boolean })).toBe(end);
    });

    it('a start on a holiday counts from the first working day after it', () => {
      expect(calendar.addWorkingDays('2025-10-01', 1, counted)).toBe('2025-10-09');
      expect(calendar.addWorkingDays('2025-10-01', 1, notCounted)).toBe('2025-10-09');
    });

    it('refuses a count below one', () => {
      expect(() => calendar.addWorkingDays('2025-11-17', 0, counted)).toThrow(/≥ 1/);
    });
  });

  it('counts working days between two dates, both included', () => {
    expect(calendar.workingDaysBetween('2025-04-11', '2025-05-06')).toBe(16);
    expect(calendar.workingDaysBetween('2025-04-12', '2025-05-06')).toBe(15);
    expect(calendar.workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(calendar.workingDaysBetween('2025-10-09', '2025-10-08')).toBe(0);
  });

  it('finds the next working day on or after a date', () => {
    expect(calendar.nextWorkingDayOnOrAfter('2025-10-01')).toBe('2025-10-09');
    expect(calendar.nextWorkingDayOnOrAfter('2025-10-09')).toBe('2025-10-09');
  });

  describe('coverage', () => {
    it('covers the years chinese-days holds data for, through 2026', () => {
      const years = calendar.coveredYears();
      expect(years).toContain(2025);
      expect(years).toContain(2026);
      expect(years).not.toContain(2027);
    });

    it('refuses a date in a year without data instead of guessing Monday–Friday', () => {
      expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarNotCoveredError);
      expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(/year 2027/);
      // A window that runs into 2027 is refused as well.
      expect(() => calendar.addWorkingDays('2026-12-28', 5, notCounted)).toThrow(CalendarNotCoveredError);
    });

    it('accepts a year an administrator has loaded', () => {
      const loaded = new WorkingDayCalendar([
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2027-01-02', kind: 'holiday' },
        { date: '2027-01-03', kind: 'holiday' },
        { date: '2027-01-09', kind: 'workday' }, // a hypothetical make-up Saturday
      ]);
      expect(loaded.coveredYears()).toContain(2027);
      expect(loaded.isWorkingDay('2027-01-01')).toBe(false);
      expect(loaded.isWorkingDay('2027-01-09')).toBe(true);
      expect(loaded.isWorkingDay('2027-01-10')).toBe(false); // Sunday, not listed
      expect(loaded.isWorkingDay('2027-01-04')).toBe(true); // Monday, not listed
      // 2026-12-28 (Mon) not counted: 12/29, 12/30, 12/31, [1/1–1/3], 1/4, 1/5
      expect(loaded.addWorkingDays('2026-12-28', 5, notCounted)).toBe('2027-01-05');
      expect(() => loaded.isWorkingDay('2028-03-01')).toThrow(CalendarNotCoveredError);
    });

    it('lets an override correct a day in a covered year', () => {
      const corrected = new WorkingDayCalendar([{ date: '2025-11-17', kind: 'holiday' }]);
      expect(corrected.isWorkingDay('2025-11-17')).toBe(false);
      expect(corrected.addWorkingDays('2025-11-17', 5, counted)).toBe('2025-11-24');
    });
  });

  it('refuses malformed dates', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(InvalidCalendarDateError);
    expect(() => calendar.isWorkingDay('2025/10/01')).toThrow(InvalidCalendarDateError);
    expect(() => new WorkingDayCalendar([{ date: 'tomorrow', kind: 'holiday' }])).toThrow(InvalidCalendarDateError);
  });

  it('shifts calendar dates across month and year ends', () => {
    expect(shiftDate('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftDate('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('describeDay: a day as a calendar shows it', () => {
  const cal = new WorkingDayCalendar([{ date: '2027-01-01', kind: 'holiday' }]);

  it('names statutory holidays and make-up working days from the official data', () => {
    expect(cal.describeDay('2025-10-01')).toEqual({ date: '2025-10-01', working: false, kind: 'holiday', name: '国庆节' });
    expect(cal.describeDay('2025-10-06')).toEqual({ date: '2025-10-06', working: false, kind: 'holiday', name: '中秋' });
    expect(cal.describeDay('2025-10-11')).toEqual({ date: '2025-10-11', working: true, kind: 'make-up-workday', name: '国庆节' });
  });

  it('tells plain weekends and working days apart, and marks overrides', () => {
    expect(cal.describeDay('2025-10-12')).toEqual({ date: '2025-10-12', working: false, kind: 'weekend' });
    expect(cal.describeDay('2025-10-13')).toEqual({ date: '2025-10-13', working: true, kind: 'workday' });
    expect(cal.describeDay('2027-01-01')).toEqual({ date: '2027-01-01', working: false, kind: 'holiday', override: true });
    expect(() => cal.describeDay('2030-01-01')).toThrow(CalendarNotCoveredError);
  });
});
