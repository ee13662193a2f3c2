import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupFormed } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review-instance.config';
import { CaseStepper, eventActor } from '../../infrastructure/case-stepper';

/** expert-pool formed the group at the kick-off meeting (启动会): the case is GROUP_FORMED. */
@Controller()
export class RecordGroupFormedMessageController {
  constructor(private readonly stepper: CaseStepper) {}

  @OnEvent(Events.groupFormed)
  async on(@Payload() e: GroupFormed, @Ctx() ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.load(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`group formed for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    const parked = c.expertGroup?.groupId === e.groupId ? c.expertGroup.earlyLeader : undefined;
    const { after } = await this.stepper.step(
      ctx.manager,
      {
        caseId: e.caseId,
        action: 'group-formed',
        actor: eventActor(`expert-pool:${e.drawId}`, 'discipline-officer', e.databaseLevel),
        by: 'event',
        details: { groupId: e.groupId, drawId: e.drawId, commitment: e.commitment, members: e.members.map((m) => m.expertId), eventId: ctx.meta.id },
        changes: () => ({
          expertGroup: {
            groupId: e.groupId,
            drawId: e.drawId,
            databaseLevel: e.databaseLevel,
            members: e.members.map((m) => ({ expertId: m.expertId, name: m.name, occupationCodes: m.occupationCodes })),
            replacements: [],
            ...(parked ? { leaderExpertId: parked.leaderExpertId } : {}),
          },
        }),
      },
      c,
    );
    if (parked) {
      // The group's leader was elected before this event arrived: the preliminary review starts now.
      await this.stepper.step(
        ctx.manager,
        {
          caseId: e.caseId,
          action: 'leader-elected',
          actor: eventActor(parked.leaderExpertId, 'expert', e.jurisdiction),
          by: 'event',
          details: { groupId: e.groupId, leaderExpertId: parked.leaderExpertId, votes: parked.votes, voters: parked.voters, eventId: parked.eventId },
        },
        after,
      );
    }
  }
}
