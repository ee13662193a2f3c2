import { describe, expect, it } from 'vitest';
import type { ReviewCase, StageDeadline, WorkQueue } from '../../../services/review/views';
import { countByStage, filterRows, rowsOf, sortRows, urgencyOf } from './queue-rows';

const deadline = (d: Partial<StageDeadline>): StageDeadline => ({ limitWorkingDays: 5, dueDate: '2025-10-13', overdue: false, waitedWorkingDays: 1, ...d });
const kase = (id: string, stage: string, d: Partial<StageDeadline>, name = `机构${id}`, submittedAt = `2025-09-2${id}T01:00:00.000Z`) =>
  ({ id, stage, deadline: deadline(d), submittedAt, institution: { name, creditCode: `91220101MA0Y3B9X1${id}` } }) as unknown as ReviewCase;

describe('the work queue (待办)', () => {
  const q = {
    waiting: [
      kase('1', 'SUBMITTED', { waitedWorkingDays: 2 }),
      kase('2', 'SUBMITTED', { overdue: true, waitedWorkingDays: 7, dueDate: '2025-10-10' }),
      kase('3', 'ACCEPTED', { waitedWorkingDays: 4, dueDate: '2025-10-09' }, '长春精密机械'),
    ],
    supervising: [
      kase('4', 'PRELIMINARY_REVIEW', { limitWorkingDays: 10, waitedWorkingDays: 12, overdue: true, dueDate: '2025-10-01' }),
      kase('5', 'PUBLIC_NOTICE', { limitWorkingDays: null, dueDate: null }),
    ],
  } as unknown as WorkQueue;
  const rows = rowsOf(q);

  it('says how urgent a stage is: overdue (督办), due within a working day, on time, without a limit, not yet countable', () => {
    expect(urgencyOf(deadline({ overdue: true }))).toBe('overdue');
    expect(urgencyOf(deadline({ waitedWorkingDays: 4 }))).toBe('due-soon');
    expect(urgencyOf(deadline({ waitedWorkingDays: 2 }))).toBe('on-time');
    expect(urgencyOf(deadline({ limitWorkingDays: null, dueDate: null }))).toBe('no-limit');
    expect(urgencyOf(deadline({ dueDate: null, waitedWorkingDays: null, awaitingCalendarYear: 2027 }))).toBe('unknown');
  });

  it('counts cases per stage in the order of the procedure, with the overdue among them', () => {
    expect(countByStage(rows, ['SUBMITTED', 'ACCEPTED', 'PRELIMINARY_REVIEW', 'PUBLIC_NOTICE'])).toEqual([
      { stage: 'SUBMITTED', count: 2, overdue: 1 },
      { stage: 'ACCEPTED', count: 1, overdue: 0 },
      { stage: 'PRELIMINARY_REVIEW', count: 1, overdue: 1 },
      { stage: 'PUBLIC_NOTICE', count: 1, overdue: 0 },
    ]);
  });

  it('filters by what waits for me, stage, overdue and institution name or credit code', () => {
    expect(filterRows(rows, { scope: 'waiting' }).map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(filterRows(rows, { scope: 'all', overdueOnly: true }).map((r) => r.id)).toEqual(['2', '4']);
    expect(filterRows(rows, { scope: 'all', stage: 'SUBMITTED' }).map((r) => r.id)).toEqual(['1', '2']);
    expect(filterRows(rows, { scope: 'all', text: '精密' }).map((r) => r.id)).toEqual(['3']);
    expect(filterRows(rows, { scope: 'all', text: '91220101ma0y3b9x15' }).map((r) => r.id)).toEqual(['5']);
  });

  it('sorts overdue first then the nearest due date; or by working days waited, due date, submission', () => {
    expect(sortRows(rows, 'urgency').map((r) => r.id)).toEqual(['4', '2', '3', '1', '5']);
    expect(sortRows(rows, 'waited').map((r) => r.id)).toEqual(['4', '2', '3', '1', '5']);
    expect(sortRows(rows, 'due').map((r) => r.id)).toEqual(['4', '3', '2', '1', '5']);
    expect(sortRows(rows, 'submitted').map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
  });
});
