import { Injectable } from '@nestjs/common';
import { GroupLeaderElected } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review.config';
import { LifecycleStep, actorOnBehalfOf } from '../lifecycle-step';

/** The group elected its leader (组长): the preliminary review (初审) begins. */
@Injectable()
export class RecordLeaderElectedHandler {
  constructor(private readonly stepper: LifecycleStep) {}

  async execute(e: GroupLeaderElected, ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.loadLocked(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`leader elected for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    if (c.expertGroup && c.expertGroup.groupId !== e.groupId) {
      throw new UnprocessableEventError(`leader elected in group ${e.groupId}, but case ${e.caseId} has group ${c.expertGroup.groupId}`);
    }
    await this.stepper.step(
      ctx.manager,
      {
        caseId: e.caseId,
        action: 'leader-elected',
        actor: actorOnBehalfOf(e.leaderExpertId, 'expert', e.jurisdiction),
        by: 'event',
        details: { groupId: e.groupId, leaderExpertId: e.leaderExpertId, votes: e.votes, voters: e.voters, eventId: ctx.meta.id },
        changes: (before) => ({ expertGroup: before.expertGroup ? { ...before.expertGroup, leaderExpertId: e.leaderExpertId } : null }),
        // The election overtook the group-formed event (another topic): deferred until the group is formed.
        earlyAt: ['EXPERT_GROUP_REQUESTED'],
      },
      c,
    );
  }
}
