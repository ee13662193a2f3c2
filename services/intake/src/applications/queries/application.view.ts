import { maskPhone } from '@filing/auth';
import type { InstitutionPart } from '@filing/contracts';
import { ReadAccess } from '../domain/access-policy';
import { Application } from '../domain/application.entity';
import { CaseEvent } from '../domain/case-event.entity';

/** The institution as this reader may see it: the contact phone masked unless the role needs it. */
export function institutionFor(access: ReadAccess, institution: InstitutionPart): InstitutionPart {
  if (access.seesPhone) return institution;
  return { ...institution, contact: { ...institution.contact, phone: maskPhone(institution.contact.phone) } };
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
