import { CASE_STAGES } from '@filing/contracts';
import { WorkingDayCalendar } from '@filing/calendar';
import { DEFAULT_STAGE_LIMITS, parseStageLimits, stageDeadline } from './stage-time-limits';

describe('stage time limits in working days (督办)', () => {
  const calendar = new WorkingDayCalendar();

  it('counts working days from the day after the stage was entered, across the National Day holiday and 调休', () => {
    // Entered Monday 2025-09-29; 5 working days: 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13.
    const d = stageDeadline('SUBMITTED', '2025-09-29', '2025-10-13', { SUBMITTED: 5 }, calendar);
    expect(d).toEqual({ limitWorkingDays: 5, dueDate: '2025-10-13', overdue: false, waitedWorkingDays: 5 });
    expect(stageDeadline('SUBMITTED', '2025-09-29', '2025-10-14', { SUBMITTED: 5 }, calendar)).toMatchObject({ overdue: true, waitedWorkingDays: 6 });
  });

  it('counts the working days waited, the day of entry not counted, none on the day itself', () => {
    // National Day week: 10-01..10-08 are holidays; waited by 10-08 is only 09-30.
    expect(stageDeadline('SUBMITTED', '2025-09-29', '2025-10-08', { SUBMITTED: 5 }, calendar).waitedWorkingDays).toBe(1);
    expect(stageDeadline('SUBMITTED', '2025-09-29', '2025-09-29', { SUBMITTED: 5 }, calendar).waitedWorkingDays).toBe(0);
  });

  it('has no deadline for stages without a limit, and still counts the wait (30 Sep, 18 in October with the make-up Saturday, 20, 23; New Year off)', () => {
    expect(stageDeadline('PUBLIC_NOTICE', '2025-09-29', '2026-01-01', DEFAULT_STAGE_LIMITS, calendar)).toEqual({
      limitWorkingDays: null,
      dueDate: null,
      overdue: false,
      waitedWorkingDays: 62,
    });
  });

  it('reports a year the calendar has no data for instead of guessing', () => {
    const d = stageDeadline('APPROVAL', '2026-12-28', '2026-12-29', { APPROVAL: 15 }, calendar);
    expect(d.dueDate).toBeNull();
    expect(d.problem).toMatch(/2027/);
    expect(d.awaitingCalendarYear).toBe(2027);
  });

  it('reads per-stage limits from JSON configuration, with step aliases', () => {
    const limits = parseStageLimits('{"ACCEPT": 3, "PRELIMINARY_REVIEW": 12}', CASE_STAGES);
    expect(limits.SUBMITTED).toBe(3);
    expect(limits.PRELIMINARY_REVIEW).toBe(12);
    expect(limits.APPROVAL).toBe(DEFAULT_STAGE_LIMITS.APPROVAL);
    expect(() => parseStageLimits('{"NOPE": 3}', CASE_STAGES)).toThrow(/NOPE is not a stage/);
    expect(() => parseStageLimits('{"ACCEPT": 0}', CASE_STAGES)).toThrow(/positive integer/);
    expect(() => parseStageLimits('[1]', CASE_STAGES)).toThrow(/JSON object/);
  });
});
