import { Injectable, Logger } from '@nestjs/common';
import { GroupFormed, GroupMemberReplaced } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { currentMembers } from '../../domain/expert-group';
import { ExpertGroup } from '../../infrastructure/expert-group.entity';
import { ExpertGroupRepository } from '../../infrastructure/expert-group.repository';
import { applicationForEvent } from '../../infrastructure/application-for-event';

/**
 * The case's expert group, as expert-pool reports it: formed at the kick-off, members replaced after. Its members may
 * read the case's materials (access-policy). Either event may come first (two topics); the row keeps both and derives
 * the current members, so the order does not matter and a redelivered event changes nothing.
 */
@Injectable()
export class RecordExpertGroupHandler {
  private readonly logger = new Logger('RecordExpertGroup');

  constructor(
    private readonly clock: Clock,
    private readonly groups: ExpertGroupRepository,
  ) {}

  async onFormed(e: GroupFormed, ctx: EventContext): Promise<void> {
    const ids = e.members.map((m) => m.expertId);
    if (new Set(ids).size !== ids.length) throw new UnprocessableEventError(`group ${e.groupId} lists an expert twice: ${ids.join(', ')}`);
    const application = await applicationForEvent(ctx.manager, e.caseId, ctx.topic);
    if (application.jurisdiction !== e.jurisdiction)
      throw new UnprocessableEventError(`group ${e.groupId} names jurisdiction ${e.jurisdiction}, but case ${e.caseId} is of ${application.jurisdiction}`);
    const group = await this.groups.forUpdate(ctx.manager, application.id);
    group.formation = { groupId: e.groupId, formedAt: e.formedAt, members: e.members.map((m) => ({ expertId: m.expertId, name: m.name })) };
    await this.save(ctx, group);
    this.logger.log(`case ${e.caseId}: group ${e.groupId} formed with ${ids.length} members; they may read the materials`);
  }

  async onReplaced(e: GroupMemberReplaced, ctx: EventContext): Promise<void> {
    const application = await applicationForEvent(ctx.manager, e.caseId, ctx.topic);
    const group = await this.groups.forUpdate(ctx.manager, application.id);
    if (
      !group.replacements.some(
        (r) => r.replacedExpertId === e.replacedExpertId && r.replacement.expertId === e.replacement.expertId && r.replacedAt === e.replacedAt,
      )
    ) {
      group.replacements = [
        ...group.replacements,
        {
          groupId: e.groupId,
          replacedExpertId: e.replacedExpertId,
          replacement: { expertId: e.replacement.expertId, name: e.replacement.name },
          replacedAt: e.replacedAt,
        },
      ];
    }
    await this.save(ctx, group);
    this.logger.log(`case ${e.caseId}: ${e.replacedExpertId} replaced by ${e.replacement.expertId} (${e.cause})`);
  }

  private async save(ctx: EventContext, group: ExpertGroup): Promise<void> {
    group.members = currentMembers(group.formation, group.replacements);
    group.updatedAt = this.clock.now();
    await this.groups.save(ctx.manager, group);
  }
}
