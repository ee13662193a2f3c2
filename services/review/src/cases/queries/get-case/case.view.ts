import { maskPhone } from '@filing/auth';
import { Caller, caseLevel, seesContactPhone } from '../../domain/case-access';
import { AllowedAction, allowedActions } from '../../domain/case-lifecycle';
import { ReviewCase } from '../../infrastructure/case.entity';
import { StageDeadline } from '../../domain/stage-time-limits';
import { notPassedOccupations, passedOccupations } from '../../domain/occupation-outcomes';

/** A case as a caller sees it: the phone masked unless the caller needs it, the steps open to them, the deadline. */
export function caseView(c: ReviewCase, caller: Caller, deadline: StageDeadline) {
  const level = caseLevel(c.jurisdiction);
  const steps: AllowedAction[] = allowedActions(c.stage, level);
  const institution = storedInstitution(c.institution);
  const rawPhone = typeof institution.contact.phone === 'string' ? institution.contact.phone : null;
  const phone = seesContactPhone(caller, c) ? rawPhone : maskPhone(rawPhone);
  const occupations = Array.isArray(c.occupations) ? c.occupations : [];
  const comprehensive = c.opinions?.comprehensive;
  return {
    id: c.id,
    jurisdiction: c.jurisdiction,
    level,
    applicationKind: c.applicationKind,
    stage: c.stage,
    stageEnteredAt: c.stageEnteredAt,
    submittedAt: c.submittedAt,
    institution: { ...institution, contact: { ...institution.contact, phone } },
    occupations,
    // Once the group concluded (综合技术评估意见): which occupations and levels passed; the approval approves those.
    passedOccupations: comprehensive ? passedOccupations(occupations, comprehensive.occupationOutcomes) : null,
    notPassedOccupations: comprehensive ? notPassedOccupations(comprehensive.occupationOutcomes) : null,
    existingFilingNumber: c.existingFilingNumber,
    returnCount: c.returnCount,
    resubmissionRound: c.resubmissionRound,
    expertRequest: c.expertRequest,
    expertGroup: c.expertGroup
      ? {
          groupId: c.expertGroup.groupId,
          leaderExpertId: c.expertGroup.leaderExpertId,
          size: Array.isArray(c.expertGroup.members) ? c.expertGroup.members.length : 0,
        }
      : null,
    opinions: c.opinions,
    approval: c.approval,
    notice: c.notice,
    waitingFor: waitingFor(c),
    drawSeed: c.drawSeed,
    lastReason: c.lastReason,
    version: c.version,
    deadline,
    allowedActions: steps,
    myActions: steps.filter((s) => s.by !== 'event' && caller.roles.includes(s.by)).map((s) => s.action),
  };
}

/**
 * The institution as stored (JSON written from an event that passed its contract, but possibly by an older version
 * that let a part through missing): whatever is missing reads as absent, so one odd row never fails a whole queue.
 */
function storedInstitution(raw: unknown): ReviewCase['institution'] {
  const inst = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as ReviewCase['institution']) : ({} as ReviewCase['institution']);
  const contact =
    inst.contact && typeof inst.contact === 'object' && !Array.isArray(inst.contact) ? inst.contact : ({} as ReviewCase['institution']['contact']);
  return { ...inst, contact };
}

/** What the case waits for that nobody at review can act on: named, so it is visible on the case and the work queue. */
export function waitingFor(c: ReviewCase) {
  if (c.stage !== 'PUBLIC_NOTICE' || c.notice || !c.noticeWaiting) return null;
  const { year, since } = c.noticeWaiting;
  return {
    kind: 'calendar' as const,
    year,
    since,
    message: `waiting for the ${year} working-day calendar: the public notice opens once an administrator loads the ${year} holiday arrangement at publication`,
    messageZh: `等待${year}年工作日历：管理员在公示发布服务加载${year}年节假日安排后，公示自动开始`,
  };
}
