import { CASE_STAGES, CaseStage, JURISDICTIONS, PROVINCE_CODE } from '@filing/contracts';
import { CalendarNotCoveredError, shiftDate, WorkingDayCalendar } from '@filing/calendar';
import { chinaDate } from '@filing/runtime';
import { FINAL_STAGES } from '../../../cases/domain/case-lifecycle';
import { StageDeadline } from '../../../cases/domain/stage-time-limits';
import { InstanceState, instanceState, monthOf, monthsBetween, servingInstance, Spread, spread } from '../../domain/oversight-figures';
import { InstanceRow, OversightCaseRow, StageStayRow } from '../../infrastructure/oversight.repository';

/** Stage names as officials read them (the console's and the exports' headings). */
export const STAGE_NAMES_ZH: Record<CaseStage, string> = {
  SUBMITTED: '已提交（待受理）',
  ACCEPTED: '已受理',
  EXPERT_GROUP_REQUESTED: '申请抽取专家',
  GROUP_FORMED: '专家组已组建',
  PRELIMINARY_REVIEW: '材料初审',
  PROVINCIAL_RECHECK_PRELIMINARY: '省级复核（初评意见）',
  RETURNED: '退回补正',
  ONSITE_EVALUATION: '现场技术评估',
  COMPREHENSIVE_REVIEW: '综合评审',
  PROVINCIAL_RECHECK_COMPREHENSIVE: '省级复核（综合意见）',
  APPROVAL: '审定',
  PUBLIC_NOTICE: '公示',
  FILING_NOTICE_REQUESTED: '报请下发备案通知',
  FILING_NOTICE_ISSUED: '已下发备案通知',
  NOT_PASSED: '未通过',
  CLOSED: '已结束',
};

export interface InstanceView {
  jurisdiction: string;
  name: string;
  state: InstanceState;
  /** When the province last heard from it (its clock), null when never. */
  heardAt: string | null;
  /** The instance's own time of its last count. */
  asOf: string | null;
  /** What it reported in that heartbeat. */
  reportedOpenCases: number | null;
  reportedOverdueCases: number | null;
}

export interface CityView {
  jurisdiction: string;
  name: string;
  /** The instance holding its cases, and whether that instance is heard from: a stale city's figures are old. */
  servedBy: string;
  state: InstanceState;
  heardAt: string | null;
  byStage: Partial<Record<CaseStage, number>>;
  open: number;
  finished: number;
  overdue: number;
  /** Open cases whose due date the calendar cannot count yet (a year without data). */
  overdueUnknown: number;
}

export interface OverdueCaseView {
  caseId: string;
  jurisdiction: string;
  institutionName: string | null;
  stage: CaseStage;
  stageEnteredAt: string;
  deadline: StageDeadline;
}

export interface StageDurationView extends Spread {
  stage: CaseStage;
  name: string;
  limitWorkingDays: number | null;
  /** Stays the calendar could not count (a year without data). */
  uncounted: number;
}

export interface OversightView {
  asOf: string;
  today: string;
  staleAfterMs: number;
  instances: InstanceView[];
  cities: CityView[];
  overdueCases: OverdueCaseView[];
  stageDurations: StageDurationView[];
  filingsPerMonth: { month: string; filings: number; byJurisdiction: Record<string, number> }[];
}

export interface OversightInput {
  now: Date;
  staleAfterMs: number;
  cityInstances: readonly string[];
  cases: OversightCaseRow[];
  stays: StageStayRow[];
  instances: InstanceRow[];
  calendar: Pick<WorkingDayCalendar, 'workingDaysBetween'>;
  deadlineOf: (stage: CaseStage, enteredAt: Date) => StageDeadline;
  limits: Partial<Record<CaseStage, number>>;
}

const nameOf = (code: string) => JURISDICTIONS.find((j) => j.code === code)?.name ?? code;

/** Working days of a stay: from the day after it began to the day it ended (as the time limits count them). */
function workingDaysOf(stay: StageStayRow, calendar: OversightInput['calendar']): number | null {
  const from = chinaDate(new Date(stay.enteredAt));
  const to = chinaDate(new Date(stay.leftAt));
  if (to <= from) return 0;
  try {
    return calendar.workingDaysBetween(shiftDate(from, 1), to);
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) return null;
    throw err;
  }
}

/** The province's view (省级监管) from its read model: by city and stage, overdue, time per stage, filings per month. */
export function oversightView(input: OversightInput): OversightView {
  const heard = new Map(input.instances.map((i) => [i.jurisdiction, i]));
  const expected = [PROVINCE_CODE, ...input.cityInstances, ...input.instances.map((i) => i.jurisdiction)];
  const instances: InstanceView[] = [...new Set(expected)].map((code) => {
    const i = heard.get(code);
    return {
      jurisdiction: code,
      name: nameOf(code),
      state: instanceState(i ? new Date(i.heardAt) : null, input.now, input.staleAfterMs),
      heardAt: i ? new Date(i.heardAt).toISOString() : null,
      asOf: i ? new Date(i.asOf).toISOString() : null,
      reportedOpenCases: i?.openCases ?? null,
      reportedOverdueCases: i?.overdueCases ?? null,
    };
  });
  const stateOf = new Map(instances.map((i) => [i.jurisdiction, i]));

  const overdueCases: OverdueCaseView[] = [];
  const cities: CityView[] = JURISDICTIONS.map((j) => {
    const servedBy = servingInstance(j.code, PROVINCE_CODE, input.cityInstances);
    const inst = stateOf.get(servedBy)!;
    const view: CityView = {
      jurisdiction: j.code,
      name: j.name,
      servedBy,
      state: inst.state,
      heardAt: inst.heardAt,
      byStage: {},
      open: 0,
      finished: 0,
      overdue: 0,
      overdueUnknown: 0,
    };
    for (const c of input.cases.filter((x) => x.jurisdiction === j.code)) {
      view.byStage[c.stage] = (view.byStage[c.stage] ?? 0) + 1;
      if (FINAL_STAGES.includes(c.stage)) {
        view.finished += 1;
        continue;
      }
      view.open += 1;
      const deadline = input.deadlineOf(c.stage, new Date(c.stageEnteredAt));
      if (deadline.overdue) {
        view.overdue += 1;
        overdueCases.push({
          caseId: c.caseId,
          jurisdiction: c.jurisdiction,
          institutionName: c.institutionName,
          stage: c.stage,
          stageEnteredAt: new Date(c.stageEnteredAt).toISOString(),
          deadline,
        });
      } else if (deadline.limitWorkingDays && !deadline.dueDate) view.overdueUnknown += 1;
    }
    return view;
  });

  const daysByStage = new Map<CaseStage, number[]>();
  const uncounted = new Map<CaseStage, number>();
  for (const stay of input.stays) {
    const days = workingDaysOf(stay, input.calendar);
    if (days === null) uncounted.set(stay.stage, (uncounted.get(stay.stage) ?? 0) + 1);
    else daysByStage.set(stay.stage, [...(daysByStage.get(stay.stage) ?? []), days]);
  }
  const stageDurations: StageDurationView[] = CASE_STAGES.filter((s) => !FINAL_STAGES.includes(s)).map((stage) => ({
    stage,
    name: STAGE_NAMES_ZH[stage],
    limitWorkingDays: input.limits[stage] ?? null,
    uncounted: uncounted.get(stage) ?? 0,
    ...spread(daysByStage.get(stage) ?? []),
  }));

  const filed = input.cases.filter((c) => c.filedAt).map((c) => ({ month: monthOf(chinaDate(new Date(c.filedAt!))), jurisdiction: c.jurisdiction }));
  const months = filed.length ? monthsBetween(filed.map((f) => f.month).sort()[0], monthOf(chinaDate(input.now))) : [];
  const filingsPerMonth = months.map((month) => {
    const byJurisdiction: Record<string, number> = {};
    for (const f of filed.filter((x) => x.month === month)) byJurisdiction[f.jurisdiction] = (byJurisdiction[f.jurisdiction] ?? 0) + 1;
    return { month, filings: Object.values(byJurisdiction).reduce((a, b) => a + b, 0), byJurisdiction };
  });

  overdueCases.sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.stageEnteredAt.localeCompare(b.stageEnteredAt));
  return {
    asOf: input.now.toISOString(),
    today: chinaDate(input.now),
    staleAfterMs: input.staleAfterMs,
    instances,
    cities,
    overdueCases,
    stageDurations,
    filingsPerMonth,
  };
}
