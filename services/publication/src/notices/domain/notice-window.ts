import { WorkingDayCalendar, shiftDate } from '@filing/calendar';

export interface NoticeRules {
  workingDays: number;
  publicationDayCounts: boolean;
}

export interface NoticeWindow {
  /** First day of the notice: the approval's China date if it is a working day, else the next working day. */
  startDate: string;
  /** Last day on which objections are accepted: the Nth working day. */
  endDate: string;
  /** The window ends at midnight China time after endDate. */
  closesAt: Date;
}

/**
 * A notice approved on a Saturday or a holiday goes up on the next working day: publishing on a day the centre is
 * closed would eat into the objectors' time. The end follows the configured count and counting convention.
 */
export function noticeWindow(calendar: WorkingDayCalendar, today: string, rules: NoticeRules): NoticeWindow {
  const startDate = calendar.nextWorkingDayOnOrAfter(today);
  const endDate = calendar.addWorkingDays(startDate, rules.workingDays, { countStartDay: rules.publicationDayCounts });
  return { startDate, endDate, closesAt: chinaMidnight(shiftDate(endDate, 1)) };
}

/** 00:00 in China (UTC+8, no daylight saving) on a calendar date. */
export function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export type WindowPhase = 'not-started' | 'running' | 'ended';

export function windowPhase(today: string, startDate: string, endDate: string): WindowPhase {
  if (today < startDate) return 'not-started';
  if (today > endDate) return 'ended';
  return 'running';
}
