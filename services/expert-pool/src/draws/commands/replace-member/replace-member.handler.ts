import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@filing/contracts';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, NotAllowed } from '@filing/runtime';
import { nextReserve } from '../../domain/group-selection';
import { Draw, SeatedExpert } from '../../infrastructure/draw.entity';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { ExpertNotifications } from '../../infrastructure/expert-notifications';
import { ExpertPoolConfig } from '../../../infrastructure/expert-pool.config';
import { assertSeesDraw, isOfficer } from '../../draw-access';
import { drawView } from '../../draw-view';

export type ReplacementCause = 'declined' | 'recused';

/**
 * A member declines (before the kick-off) or is recused (回避, at any time before the seed is revealed); the
 * highest-ranked reserve with whom the group still meets its requirements takes the seat, and the reason is recorded.
 */
@Injectable()
export class ReplaceMemberHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly draws: DrawRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly notifications: ExpertNotifications,
    @Inject(ExpertPoolConfig) private readonly config: ExpertPoolConfig,
  ) {}

  replace(id: string, expertId: string, cause: ReplacementCause, reason: string, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id);
      assertSeesDraw(d, p);
      const self = p.hasRole('expert') && p.expertId === expertId;
      if (!self && !isOfficer(d, p)) throw new NotAllowed('only the member themselves or the discipline officer of the level may do this');
      await this.replaceWithin(m, d, expertId, cause, reason, p, self ? 'expert' : 'discipline-officer');
      return drawView(d, p);
    });
  }

  /**
   * The replacement inside the caller's transaction on a draw already loaded under lock (a declared conflict at the
   * confirmation recuses through here): change, save, audit and outbox.
   */
  async replaceWithin(m: EntityManager, d: Draw, expertId: string, cause: ReplacementCause, reason: string, p: Principal, role: string): Promise<SeatedExpert> {
    const allowed = cause === 'declined' ? ['DRAWN'] : ['DRAWN', 'FORMED', 'LEADER_ELECTED'];
    if (!allowed.includes(d.status) || d.seedRevealedAt) {
      throw new IllegalStep({ message: `cannot record a member as ${cause} while the group is ${d.status}`, status: d.status, allowedWhile: allowed });
    }
    if (!d.members.some((x) => x.expertId === expertId)) throw new IllegalStep(`expert ${expertId} is not a member of this group`);
    const replacement = nextReserve(d.members, expertId, d.reserves, d.requirements);
    if (!replacement) {
      throw new IllegalStep({
        message: `no remaining reserve keeps the requirements (occupations ${d.requirements.occupationCodes.join(', ')}, at most ${d.requirements.maxPerEmployer} per employer); a new draw is needed`,
        reservesLeft: d.reserves.length,
      });
    }
    const now = this.clock.now();
    const statusBefore = d.status;
    const seated = { ...replacement, state: 'drawn' as const };
    d.members = d.members.map((x) => (x.expertId === expertId ? seated : x));
    d.reserves = d.reserves.filter((r) => r.expertId !== replacement.expertId);
    d.replacements = [
      ...d.replacements,
      { replacedExpertId: expertId, replacementExpertId: replacement.expertId, cause, reason, by: p.sub, at: now.toISOString() },
    ];
    if (d.kickOffMeeting) {
      // The one who left no longer votes; the election starts again in a new round among those present.
      d.kickOffMeeting = {
        ...d.kickOffMeeting,
        presentExpertIds: d.kickOffMeeting.presentExpertIds.filter((x) => x !== expertId),
        absentExpertIds: [...d.kickOffMeeting.absentExpertIds.filter((x) => x !== expertId), seated.expertId],
      };
      if (d.status === 'FORMED' || d.leaderExpertId === expertId) {
        d.electionRound += 1;
        d.election = { stage: 'open', candidates: [...d.kickOffMeeting.presentExpertIds].sort() };
      }
    }
    if (d.leaderExpertId === expertId) {
      // The leader left: the group elects again in a new round.
      d.leaderExpertId = null;
      d.leaderElectedAt = null;
      d.leaderElection = null;
      d.status = 'FORMED';
      if (!d.kickOffMeeting) d.electionRound += 1;
    }
    await this.draws.save(m, d);
    // 'member-declined' / 'member-recused': the entry also names the reserve who took the seat.
    await this.audit.append(m, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      action: `member-${cause}`,
      fromStage: statusBefore,
      toStage: d.status,
      actor: principalActor(p, role),
      at: now.toISOString(),
      reason,
      details: { drawId: d.id, groupId: d.groupId, replacedExpertId: expertId, replacementExpertId: replacement.expertId },
    });
    await this.outbox.add(m, Events.groupMemberReplaced, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      groupId: d.groupId!,
      replacedExpertId: expertId,
      replacement: { expertId: seated.expertId, name: seated.name, occupationCodes: seated.occupationCodes },
      cause,
      reason,
      replacedAt: now.toISOString(),
    });
    // The one who left is told the seat is taken; the reserve who took it is invited.
    const because = `${d.id}|replaced|${expertId}`;
    await this.notifications.tell(m, d, [expertId], 'expert-replaced', because, { replacedAt: now.toISOString(), because: cause });
    const confirmBy = new Date(now.getTime() + this.config.invitationConfirmHours * 3600 * 1000);
    await this.notifications.tell(m, d, [seated.expertId], 'expert-invited', because, { drawnAt: now.toISOString(), confirmBy: confirmBy.toISOString() });
    return seated;
  }
}
