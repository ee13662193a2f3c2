import { Body, ConflictException, Controller, ForbiddenException, HttpCode, Param, ParseUUIDPipe, Post, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Events } from '@filing/contracts';
import { AuditLog, principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { tallyRound } from '../../domain/leader-election';
import { Draw } from '../../infrastructure/draw.entity';
import { assertSeesDraw, drawForUpdate, isMember } from '../../draw-access';
import { drawView } from '../../draw-view';
import { CastVoteRequest } from './elect-leader.request';
import { ExpertNotifications } from '../../infrastructure/expert-notifications';

/**
 * At the kick-off the members elect their leader (组长): each member votes once per round; when all have voted, a
 * majority elects, otherwise the round is recorded and a new one opens.
 */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class ElectLeaderController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly notifications: ExpertNotifications,
  ) {}

  @Post(':id/votes')
  @HttpCode(200)
  @Roles('expert')
  vote(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CastVoteRequest, @CurrentPrincipal() p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await drawForUpdate(m, id);
      assertSeesDraw(d, p);
      if (!isMember(d, p)) throw new ForbiddenException('only members of the group vote');
      if (d.status !== 'FORMED')
        throw new ConflictException({ message: `the group is ${d.status}; the leader is elected after the kick-off, once`, status: d.status });
      const memberIds = d.members.map((x) => x.expertId);
      if (!memberIds.includes(body.candidateExpertId))
        throw new UnprocessableEntityException(`candidate ${body.candidateExpertId} is not a member of the group`);
      if (d.votes.some((v) => v.round === d.electionRound && v.voterExpertId === p.expertId)) {
        throw new ConflictException(`you have already voted in round ${d.electionRound}`);
      }
      const now = this.clock.now();
      d.votes = [...d.votes, { round: d.electionRound, voterExpertId: p.expertId!, candidateExpertId: body.candidateExpertId, at: now.toISOString() }];
      const outcome = tallyRound(memberIds, d.votes, d.electionRound);
      if (outcome.state === 'no-majority') d.electionRound += 1;
      if (outcome.state === 'elected') {
        d.status = 'LEADER_ELECTED';
        d.leaderExpertId = outcome.leaderExpertId;
        d.leaderElectedAt = now;
        await this.outbox.add(m, Events.groupLeaderElected, {
          caseId: d.caseId,
          jurisdiction: d.caseJurisdiction,
          groupId: d.groupId!,
          leaderExpertId: outcome.leaderExpertId,
          votes: outcome.votes,
          voters: outcome.voters,
          electedAt: now.toISOString(),
        });
        const leader = d.members.find((x) => x.expertId === outcome.leaderExpertId);
        await this.notifications.tell(m, d, memberIds, 'leader-elected', `${d.id}|leader|${d.electionRound}`, {
          leaderName: leader?.name ?? outcome.leaderExpertId,
          electedAt: now.toISOString(),
        });
        // The actor is the member whose vote completed the round; the tally names every voter.
        await this.audit.append(m, {
          caseId: d.caseId,
          jurisdiction: d.caseJurisdiction,
          action: 'leader-elected',
          fromStage: 'FORMED',
          toStage: 'LEADER_ELECTED',
          actor: principalActor(p, 'expert'),
          at: now.toISOString(),
          details: {
            drawId: d.id,
            groupId: d.groupId,
            leaderExpertId: outcome.leaderExpertId,
            round: d.electionRound,
            votes: outcome.votes,
            voters: outcome.voters,
          },
        });
      }
      await m.save(Draw, d);
      return { outcome, draw: drawView(d, p) };
    });
  }
}
