// Who may see which page: derived from the signed-in user in one place (config/routes.tsx names the key per page).
import type { SignedInUser } from './auth/session';

/** The province (吉林省, 220000): its centre also keeps the re-check queue (复核) of the cities' cases. */
export const PROVINCE = '220000';

export interface Access {
  signedIn: boolean;
  applicant: boolean;
  centreStaff: boolean;
  /** The provincial centre: the re-check queue of the cities' cases. */
  provinceStaff: boolean;
  /** 省级监管: the province's centre staff and approvers, and administrators. */
  provinceOversight: boolean;
  disciplineOfficer: boolean;
  expert: boolean;
  approver: boolean;
  admin: boolean;
  /** Any official of the procedure: has a workbench (工作台). */
  official: boolean;
  /** May open a case of its jurisdiction (review's rule: centre staff, approvers, administrators). */
  caseReader: boolean;
}

export type AccessKey = keyof Access;

export function access(user: SignedInUser | null | undefined): Access {
  const has = (r: string) => !!user?.roles.includes(r as never);
  const centreStaff = has('center-staff');
  const disciplineOfficer = has('discipline-officer');
  const expert = has('expert') && !!user?.expertId;
  const approver = has('approver');
  const admin = has('admin');
  return {
    signedIn: !!user,
    applicant: has('applicant') && !!user?.creditCode,
    centreStaff,
    provinceStaff: centreStaff && user?.jurisdiction === PROVINCE,
    provinceOversight: (admin || centreStaff || approver) && user?.jurisdiction === PROVINCE,
    disciplineOfficer,
    expert,
    approver,
    admin,
    official: centreStaff || disciplineOfficer || expert || approver || admin,
    caseReader: centreStaff || approver || admin,
  };
}
