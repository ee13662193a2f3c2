import { maskIdNumber, maskPhone } from '@filing/auth';
import { Expert } from './infrastructure/expert.entity';

/**
 * What the audit log keeps of an expert record: enough to see how the database was shaped before a draw (who is in
 * it, for which occupations, region and employer, in which status), with the ID number and phone masked, as in
 * every answer that does not need them.
 */
export function expertAuditFacts(e: Expert): Record<string, unknown> {
  return {
    expertId: e.id,
    level: e.level,
    name: e.name,
    idNumber: maskIdNumber(e.idNumber),
    employer: e.employer,
    occupationCodes: e.occupationCodes,
    region: e.region,
    status: e.status,
    termStart: e.termStart,
    termEnd: e.termEnd,
    formerEmployers: e.formerEmployers,
    declaredConflicts: e.declaredConflicts,
    relativesEmployers: e.relativesEmployers,
    contact: { phone: maskPhone(e.contact.phone), email: e.contact.email ? '***' : null },
  };
}

/** The fields that differ between two versions of a record, each as { from, to } (personal data masked). */
export function expertChanges(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}
