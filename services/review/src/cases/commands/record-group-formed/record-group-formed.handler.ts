import { Injectable } from '@nestjs/common';
import { GroupFormed } from '@filing/contracts';
import { EventContext, UnprocessableEventError } from '@filing/messaging';
import { reviewInstance } from '../../../infrastructure/review.config';
import { LifecycleStep, actorOnBehalfOf } from '../lifecycle-step';

/** expert-pool formed the group at the kick-off meeting (启动会): the case is GROUP_FORMED. */
@Injectable()
export class RecordGroupFormedHandler {
  constructor(private readonly stepper: LifecycleStep) {}

  async execute(e: GroupFormed, ctx: EventContext): Promise<void> {
    if (!reviewInstance.serves(e.jurisdiction)) return;
    const c = await this.stepper.loadLocked(ctx.manager, e.caseId);
    if (!c) throw new UnprocessableEventError(`group formed for case ${e.caseId} of ${e.jurisdiction}, which this instance does not know`);
    await this.stepper.step(
      ctx.manager,
      {
        caseId: e.caseId,
        action: 'group-formed',
        actor: actorOnBehalfOf(`expert-pool:${e.drawId}`, 'discipline-officer', e.databaseLevel),
        by: 'event',
        details: { groupId: e.groupId, drawId: e.drawId, commitment: e.commitment, members: e.members.map((m) => m.expertId), eventId: ctx.meta.id },
        changes: () => ({
          expertGroup: {
            groupId: e.groupId,
            drawId: e.drawId,
            databaseLevel: e.databaseLevel,
            members: e.members.map((m) => ({ expertId: m.expertId, name: m.name, occupationCodes: m.occupationCodes })),
            replacements: [],
          },
        }),
      },
      c,
    );
  }
}
