import { Principal } from '@filing/auth';
import { InvalidCommand } from '@filing/runtime';
import { caseLevel } from '../domain/case-access';
import { ApprovalData } from '../infrastructure/case.entity';

/**
 * What 审定 records, granted or not: a city case is decided by the local HRSS bureau, a province case by the 厅长办公会,
 * whose meeting reference is then required.
 */
export function approvalDecision(
  jurisdiction: string,
  decision: ApprovalData['decision'],
  meetingReference: string | undefined,
  p: Principal,
  at: string,
): ApprovalData {
  const province = caseLevel(jurisdiction) === 'province';
  if (province && !meetingReference) {
    throw new InvalidCommand(
      `meetingReference is required: a province case is ${decision === 'approved' ? 'approved' : 'decided'} by the 厅长办公会 and its meeting reference is recorded`,
    );
  }
  return {
    decision,
    approvalBody: province ? 'director-office-meeting' : 'local-hrss-bureau',
    ...(meetingReference ? { meetingReference } : {}),
    by: p.sub,
    at,
  };
}
