import { maskPhone } from '@filing/auth';
import type { InstitutionPart } from '@filing/contracts';
import { ReadAccess } from '../domain/access-policy';
import { Application } from '../infrastructure/application.entity';
import { CaseEvent } from '../infrastructure/case-event.entity';

/** The institution as this reader may see it: the contact phone masked unless the role needs it. */
export function institutionFor(access: ReadAccess, institution: InstitutionPart): InstitutionPart {
  if (access.seesPhone) return institution;
  // Rows stored before the contract required the contact may lack it: read as absent, never fail the read.
  const contact = institution?.contact && typeof institution.contact === 'object' ? institution.contact : ({} as InstitutionPart['contact']);
  return { ...institution, contact: { ...contact, phone: maskPhone(contact.phone) } };
}

export function applicationSummary(application: Application, access: ReadAccess) {
  return {
    id: application.id,
    applicationKind: application.applicationKind,
    jurisdiction: application.jurisdiction,
    institution: institutionFor(access, application.institution),
    occupations: application.occupations,
    existingFilingNumber: application.existingFilingNumber,
    status: application.status,
    caseStage: application.caseStage,
    round: application.round,
    returnCount: application.returnCount,
    createdAt: application.createdAt.toISOString(),
    submittedAt: application.submittedAt?.toISOString() ?? null,
    resubmittedAt: application.resubmittedAt?.toISOString() ?? null,
  };
}

export function timelineEntry(e: CaseEvent) {
  return {
    eventId: e.eventId,
    kind: e.kind,
    from: e.stageFrom,
    to: e.stageTo,
    action: e.action,
    reason: e.reason,
    at: e.occurredAt.toISOString(),
    details: e.details,
  };
}
