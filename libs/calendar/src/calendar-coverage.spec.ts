import { calendarCoverage } from './calendar-coverage';
import { WorkingDayCalendar } from './working-day-calendar';

describe('calendar coverage', () => {
  it('counts the days left to the end of the last covered year and warns within 60 days of it', () => {
    const calendar = new WorkingDayCalendar();
    expect(calendarCoverage(calendar, '2026-06-01')).toEqual({ coveredUntil: '2026-12-31', daysLeft: 213, nextMissingYear: 2027 });
    const december = calendarCoverage(calendar, '2026-12-01');
    expect(december).toMatchObject({ coveredUntil: '2026-12-31', daysLeft: 30, nextMissingYear: 2027 });
    expect(december.warning).toContain('load the 2027 holiday arrangement');
    expect(calendarCoverage(calendar, '2026-11-01').warning).toBeDefined(); // 60 days left
    expect(calendarCoverage(calendar, '2026-10-31').warning).toBeUndefined(); // 61 days left
  });

  it('follows a loaded year, and says so when even today is not covered', () => {
    const loaded = new WorkingDayCalendar([{ date: '2027-01-01', kind: 'holiday' }]);
    expect(calendarCoverage(loaded, '2026-12-01')).toEqual({ coveredUntil: '2027-12-31', daysLeft: 395, nextMissingYear: 2028 });
    const uncovered = calendarCoverage(new WorkingDayCalendar(), '2027-03-01');
    expect(uncovered).toMatchObject({ coveredUntil: null, daysLeft: 0, nextMissingYear: 2027 });
    expect(uncovered.warning).toContain('no data for 2027');
  });
});
