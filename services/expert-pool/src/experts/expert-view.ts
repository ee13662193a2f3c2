import { maskIdNumber, Principal } from '@filing/auth';
import { Expert } from './infrastructure/expert.entity';

/** An expert as a response shows them: the ID number in full only to the discipline officer (机关纪委). */
export function expertView(e: Expert, viewer: Principal) {
  const reveal = viewer.hasRole('discipline-officer') && viewer.jurisdiction === e.level;
  return {
    id: e.id,
    level: e.level,
    name: e.name,
    gender: e.gender,
    idNumber: reveal ? e.idNumber : maskIdNumber(e.idNumber),
    employer: e.employer,
    title: e.title,
    skillLevel: e.skillLevel,
    occupationCodes: e.occupationCodes,
    region: e.region,
    contact: e.contact,
    status: e.status,
    statusReason: e.statusReason,
    termStart: e.termStart,
    termEnd: e.termEnd,
    formerEmployers: e.formerEmployers,
    declaredConflicts: e.declaredConflicts,
    relativesEmployers: e.relativesEmployers,
    serviceHistory: e.serviceHistory,
    account: e.accountSubject ? { subject: e.accountSubject, username: e.accountUsername, linkedAt: e.accountLinkedAt, linkedBy: e.accountLinkedBy } : null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}
