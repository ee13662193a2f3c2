import { CalendarNotCoveredError, WorkingDayCalendar } from '@filing/calendar';
import { noticeWindow, windowPhase } from './notice-window';

describe('notice window (公示期)', () => {
  const calendar = new WorkingDayCalendar();

  it('five working days from the day after publication (the default)', () => {
    const w = noticeWindow(calendar, '2025-09-29', { workingDays: 5, publicationDayCounts: false });
    expect(w).toEqual({ startDate: '2025-09-29', endDate: '2025-10-13', closesAt: new Date('2025-10-13T16:00:00Z') });
  });

  it('five working days counting the publication day ends on the 调休 Saturday', () => {
    expect(noticeWindow(calendar, '2025-09-29', { workingDays: 5, publicationDayCounts: true }).endDate).toBe('2025-10-11');
  });

  it('approved during Spring Festival 2026: goes up on the first working day after it', () => {
    const w = noticeWindow(calendar, '2026-02-16', { workingDays: 5, publicationDayCounts: true });
    expect(w.startDate).toBe('2026-02-24');
    expect(w.endDate).toBe('2026-02-28'); // 2/24, 2/25, 2/26, 2/27, 2/28 (make-up Saturday)
  });

  it('refuses a window running into a year without data', () => {
    expect(() => noticeWindow(calendar, '2026-12-28', { workingDays: 5, publicationDayCounts: false })).toThrow(CalendarNotCoveredError);
  });

  it('knows whether a day is inside the window', () => {
    expect(windowPhase('2025-09-28', '2025-09-29', '2025-10-13')).toBe('not-started');
    expect(windowPhase('2025-10-13', '2025-09-29', '2025-10-13')).toBe('running');
    expect(windowPhase('2025-10-14', '2025-09-29', '2025-10-13')).toBe('ended');
  });
});
