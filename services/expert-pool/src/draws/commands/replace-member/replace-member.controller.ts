import { Body, ConflictException, Controller, ForbiddenException, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Events } from '@filing/contracts';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { nextReserve } from '../../domain/group-selection';
import { Draw } from '../../infrastructure/draw.entity';
import { assertSeesDraw, drawForUpdate, isOfficer } from '../../draw-access';
import { drawView } from '../../draw-view';
import { ReplaceMemberRequest } from './replace-member.request';
import { ExpertNotifications } from '../../infrastructure/expert-notifications';
import { ExpertPoolConfig } from '../../../infrastructure/expert-pool.config';

/**
 * A member declines (before the kick-off) or is recused (回避, at any time before the seed is revealed); the
 * highest-ranked reserve with whom the group still meets its requirements takes the seat, and the reason is recorded.
 */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class ReplaceMemberController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly notifications: ExpertNotifications,
    private readonly config: ExpertPoolConfig,
  ) {}

  @Post(':id/members/:expertId/decline')
  @HttpCode(200)
  @Roles('expert', 'discipline-officer')
  decline(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('expertId') expertId: string,
    @Body() body: ReplaceMemberRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.replace(id, expertId, 'declined', body.reason, p);
  }

  @Post(':id/members/:expertId/recuse')
  @HttpCode(200)
  @Roles('expert', 'discipline-officer')
  recuse(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('expertId') expertId: string,
    @Body() body: ReplaceMemberRequest,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.replace(id, expertId, 'recused', body.reason, p);
  }

  private replace(id: string, expertId: string, cause: 'declined' | 'recused', reason: string, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await drawForUpdate(m, id);
      assertSeesDraw(d, p);
      const self = p.hasRole('expert') && p.expertId === expertId;
      if (!self && !isOfficer(d, p)) throw new ForbiddenException('only the member themselves or the discipline officer of the level may do this');
      const allowed = cause === 'declined' ? ['DRAWN'] : ['DRAWN', 'FORMED', 'LEADER_ELECTED'];
      if (!allowed.includes(d.status) || d.seedRevealedAt) {
        throw new ConflictException({ message: `cannot record a member as ${cause} while the group is ${d.status}`, status: d.status, allowedWhile: allowed });
      }
      const leaving = d.members.find((x) => x.expertId === expertId);
      if (!leaving) throw new ConflictException(`expert ${expertId} is not a member of this group`);
      const replacement = nextReserve(d.members, expertId, d.reserves, d.requirements);
      if (!replacement) {
        throw new ConflictException({
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
      if (d.leaderExpertId === expertId) {
        // The leader left: the group elects again in a new round.
        d.leaderExpertId = null;
        d.leaderElectedAt = null;
        d.status = 'FORMED';
        d.electionRound += 1;
      }
      await m.save(Draw, d);
      // 'member-declined' / 'member-recused': the entry also names the reserve who took the seat.
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: `member-${cause}`,
        fromStage: statusBefore,
        toStage: d.status,
        actor: principalActor(p, self ? 'expert' : 'discipline-officer'),
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
      return drawView(d, p);
    });
  }
}
