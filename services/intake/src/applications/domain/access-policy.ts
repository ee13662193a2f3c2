// Who may read an application (architecture §7): the applicant its own; centre staff and approvers their
// jurisdiction (the province's: every jurisdiction); admins everything. Phones are shown only to the applicant
// itself and to centre staff, who contact applicants while handling the case.
import { PROVINCE_CODE, Role } from '@filing/contracts';

export interface Reader {
  roles: readonly Role[];
  jurisdiction: string;
  creditCode?: string;
}

export interface ApplicationScope {
  creditCode: string;
  jurisdiction: string;
}

export interface ReadAccess {
  allowed: boolean;
  /** Contact phone in clear; masked otherwise. */
  seesPhone: boolean;
}

const NONE: ReadAccess = { allowed: false, seesPhone: false };

export function readAccess(reader: Reader, app: ApplicationScope): ReadAccess {
  let access = NONE;
  const grant = (seesPhone: boolean) => (access = { allowed: true, seesPhone: access.seesPhone || seesPhone });
  const inJurisdiction = reader.jurisdiction === app.jurisdiction || reader.jurisdiction === PROVINCE_CODE;
  if (reader.roles.includes('applicant') && reader.creditCode !== undefined && reader.creditCode === app.creditCode) grant(true);
  if (reader.roles.includes('center-staff') && inJurisdiction) grant(true);
  if (reader.roles.includes('approver') && inJurisdiction) grant(false);
  if (reader.roles.includes('admin')) grant(false);
  return access;
}

/** The filter a list query applies for this reader: what `readAccess` allows, as conditions. */
export interface ListScope {
  /** Applications of these credit codes (the applicant's own). */
  creditCodes: string[];
  /** Applications of these jurisdictions; `all` for provincial staff and admins. */
  jurisdictions: string[] | 'all';
}

export function listScope(reader: Reader): ListScope {
  const scope: ListScope = { creditCodes: [], jurisdictions: [] };
  if (reader.roles.includes('applicant') && reader.creditCode) scope.creditCodes.push(reader.creditCode);
  if (reader.roles.includes('admin')) scope.jurisdictions = 'all';
  else if (reader.roles.some((r) => r === 'center-staff' || r === 'approver')) {
    scope.jurisdictions = reader.jurisdiction === PROVINCE_CODE ? 'all' : [reader.jurisdiction];
  }
  return scope;
}
