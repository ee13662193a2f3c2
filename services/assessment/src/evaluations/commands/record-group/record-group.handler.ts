import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GroupFormed, GroupLeaderElected, GroupMemberReplaced } from '@filing/contracts';
import { EventTooEarlyError, UnprocessableEventError } from '@filing/messaging';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';

/**
 * The expert group as expert-pool reports it. Formation is the start of the evaluation (the standard is pinned then).
 * Replacements before the kick-off are already reflected in the formed member list, so a replacement only changes
 * the group when the expert it replaces is a current member; one that arrives before the group is deferred.
 */
@Injectable()
export class RecordGroupHandler {
  private readonly logger = new Logger('RecordGroup');

  constructor(private readonly evaluations: EvaluationRepository) {}

  async formed(manager: EntityManager, e: GroupFormed): Promise<void> {
    const ids = e.members.map((m) => m.expertId);
    if (new Set(ids).size !== ids.length) throw new UnprocessableEventError(`group ${e.groupId} lists an expert twice: ${ids.join(', ')}`);
    const ev = await this.evaluations.ensureLocked(manager, e.caseId);
    ev.jurisdiction = ev.jurisdiction ?? e.jurisdiction;
    ev.groupId = e.groupId;
    ev.members = e.members.map((m) => ({ expertId: m.expertId, name: m.name, occupationCodes: m.occupationCodes }));
    // A leader elected before this event reached us stays only if they are in the group.
    if (ev.leaderExpertId && !ids.includes(ev.leaderExpertId)) ev.leaderExpertId = null;
    ev.formedAt = ev.formedAt ?? new Date(e.formedAt);
    await this.evaluations.pinStandardIfReady(manager, ev);
    await this.evaluations.save(manager, ev);
    this.logger.log(`case ${e.caseId}: group ${e.groupId} formed with ${ids.length} members`);
  }

  async memberReplaced(manager: EntityManager, e: GroupMemberReplaced): Promise<void> {
    const ev = await this.evaluations.ensureLocked(manager, e.caseId);
    // A recusal after the kick-off can overtake the group-formed event (another topic): wait for the group.
    if (!ev.groupId) throw new EventTooEarlyError(`replacement in group ${e.groupId} before case ${e.caseId} has its group`);
    if (ev.groupId !== e.groupId)
      throw new UnprocessableEventError(`replacement for group ${e.groupId}, but case ${e.caseId} is evaluated by group ${ev.groupId}`);
    const index = ev.members.findIndex((m) => m.expertId === e.replacedExpertId);
    if (index < 0) return; // a replacement before the kick-off: already reflected in the formed list
    if (ev.members.some((m) => m.expertId === e.replacement.expertId)) {
      throw new UnprocessableEventError(`replacement ${e.replacement.expertId} is already a member of group ${e.groupId}`);
    }
    ev.members = ev.members.map((m, i) =>
      i === index ? { expertId: e.replacement.expertId, name: e.replacement.name, occupationCodes: e.replacement.occupationCodes } : m,
    );
    if (ev.leaderExpertId === e.replacedExpertId) ev.leaderExpertId = null;
    await this.evaluations.save(manager, ev);
    this.logger.log(`case ${e.caseId}: ${e.replacedExpertId} replaced by ${e.replacement.expertId} (${e.cause})`);
  }

  async leaderElected(manager: EntityManager, e: GroupLeaderElected): Promise<void> {
    const ev = await this.evaluations.ensureLocked(manager, e.caseId);
    if (ev.groupId && ev.groupId !== e.groupId)
      throw new UnprocessableEventError(`leader elected in group ${e.groupId}, but case ${e.caseId} is evaluated by group ${ev.groupId}`);
    if (ev.groupId && !ev.members.some((m) => m.expertId === e.leaderExpertId)) {
      throw new UnprocessableEventError(`elected leader ${e.leaderExpertId} is not a member of group ${e.groupId}`);
    }
    ev.leaderExpertId = e.leaderExpertId;
    await this.evaluations.save(manager, ev);
    this.logger.log(`case ${e.caseId}: leader ${e.leaderExpertId}`);
  }
}
