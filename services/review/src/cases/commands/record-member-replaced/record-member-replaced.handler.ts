import { Injectable } from '@nestjs/common';
import { GroupMemberReplaced } from '@filing/contracts';
import { EventContext, EventTooEarlyError, UnprocessableEventError } from '@filing/messaging';
import { appendAudit } from '../../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../../infrastructure/review.config';
import { CaseRepository } from '../../infrastructure/case.repository';
import { LifecycleStep } from '../lifecycle-step';

/** A member declined or was recused (回避) and a reserve took the seat: the case's group changes, its stage does not. */
@Injectable()
export class RecordMemberReplacedHandler {
  constructor(
    private readonly stepper: LifecycleStep,
    private readonly cases: CaseRepository,
  ) {}

  async execute(e: GroupMemberReplaced, ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.loadLocked(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`member replaced for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    // A recusal after the kick-off can overtake the group-formed event (another topic): wait for the group.
    if (!c.expertGroup && c.stage === 'EXPERT_GROUP_REQUESTED')
      throw new EventTooEarlyError(`member replaced in group ${e.groupId} before case ${c.id} has its group`);
    // Replacements before the kick-off are already in the formed member list: nothing to change.
    if (!c.expertGroup || c.expertGroup.groupId !== e.groupId || !c.expertGroup.members.some((m) => m.expertId === e.replacedExpertId)) return;
    const group = c.expertGroup;
    await this.cases.updateAtVersion(ctx.manager, c, {
      expertGroup: {
        ...group,
        members: group.members.map((m) => (m.expertId === e.replacedExpertId ? { ...e.replacement } : m)),
        replacements: [
          ...group.replacements,
          { replacedExpertId: e.replacedExpertId, replacementExpertId: e.replacement.expertId, cause: e.cause, at: e.replacedAt },
        ],
      },
    });
    await appendAudit(ctx.manager, reviewInstance.schema, {
      caseId: c.id,
      jurisdiction: c.jurisdiction,
      action: 'member-replaced',
      fromStage: c.stage,
      toStage: c.stage,
      actor: { subject: `expert-pool:${e.groupId}`, role: 'discipline-officer', jurisdiction: c.jurisdiction },
      at: e.replacedAt,
      reason: e.reason,
      details: { replacedExpertId: e.replacedExpertId, replacementExpertId: e.replacement.expertId, cause: e.cause, eventId: ctx.meta.id },
    });
  }
}
