// An application's status as intake sees it. Review owns the case stage; intake derives what the applicant may do
// next from its own steps (draft, submit, resubmit) and from review's and publication's events.
import type { CaseStage } from '@filing/contracts';

export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'RESUBMITTED', 'APPROVED', 'REJECTED', 'FILED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const FINAL: readonly ApplicationStatus[] = ['REJECTED', 'FILED'];

export interface ApplicationProgress {
  status: ApplicationStatus;
  /** Resubmissions made. */
  round: number;
  /** Returns received. */
  returnCount: number;
}

/** Review returned the materials (退回): the return count only grows, and a late or repeated return changes nothing. */
export function afterReturn(p: ApplicationProgress, returnCount: number): ApplicationProgress {
  const count = Math.max(p.returnCount, returnCount);
  const awaitingResubmission = count > p.round && !FINAL.includes(p.status) && p.status !== 'APPROVED';
  return { ...p, returnCount: count, status: awaitingResubmission ? 'RETURNED' : p.status };
}

/** Why materials cannot be uploaded now, or undefined when they can (in a draft, or after a return). */
export function uploadRefusal(p: ApplicationProgress): string | undefined {
  if (p.status === 'DRAFT' || p.status === 'RETURNED') return undefined;
  return `materials can be uploaded only to a draft or after a return (退回); the application is ${p.status}`;
}

/** Why the application cannot be resubmitted now, or undefined when it can. */
export function resubmissionRefusal(p: ApplicationProgress): string | undefined {
  if (p.status !== 'RETURNED' || p.returnCount <= p.round) {
    return `only a returned application can be resubmitted; the application is ${p.status} (returns: ${p.returnCount}, resubmissions: ${p.round})`;
  }
  return undefined;
}

/** The round a material uploaded now belongs to: the next resubmission after a return, else the first submission. */
export function uploadRound(p: ApplicationProgress): number {
  return p.status === 'RETURNED' ? p.round + 1 : 0;
}

/**
 * Status after an outcome event. Approval and filing come on different topics and may arrive in either order, so a
 * filed application stays filed; a rejection after approval (objection upheld, 异议成立) ends it.
 */
export function afterOutcome(p: ApplicationProgress, outcome: 'approved' | 'rejected' | 'filing-issued'): ApplicationProgress {
  if (p.status === 'FILED') return p;
  if (outcome === 'filing-issued') return { ...p, status: 'FILED' };
  if (p.status === 'REJECTED') return p;
  return { ...p, status: outcome === 'approved' ? 'APPROVED' : 'REJECTED' };
}

/** Stage-changed events may arrive late: only a newer one moves the current stage. */
export function isNewerStage(current: { at: Date | null }, incomingAt: Date): boolean {
  return current.at === null || incomingAt.getTime() >= current.at.getTime();
}

export type { CaseStage };
