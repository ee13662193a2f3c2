import type { CaseStage } from '@filing/contracts';
import { CalendarNotCoveredError, shiftDate, type WorkingDayCalendar } from '@filing/calendar';

/**
 * Time limits per stage in working days (办理时限), for the overdue flags (督办) on the work queues. The procedure fixes
 * none; these defaults are a proposal and every value is configuration (REVIEW_STAGE_LIMITS, a JSON object).
 */
export const DEFAULT_STAGE_LIMITS: Partial<Record<CaseStage, number>> = {
  SUBMITTED: 5, // 受理
  ACCEPTED: 5, // 工作方案与专家需求
  EXPERT_GROUP_REQUESTED: 10, // 抽取专家, 组建专家组
  GROUP_FORMED: 5, // 启动会, 推选组长
  PRELIMINARY_REVIEW: 10, // 初审
  PROVINCIAL_RECHECK_PRELIMINARY: 10, // 省级复核 (初评意见)
  ONSITE_EVALUATION: 20, // 现场技术评估
  COMPREHENSIVE_REVIEW: 10, // 综合评审
  PROVINCIAL_RECHECK_COMPREHENSIVE: 10, // 省级复核 (综合技术评估意见)
  APPROVAL: 15, // 审定
};

/** Aliases accepted in configuration, named after the step rather than the stage. */
const ALIASES: Record<string, CaseStage> = {
  ACCEPT: 'SUBMITTED',
  WORK_PLAN: 'ACCEPTED',
  RECHECK_PRELIMINARY: 'PROVINCIAL_RECHECK_PRELIMINARY',
  RECHECK_COMPREHENSIVE: 'PROVINCIAL_RECHECK_COMPREHENSIVE',
};

export type StageLimits = Partial<Record<CaseStage, number>>;

/** Reads `{"ACCEPT": 5, "PRELIMINARY_REVIEW": 10}`; unknown keys or non-positive values are configuration errors. */
export function parseStageLimits(raw: string | undefined, known: readonly CaseStage[]): StageLimits {
  const limits: StageLimits = { ...DEFAULT_STAGE_LIMITS };
  if (!raw || !raw.trim()) return limits;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new Error(`configuration: REVIEW_STAGE_LIMITS is not JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('configuration: REVIEW_STAGE_LIMITS must be a JSON object');
  for (const [key, value] of Object.entries(parsed)) {
    const stage = (ALIASES[key] ?? key) as CaseStage;
    if (!known.includes(stage)) throw new Error(`configuration: REVIEW_STAGE_LIMITS key ${key} is not a stage`);
    if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`configuration: REVIEW_STAGE_LIMITS.${key} must be a positive integer`);
    limits[stage] = value as number;
  }
  return limits;
}

export interface StageDeadline {
  limitWorkingDays: number | null;
  /** Last working day to finish the stage; null when the stage has no limit or the calendar cannot count. */
  dueDate: string | null;
  overdue: boolean;
  /** Working days waited so far (from the day after the stage was entered to today); null where the calendar cannot count. */
  waitedWorkingDays: number | null;
  /** Why no due date could be computed, e.g. a year the calendar has no data for. */
  problem?: string;
  /** The due date falls in this year, which the working-day calendar has no data for yet: it appears once loaded. */
  awaitingCalendarYear?: number;
}

/**
 * The stage's due date counts `limit` working days from the day after it was entered; it is overdue (督办) once
 * today is past that date.
 */
export function stageDeadline(
  stage: CaseStage,
  enteredOn: string,
  today: string,
  limits: StageLimits,
  calendar: Pick<WorkingDayCalendar, 'addWorkingDays' | 'workingDaysBetween'>,
): StageDeadline {
  const limit = limits[stage];
  const waitedWorkingDays = waited(enteredOn, today, calendar);
  if (!limit) return { limitWorkingDays: null, dueDate: null, overdue: false, waitedWorkingDays };
  try {
    const dueDate = calendar.addWorkingDays(enteredOn, limit, { countStartDay: false });
    return { limitWorkingDays: limit, dueDate, overdue: today > dueDate, waitedWorkingDays };
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) {
      return { limitWorkingDays: limit, dueDate: null, overdue: false, waitedWorkingDays, problem: err.message, awaitingCalendarYear: err.year };
    }
    return { limitWorkingDays: limit, dueDate: null, overdue: false, waitedWorkingDays, problem: (err as Error).message };
  }
}

/** Working days since the day the stage was entered, that day not counted (as the due date counts them). */
function waited(enteredOn: string, today: string, calendar: Pick<WorkingDayCalendar, 'workingDaysBetween'>): number | null {
  if (today <= enteredOn) return 0;
  try {
    return calendar.workingDaysBetween(shiftDate(enteredOn, 1), today);
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) return null;
    throw err;
  }
}
