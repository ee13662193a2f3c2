import { maskPhone } from '@filing/auth';
import { Caller, caseLevel, seesContactPhone } from '../../domain/case-access';
import { AllowedAction, allowedActions } from '../../domain/case-lifecycle';
import { ReviewCase } from '../../domain/case.entity';
import { StageDeadline } from '../../domain/stage-time-limits';

/** A case as a caller sees it: the phone masked unless the caller needs it, the steps open to them, the deadline. */
export function caseView(c: ReviewCase, caller: Caller, deadline: StageDeadline) {
  const level = caseLevel(c.jurisdiction);
  const steps: AllowedAction[] = allowedActions(c.stage, level);
  const phone = seesContactPhone(caller, c) ? c.institution.contact.phone : maskPhone(c.institution.contact.phone);
  return {
    id: c.id,
    jurisdiction: c.jurisdiction,
    level,
    applicationKind: c.applicationKind,
    stage: c.stage,
    stageEnteredAt: c.stageEnteredAt,
    submittedAt: c.submittedAt,
    institution: { ...c.institution, contact: { ...c.institution.contact, phone } },
    occupations: c.occupations,
    existingFilingNumber: c.existingFilingNumber,
    returnCount: c.returnCount,
    resubmissionRound: c.resubmissionRound,
    expertRequest: c.expertRequest,
    expertGroup: c.expertGroup ? { groupId: c.expertGroup.groupId, leaderExpertId: c.expertGroup.leaderExpertId, size: c.expertGroup.members.length } : null,
    opinions: c.opinions,
    approval: c.approval,
    notice: c.notice,
    drawSeed: c.drawSeed,
    lastReason: c.lastReason,
    version: c.version,
    deadline,
    allowedActions: steps,
    myActions: steps.filter((s) => s.by !== 'event' && caller.roles.includes(s.by)).map((s) => s.action),
  };
}
