// The package's own per-year data, read directly: its date functions parse strings in the process's local time zone
// (wrong answers when TZ is not UTC+0/+8) and silently fall back to Monday–Friday for years it lacks.
import officialDays from 'chinese-days/dist/chinese-days.json';

/**
 * Working days (工作日) in China: Monday–Friday minus statutory holidays, plus the weekend days the State Council
 * designates as make-up working days (调休上班). Official data comes from `chinese-days`; an administrator's overrides
 * add years the package does not know yet, or correct a day.
 *
 * All dates are calendar dates in China time as 'YYYY-MM-DD' strings; no time zone arithmetic happens here.
 */

export type CalendarDayKind = 'workday' | 'holiday';

export interface CalendarOverride {
  date: string;
  kind: CalendarDayKind;
}

export interface CalendarDay {
  date: string;
  working: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'make-up-workday';
  /** The holiday a day belongs to (a holiday or its make-up working day), e.g. 国庆节. */
  name?: string;
  /** Set by an administrator's override. */
  override?: true;
}

export interface AddWorkingDaysOptions {
  /** Whether `start` itself counts as the first working day (if it is one). Jilin appears to count from the day after. */
  countStartDay: boolean;
}

/** A date falls in a year for which neither chinese-days nor the loaded overrides hold the official arrangement. */
export class CalendarNotCoveredError extends Error {
  constructor(
    readonly year: number,
    readonly date: string,
  ) {
    super(
      `working-day calendar: no official holiday data for year ${year} (date ${date}); ` +
        `an administrator must load the ${year} holiday and make-up working day arrangement (or upgrade chinese-days)`,
    );
    this.name = 'CalendarNotCoveredError';
  }
}

export class InvalidCalendarDateError extends Error {
  constructor(readonly value: string) {
    super(`working-day calendar: "${value}" is not a valid date in YYYY-MM-DD form`);
    this.name = 'InvalidCalendarDateError';
  }
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const OFFICIAL_HOLIDAYS: Readonly<Record<string, string>> = officialDays.holidays;
const OFFICIAL_WORKDAYS: Readonly<Record<string, string>> = officialDays.workdays;

/** Years present in the package's per-year data. chinese-days silently treats any other year as plain Mon–Fri. */
const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  [...Object.keys(officialDays.holidays), ...Object.keys(officialDays.workdays)].map((d) => Number(d.slice(0, 4))),
);

export function parseCalendarDate(value: string): { year: number; month: number; day: number } {
  const m = DATE_PATTERN.exec(value);
  if (!m) throw new InvalidCalendarDateError(value);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw new InvalidCalendarDateError(value);
  return { year, month, day };
}

/** The calendar date `days` after `date` (negative for before). Pure date arithmetic, not procedure time. */
export function shiftDate(date: string, days: number): string {
  const { year, month, day } = parseCalendarDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function dayOfWeek(date: string): number {
  const { year, month, day } = parseCalendarDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export class WorkingDayCalendar {
  private readonly overrides = new Map<string, CalendarDayKind>();
  private readonly overrideYears = new Set<number>();

  /**
   * Loading any day for a year declares that year's arrangement loaded: days not listed then follow Monday–Friday.
   * So for a year chinese-days lacks, load ALL its holidays and make-up working days at once.
   */
  constructor(overrides: readonly CalendarOverride[] = []) {
    for (const o of overrides) {
      const { year } = parseCalendarDate(o.date);
      if (o.kind !== 'workday' && o.kind !== 'holiday') throw new Error(`working-day calendar: override kind must be workday or holiday, got "${o.kind}"`);
      this.overrides.set(o.date, o.kind);
      this.overrideYears.add(year);
    }
  }

  /** Years this calendar can answer for, ascending. */
  coveredYears(): number[] {
    return [...new Set([...OFFICIAL_YEARS, ...this.overrideYears])].sort((a, b) => a - b);
  }

  isCovered(year: number): boolean {
    return OFFICIAL_YEARS.has(year) || this.overrideYears.has(year);
  }

  /** Throws CalendarNotCoveredError for a year without data rather than guessing Monday–Friday. */
  isWorkingDay(date: string): boolean {
    const { year } = parseCalendarDate(date);
    const override = this.overrides.get(date);
    if (override) return override === 'workday';
    if (!this.isCovered(year)) throw new CalendarNotCoveredError(year, date);
    if (OFFICIAL_YEARS.has(year)) {
      if (date in OFFICIAL_WORKDAYS) return true; // 调休上班
      if (date in OFFICIAL_HOLIDAYS) return false;
    }
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  }

  /**
   * One day as a calendar shows it: working or not, and why — a statutory holiday (with its Chinese name from the
   * official data), a make-up working day (调休上班), a weekend, or an administrator's override.
   */
  describeDay(date: string): CalendarDay {
    const working = this.isWorkingDay(date);
    const override = this.overrides.get(date);
    const official = OFFICIAL_YEARS.has(parseCalendarDate(date).year) ? (OFFICIAL_HOLIDAYS[date] ?? OFFICIAL_WORKDAYS[date]) : undefined;
    const name = official?.split(',')[1];
    const weekend = [0, 6].includes(dayOfWeek(date));
    const holiday = !override && date in OFFICIAL_HOLIDAYS && OFFICIAL_YEARS.has(parseCalendarDate(date).year);
    const kind: CalendarDay['kind'] = working ? (weekend ? 'make-up-workday' : 'workday') : weekend && !holiday ? 'weekend' : 'holiday';
    return { date, working, kind, ...(name && !override ? { name } : {}), ...(override ? { override: true } : {}) };
  }

  /**
   * The Nth working day counted from `start` — e.g. the last day of a notice of N working days.
   * countStartDay: `start` is day 1 if it is a working day; otherwise counting begins the day after `start`.
   */
  addWorkingDays(start: string, n: number, options: AddWorkingDaysOptions): string {
    if (!Number.isInteger(n) || n < 1) throw new Error(`working-day calendar: the number of working days must be a whole number ≥ 1, got ${n}`);
    let cursor = options.countStartDay ? start : shiftDate(start, 1);
    let counted = 0;
    for (;;) {
      if (this.isWorkingDay(cursor)) {
        counted += 1;
        if (counted === n) return cursor;
      }
      cursor = shiftDate(cursor, 1);
    }
  }

  /** The first working day on or after `date`. */
  nextWorkingDayOnOrAfter(date: string): string {
    let cursor = date;
    while (!this.isWorkingDay(cursor)) cursor = shiftDate(cursor, 1);
    return cursor;
  }

  /** Working days from `from` to `to`, both included (0 if `to` is before `from`). */
  workingDaysBetween(from: string, to: string): number {
    parseCalendarDate(to);
    let count = 0;
    for (let cursor = from; cursor <= to; cursor = shiftDate(cursor, 1)) {
      if (this.isWorkingDay(cursor)) count += 1;
    }
    return count;
  }
}
