import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupMemberReplaced } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { appendAudit } from '../../../audit/infrastructure/audit-log.store';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { ReviewCase } from '../../domain/case.entity';

/** A member declined or was recused (回避) and a reserve took the seat: the case's group changes, its stage does not. */
@Controller()
export class RecordMemberReplacedMessageController {
  @OnEvent(Events.groupMemberReplaced)
  async on(@Payload() e: GroupMemberReplaced, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const repo = ctx.manager.getRepository(ReviewCase);
    const c = await repo.findOneBy({ id: e.caseId });
    if (!c) throw new UnprocessableEventError(`member replaced for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    // Replacements before the group is formed are expert-pool's business; the formed event carries the final members.
    if (!c.expertGroup || c.expertGroup.groupId !== e.groupId) return;
    const group = c.expertGroup;
    group.members = group.members.map((m) => (m.expertId === e.replacedExpertId ? { ...e.replacement } : m));
    group.replacements = [...group.replacements, { replacedExpertId: e.replacedExpertId, replacementExpertId: e.replacement.expertId, cause: e.cause, at: e.replacedAt }];
    await repo.update({ id: c.id }, { expertGroup: group });
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
