// The work queue's rows (待办): what waits for me and what I supervise, counted per stage, filtered and sorted.
// Pure, so its rules are tested without a browser (queue-rows.test.ts).
import type { ReviewCase, StageDeadline, WorkQueue } from '../../../services/review/views';

export type QueueOrigin = 'waiting' | 'supervising';

export interface QueueRow extends ReviewCase {
  origin: QueueOrigin;
}

export type Urgency = 'overdue' | 'due-soon' | 'on-time' | 'no-limit' | 'unknown';

/** How urgent a stage is: past its due date (督办), due within a working day, on time, or without a limit. */
export function urgencyOf(d: StageDeadline): Urgency {
  if (d.overdue) return 'overdue';
  if (d.limitWorkingDays === null) return 'no-limit';
  if (!d.dueDate || d.waitedWorkingDays === null) return 'unknown';
  return d.limitWorkingDays - d.waitedWorkingDays <= 1 ? 'due-soon' : 'on-time';
}

export function rowsOf(q: WorkQueue | undefined): QueueRow[] {
  return [
    ...(q?.waiting ?? []).map((c) => ({ ...c, origin: 'waiting' as const })),
    ...(q?.supervising ?? []).map((c) => ({ ...c, origin: 'supervising' as const })),
  ];
}

/** Cases per stage, in the order of the procedure, with how many of them are overdue. */
export function countByStage(rows: QueueRow[], stageOrder: string[]): { stage: string; count: number; overdue: number }[] {
  const counts = new Map<string, { count: number; overdue: number }>();
  for (const r of rows) {
    const c = counts.get(r.stage) ?? { count: 0, overdue: 0 };
    c.count += 1;
    if (r.deadline.overdue) c.overdue += 1;
    counts.set(r.stage, c);
  }
  const rank = (s: string) => (stageOrder.indexOf(s) === -1 ? stageOrder.length : stageOrder.indexOf(s));
  return [...counts.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([stage, c]) => ({ stage, ...c }));
}

export interface QueueFilter {
  /** Only what waits for me, or also what I supervise. */
  scope: 'waiting' | 'all';
  stage?: string;
  overdueOnly?: boolean;
  /** Institution name or credit code. */
  text?: string;
}

export type QueueSort = 'urgency' | 'waited' | 'due' | 'submitted';

export function filterRows(rows: QueueRow[], f: QueueFilter): QueueRow[] {
  const text = f.text?.trim().toUpperCase();
  return rows.filter(
    (r) =>
      (f.scope === 'all' || r.origin === 'waiting') &&
      (!f.stage || r.stage === f.stage) &&
      (!f.overdueOnly || r.deadline.overdue) &&
      (!text || r.institution.name.toUpperCase().includes(text) || r.institution.creditCode.includes(text)),
  );
}

const URGENCY_RANK: Record<Urgency, number> = { overdue: 0, 'due-soon': 1, 'on-time': 2, unknown: 3, 'no-limit': 4 };

/** Overdue first, then due soonest; or by working days waited (longest first), due date, or submission. */
export function sortRows(rows: QueueRow[], by: QueueSort): QueueRow[] {
  const due = (r: QueueRow) => r.deadline.dueDate ?? '9999-12-31';
  const waited = (r: QueueRow) => r.deadline.waitedWorkingDays ?? -1;
  const cmp: Record<QueueSort, (a: QueueRow, b: QueueRow) => number> = {
    urgency: (a, b) => URGENCY_RANK[urgencyOf(a.deadline)] - URGENCY_RANK[urgencyOf(b.deadline)] || due(a).localeCompare(due(b)) || waited(b) - waited(a),
    waited: (a, b) => waited(b) - waited(a) || due(a).localeCompare(due(b)),
    due: (a, b) => due(a).localeCompare(due(b)) || waited(b) - waited(a),
    submitted: (a, b) => a.submittedAt.localeCompare(b.submittedAt),
  };
  return [...rows].sort((a, b) => cmp[by](a, b) || a.id.localeCompare(b.id));
}
