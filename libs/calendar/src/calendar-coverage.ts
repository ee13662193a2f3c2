import { parseCalendarDate, WorkingDayCalendar } from './working-day-calendar';

export interface CalendarCoverage {
  /** The last day the calendar can count on without a gap from today's year; null when today's year is not covered. */
  coveredUntil: string | null;
  /** Days from today to coveredUntil (0 when it is today or not covered at all). */
  daysLeft: number;
  /** The first year without data, after today's. */
  nextMissingYear: number;
  /** Set from `warnDays` days before the covered data ends: what an administrator must do. */
  warning?: string;
}

/** Warn this many days before the covered data ends: time to load next year's arrangement (国务院办公厅 publishes it in autumn). */
export const CALENDAR_WARN_DAYS = 60;

/** How far ahead the calendar can count from `today`, and whether an administrator should load the next year now. */
export function calendarCoverage(calendar: Pick<WorkingDayCalendar, 'isCovered'>, today: string, warnDays = CALENDAR_WARN_DAYS): CalendarCoverage {
  const { year } = parseCalendarDate(today);
  let last = year - 1;
  while (calendar.isCovered(last + 1)) last++;
  const nextMissingYear = last + 1;
  const coveredUntil = last >= year ? `${last}-12-31` : null;
  const daysLeft = coveredUntil ? Math.round((Date.parse(`${coveredUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000) : 0;
  const coverage: CalendarCoverage = { coveredUntil, daysLeft, nextMissingYear };
  if (daysLeft <= warnDays) {
    coverage.warning = coveredUntil
      ? `the working-day calendar ends on ${coveredUntil} (${daysLeft} days left): load the ${nextMissingYear} holiday arrangement (POST /calendar/overrides at publication)`
      : `the working-day calendar has no data for ${year}: load the ${year} holiday arrangement (POST /calendar/overrides at publication)`;
  }
  return coverage;
}
