import { Principal } from '@filing/auth';
import { NotAllowed, NotFound } from '@filing/runtime';
import { Draw } from './infrastructure/draw.entity';

/** The discipline officer (机关纪委) of the database's level draws. */
export function isOfficer(d: Draw, p: Principal): boolean {
  return p.hasRole('discipline-officer') && p.jurisdiction === d.databaseLevel;
}

export function isMember(d: Draw, p: Principal): boolean {
  return p.hasRole('expert') && !!p.expertId && d.members.some((m) => m.expertId === p.expertId);
}

export function isReserve(d: Draw, p: Principal): boolean {
  return p.hasRole('expert') && !!p.expertId && d.reserves.some((m) => m.expertId === p.expertId);
}

/** Centre staff of the case's jurisdiction, or of the database's level. */
export function isCentreStaff(d: Draw, p: Principal): boolean {
  return p.hasRole('center-staff') && (p.jurisdiction === d.caseJurisdiction || p.jurisdiction === d.databaseLevel);
}

/** Who deals with a draw at all: its officer, the centre staff concerned, its members and reserves. */
export function canSeeDraw(d: Draw, p: Principal): boolean {
  return isOfficer(d, p) || isCentreStaff(d, p) || isMember(d, p) || isReserve(d, p);
}

/** Anyone else hears that the draw does not exist (404, as for another jurisdiction's case everywhere). */
export function assertSeesDraw(d: Draw, p: Principal): void {
  if (!canSeeDraw(d, p)) throw new NotFound(`draw ${d.id} not found`);
}

export function assertOfficer(d: Draw, p: Principal): void {
  assertSeesDraw(d, p);
  if (!isOfficer(d, p)) throw new NotAllowed(`only the discipline officer of ${d.databaseLevel} acts on this draw`);
}
