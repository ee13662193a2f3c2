// Who may read an application (docs/architecture.md §7): the applicant its own; centre staff and approvers their
// jurisdiction (the province's: every jurisdiction); admins likewise; an expert only the materials of a case whose
// group they sit in, from the kick-off on. Phones are shown only to the applicant itself and to centre staff, who
// contact applicants while handling the case.
import { PROVINCE_CODE, Role } from '@filing/contracts';

export interface Reader {
  roles: readonly Role[];
  jurisdiction: string;
  creditCode?: string;
  expertId?: string;
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
  // An administrator of another city is no administrator of this one (no city acts as the province).
  if (reader.roles.includes('admin') && inJurisdiction) grant(false);
  return access;
}

/**
 * The case's materials (list and content): whoever reads the application, and the members of the case's expert
 * group (known to intake once the kick-off has formed it). Any other expert hears that it does not exist.
 */
export function materialsAccess(reader: Reader, app: ApplicationScope, groupMemberIds: readonly string[]): { allowed: boolean; asGroupMember: boolean } {
  if (readAccess(reader, app).allowed) return { allowed: true, asGroupMember: false };
  const member = reader.roles.includes('expert') && !!reader.expertId && groupMemberIds.includes(reader.expertId);
  return { allowed: member, asGroupMember: member };
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
  if (reader.roles.some((r) => r === 'center-staff' || r === 'approver' || r === 'admin')) {
    scope.jurisdictions = reader.jurisdiction === PROVINCE_CODE ? 'all' : [reader.jurisdiction];
  }
  return scope;
}
