import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, GroupFormed, GroupLeaderElected, GroupMemberReplaced } from '@filing/contracts';
import { EventContext, OnEvent, UnprocessableEventError } from '@filing/messaging';
import { EvaluationStore } from '../../evaluation-store';

/**
 * The expert group as expert-pool reports it. Formation is the start of the evaluation (the standard is pinned then).
 * Replacements before the kick-off are already reflected in the formed member list, so a replacement only changes
 * the group when the expert it replaces is a current member.
 */
@Controller()
export class RecordGroupMessageController {
  private readonly logger = new Logger('RecordGroup');

  constructor(private readonly store: EvaluationStore) {}

  @OnEvent(Events.groupFormed)
  async onFormed(@Payload() e: GroupFormed, @Ctx() ctx: EventContext): Promise<void> {
    const ids = e.members.map((m) => m.expertId);
    if (new Set(ids).size !== ids.length) throw new UnprocessableEventError(`group ${e.groupId} lists an expert twice: ${ids.join(', ')}`);
    const ev = await this.store.ensureLocked(ctx.manager, e.caseId);
    ev.jurisdiction = ev.jurisdiction ?? e.jurisdiction;
    ev.groupId = e.groupId;
    ev.members = e.members.map((m) => ({ expertId: m.expertId, name: m.name, occupationCodes: m.occupationCodes }));
    // A leader elected before this event reached us stays only if they are in the group.
    if (ev.leaderExpertId && !ids.includes(ev.leaderExpertId)) ev.leaderExpertId = null;
    ev.formedAt = ev.formedAt ?? new Date(e.formedAt);
    await this.store.pinStandardIfReady(ctx.manager, ev);
    await ctx.manager.save(ev);
    this.logger.log(`case ${e.caseId}: group ${e.groupId} formed with ${ids.length} members`);
  }

  @OnEvent(Events.groupMemberReplaced)
  async onReplaced(@Payload() e: GroupMemberReplaced, @Ctx() ctx: EventContext): Promise<void> {
    const ev = await this.store.ensureLocked(ctx.manager, e.caseId);
    if (ev.groupId && ev.groupId !== e.groupId) throw new UnprocessableEventError(`replacement for group ${e.groupId}, but case ${e.caseId} is evaluated by group ${ev.groupId}`);
    const index = ev.members.findIndex((m) => m.expertId === e.replacedExpertId);
    if (index < 0) return; // before formation, or already reflected in the formed list
    if (ev.members.some((m) => m.expertId === e.replacement.expertId)) {
      throw new UnprocessableEventError(`replacement ${e.replacement.expertId} is already a member of group ${e.groupId}`);
    }
    ev.members = ev.members.map((m, i) => (i === index ? { expertId: e.replacement.expertId, name: e.replacement.name, occupationCodes: e.replacement.occupationCodes } : m));
    if (ev.leaderExpertId === e.replacedExpertId) ev.leaderExpertId = null;
    await ctx.manager.save(ev);
    this.logger.log(`case ${e.caseId}: ${e.replacedExpertId} replaced by ${e.replacement.expertId} (${e.cause})`);
  }

  @OnEvent(Events.groupLeaderElected)
  async onLeaderElected(@Payload() e: GroupLeaderElected, @Ctx() ctx: EventContext): Promise<void> {
    const ev = await this.store.ensureLocked(ctx.manager, e.caseId);
    if (ev.groupId && ev.groupId !== e.groupId) throw new UnprocessableEventError(`leader elected in group ${e.groupId}, but case ${e.caseId} is evaluated by group ${ev.groupId}`);
    if (ev.groupId && !ev.members.some((m) => m.expertId === e.leaderExpertId)) {
      throw new UnprocessableEventError(`elected leader ${e.leaderExpertId} is not a member of group ${e.groupId}`);
    }
    ev.leaderExpertId = e.leaderExpertId;
    await ctx.manager.save(ev);
    this.logger.log(`case ${e.caseId}: leader ${e.leaderExpertId}`);
  }
}
