import { PROVINCE_CODE, Role } from '@filing/contracts';
import type { CaseLevel } from './case-lifecycle';

/** The caller as far as access rules care (a `Principal` fits). */
export interface Caller {
  sub: string;
  roles: readonly Role[];
  jurisdiction: string;
  creditCode?: string;
}

export interface CaseScope {
  jurisdiction: string;
  institution: { creditCode: string };
}

export function caseLevel(jurisdiction: string): CaseLevel {
  return jurisdiction === PROVINCE_CODE ? 'province' : 'city';
}

/**
 * Centre staff and approvers act only on cases of their own jurisdiction (a Changchun reviewer never touches a
 * Jilin City case). The province's part in city cases is the re-check queue, not the case itself.
 */
export function staffOfCase(caller: Caller, c: CaseScope, role: 'center-staff' | 'approver'): boolean {
  return caller.roles.includes(role) && caller.jurisdiction === c.jurisdiction;
}

/** An applicant reads the cases of its own credit code. */
export function applicantOfCase(caller: Caller, c: CaseScope): boolean {
  return caller.roles.includes('applicant') && !!caller.creditCode && caller.creditCode === c.institution?.creditCode;
}

export function canReadCase(caller: Caller, c: CaseScope): boolean {
  return (
    staffOfCase(caller, c, 'center-staff') ||
    staffOfCase(caller, c, 'approver') ||
    applicantOfCase(caller, c) ||
    (caller.roles.includes('admin') && (caller.jurisdiction === c.jurisdiction || caller.jurisdiction === PROVINCE_CODE))
  );
}

/** Contact phones are shown to the centre that handles the case and to the applicant itself; masked for everyone else. */
export function seesContactPhone(caller: Caller, c: CaseScope): boolean {
  return staffOfCase(caller, c, 'center-staff') || applicantOfCase(caller, c);
}
