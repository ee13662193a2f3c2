import { WorkingDayCalendar } from '@filing/calendar';
import { CaseStage } from '@filing/contracts';
import { chinaDate } from '@filing/runtime';
import { DEFAULT_STAGE_LIMITS, stageDeadline } from '../../../cases/domain/stage-time-limits';
import { OversightCaseRow, StageStayRow } from '../../infrastructure/oversight.repository';
import { oversightView } from './oversight.view';

/** The view's arithmetic on plain rows (the read model's), with the real working-day calendar (National Day 2025). */
describe('the oversight view', () => {
  const calendar = new WorkingDayCalendar();
  const now = new Date('2025-12-01T02:00:00Z');
  const at = (iso: string) => new Date(iso);
  const kase = (id: string, jurisdiction: string, stage: CaseStage, enteredAt: string, filedAt: string | null = null): OversightCaseRow => ({
    caseId: id,
    jurisdiction,
    institutionName: `机构${id}`,
    stage,
    stageEnteredAt: at(enteredAt),
    openedAt: at('2025-09-01T01:00:00Z'),
    filedAt: filedAt ? at(filedAt) : null,
  });
  const stay = (stage: CaseStage, enteredAt: string, leftAt: string): StageStayRow => ({
    caseId: 'x',
    jurisdiction: '220100',
    stage,
    enteredAt: at(enteredAt),
    leftAt: at(leftAt),
  });
  const input = (over: Partial<Parameters<typeof oversightView>[0]> = {}) => ({
    now,
    staleAfterMs: 120_000,
    cityInstances: ['220100'],
    cases: [] as OversightCaseRow[],
    stays: [] as StageStayRow[],
    instances: [],
    calendar,
    deadlineOf: (stage: CaseStage, enteredAt: Date) => stageDeadline(stage, chinaDate(enteredAt), chinaDate(now), DEFAULT_STAGE_LIMITS, calendar),
    limits: DEFAULT_STAGE_LIMITS,
    ...over,
  });

  it('counts filings per month, with months without filings as zero, up to this month', () => {
    const v = oversightView(
      input({
        cases: [
          kase('a', '220100', 'FILING_NOTICE_ISSUED', '2025-09-10T02:00:00Z', '2025-09-10T02:00:00Z'),
          kase('b', '220200', 'FILING_NOTICE_ISSUED', '2025-09-30T17:00:00Z', '2025-09-30T17:00:00Z'), // 1 October in China
          kase('c', '220100', 'FILING_NOTICE_ISSUED', '2025-10-20T02:00:00Z', '2025-10-20T02:00:00Z'),
        ],
      }),
    );
    expect(v.filingsPerMonth).toEqual([
      { month: '2025-09', filings: 1, byJurisdiction: { '220100': 1 } },
      { month: '2025-10', filings: 2, byJurisdiction: { '220200': 1, '220100': 1 } },
      { month: '2025-11', filings: 0, byJurisdiction: {} },
      { month: '2025-12', filings: 0, byJurisdiction: {} },
    ]);
    expect(v.cities.find((c) => c.jurisdiction === '220100')).toMatchObject({ finished: 2, open: 0, byStage: { FILING_NOTICE_ISSUED: 2 } });
  });

  it('counts the working days of a stay on the holiday calendar: National Day is not counted', () => {
    // Accepted Tuesday 30 September, left Thursday 9 October: 1–8 October are holidays, so only the 9th counts.
    const v = oversightView(
      input({ stays: [stay('ACCEPTED', '2025-09-30T02:00:00Z', '2025-10-09T02:00:00Z'), stay('ACCEPTED', '2025-10-09T02:00:00Z', '2025-10-09T09:00:00Z')] }),
    );
    expect(v.stageDurations.find((d) => d.stage === 'ACCEPTED')).toMatchObject({ count: 2, median: 0.5, p90: 1, max: 1, limitWorkingDays: 5 });
  });

  it('names an instance never heard from, and marks the cities it serves so, not as empty', () => {
    const v = oversightView(
      input({
        cases: [kase('a', '220100', 'SUBMITTED', '2025-11-28T02:00:00Z')],
        instances: [{ jurisdiction: '220000', asOf: now, heardAt: now, openCases: 0, overdueCases: 0, byStage: [] }],
      }),
    );
    expect(v.instances.map((i) => [i.jurisdiction, i.state])).toEqual([
      ['220000', 'live'],
      ['220100', 'never-heard'],
    ]);
    expect(v.cities.find((c) => c.jurisdiction === '220100')).toMatchObject({ state: 'never-heard', open: 1, heardAt: null });
    expect(v.cities.find((c) => c.jurisdiction === '220200')).toMatchObject({ servedBy: '220000', state: 'live' });
  });
});
