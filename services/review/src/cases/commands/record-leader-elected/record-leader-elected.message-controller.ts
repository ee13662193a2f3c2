import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupLeaderElected } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { ReviewCase } from '../../domain/case.entity';
import { CaseStepper, eventActor } from '../../infrastructure/case-stepper';

/** The group elected its leader (组长): the preliminary review (初审) begins. */
@Controller()
export class RecordLeaderElectedMessageController {
  constructor(private readonly stepper: CaseStepper) {}

  @OnEvent(Events.groupLeaderElected)
  async on(@Payload() e: GroupLeaderElected, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.load(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`leader elected for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    if (c.stage === 'EXPERT_GROUP_REQUESTED' && !c.expertGroup) {
      // The election overtook the group-formed event (another topic): park it; forming the group applies it.
      const early = { leaderExpertId: e.leaderExpertId, votes: e.votes, voters: e.voters, eventId: ctx.meta.id };
      await ctx.manager.getRepository(ReviewCase).update(
        { id: c.id },
        { expertGroup: { groupId: e.groupId, drawId: '', databaseLevel: '', members: [], replacements: [], earlyLeader: early } },
      );
      return;
    }
    if (c.expertGroup && c.expertGroup.groupId !== e.groupId) {
      throw new UnprocessableEventError(`leader elected in group ${e.groupId}, but case ${e.caseId} has group ${c.expertGroup.groupId}`);
    }
    await this.stepper.step(
      ctx.manager,
      {
        caseId: e.caseId,
        action: 'leader-elected',
        actor: eventActor(e.leaderExpertId, 'expert', e.jurisdiction),
        by: 'event',
        details: { groupId: e.groupId, leaderExpertId: e.leaderExpertId, votes: e.votes, voters: e.voters, eventId: ctx.meta.id },
        changes: (before) => ({ expertGroup: before.expertGroup ? { ...before.expertGroup, leaderExpertId: e.leaderExpertId } : null }),
      },
      c,
    );
  }
}
