import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@filing/contracts';
import { AuditActor, AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, InvalidCommand, MissingPrecondition, NotAllowed } from '@filing/runtime';
import { hasQuorum, tallyRound } from '../../domain/leader-election';
import { Draw, LeaderElection } from '../../infrastructure/draw.entity';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { ExpertNotifications } from '../../infrastructure/expert-notifications';
import { assertSeesDraw, isCentreStaff, isMember } from '../../draw-access';
import { drawView } from '../../draw-view';
import { CastVoteRequest, DecideLeaderRequest } from './elect-leader.request';

/**
 * The leader election at the kick-off meeting (ADR 0020): the members recorded present vote or abstain, once per
 * round; round 1 elects by majority of those present, a runoff by most votes, and a tied runoff goes to the centre.
 */
@Injectable()
export class ElectLeaderHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly draws: DrawRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly notifications: ExpertNotifications,
  ) {}

  vote(id: string, body: CastVoteRequest, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id);
      assertSeesDraw(d, p);
      if (!isMember(d, p)) throw new NotAllowed('只有专家组成员参加组长推选');
      if (d.status !== 'FORMED') throw new IllegalStep({ message: `专家组当前状态为 ${d.status}：组长在启动会上推选，且只推选一次`, status: d.status });
      const meeting = d.kickOffMeeting;
      if (!meeting || !d.election)
        throw new MissingPrecondition({ message: '启动会尚未记录：记录出席成员后方可推选组长', code: 'KICK_OFF_MEETING_NOT_RECORDED' });
      if (!hasQuorum(meeting.presentExpertIds.length, d.members.length))
        throw new MissingPrecondition({ message: '出席成员未超过专家组成员半数，须重新记录启动会后推选组长', code: 'NO_QUORUM' });
      if (d.election.stage === 'centre-decision')
        throw new IllegalStep({
          message: '第二轮推选票数相同，组长由鉴定中心在并列人选中决定',
          code: 'CENTRE_DECISION_PENDING',
          candidates: d.election.candidates,
        });
      if (!meeting.presentExpertIds.includes(p.expertId!)) throw new NotAllowed('缺席启动会的成员不参加本次组长推选');
      const abstain = body.abstain === true;
      if (abstain === (body.candidateExpertId !== undefined))
        throw new InvalidCommand({ message: '请选择一名组长人选（candidateExpertId）或弃权（abstain: true），二者只选其一', field: 'candidateExpertId' });
      if (!abstain && !d.election.candidates.includes(body.candidateExpertId!)) {
        const why = d.election.stage === 'runoff' ? '第二轮只在第一轮得票最多的人选中推选' : '组长人选须为出席启动会的本组成员';
        throw new InvalidCommand({
          message: `${body.candidateExpertId} 不是本轮的组长人选：${why}`,
          field: 'candidateExpertId',
          candidates: d.election.candidates,
        });
      }
      if (d.votes.some((v) => v.round === d.electionRound && v.voterExpertId === p.expertId))
        throw new IllegalStep(`您已在第 ${d.electionRound} 轮投票（you have already voted in round ${d.electionRound}）`);
      const now = this.clock.now();
      const round = d.electionRound;
      d.votes = [...d.votes, { round, voterExpertId: p.expertId!, candidateExpertId: abstain ? null : body.candidateExpertId!, at: now.toISOString() }];
      const outcome = tallyRound(d.election, meeting.presentExpertIds, d.votes, round);
      if (outcome.state === 'runoff' || outcome.state === 'centre-decision') {
        d.electionRound += 1;
        d.election = { stage: outcome.state, candidates: outcome.candidates };
        await this.audit.append(m, {
          caseId: d.caseId,
          jurisdiction: d.caseJurisdiction,
          action: outcome.state === 'runoff' ? 'leader-election-runoff' : 'leader-election-tied',
          actor: principalActor(p, 'expert'),
          at: now.toISOString(),
          details: { drawId: d.id, groupId: d.groupId, round, tally: outcome.tally, abstentions: outcome.abstentions, candidates: outcome.candidates },
        });
      }
      if (outcome.state === 'elected') {
        // The actor is the member whose vote completed the round; the tally names every candidate's votes.
        await this.elect(
          m,
          d,
          { ...outcome, round, presentCount: meeting.presentExpertIds.length, memberCount: d.members.length, at: now.toISOString() },
          principalActor(p, 'expert'),
        );
      }
      await this.draws.save(m, d);
      return { outcome: { ...outcome, round }, draw: drawView(d, p) };
    });
  }

  /** After a tied runoff, centre staff name the leader among the tied candidates, with the reason. */
  decide(id: string, body: DecideLeaderRequest, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id);
      assertSeesDraw(d, p);
      if (!isCentreStaff(d, p)) throw new NotAllowed('只有鉴定中心工作人员可以在并列人选中决定组长');
      if (d.status !== 'FORMED' || d.election?.stage !== 'centre-decision')
        throw new IllegalStep({ message: '只有第二轮推选票数相同时，才由鉴定中心决定组长', status: d.status, stage: d.election?.stage ?? null });
      if (!d.election.candidates.includes(body.leaderExpertId))
        throw new InvalidCommand({ message: `${body.leaderExpertId} 不在并列人选中`, field: 'leaderExpertId', candidates: d.election.candidates });
      const now = this.clock.now().toISOString();
      const runoff = d.electionRound - 1;
      const cast = d.votes.filter((v) => v.round === runoff);
      const tally: Record<string, number> = {};
      for (const v of cast) if (v.candidateExpertId) tally[v.candidateExpertId] = (tally[v.candidateExpertId] ?? 0) + 1;
      const actor = principalActor(p, 'center-staff');
      await this.elect(
        m,
        d,
        {
          leaderExpertId: body.leaderExpertId,
          method: 'centre-decision',
          round: runoff,
          votes: tally[body.leaderExpertId] ?? 0,
          presentCount: d.kickOffMeeting!.presentExpertIds.length,
          memberCount: d.members.length,
          abstentions: cast.filter((v) => v.candidateExpertId === null).length,
          tally,
          decidedBy: { subject: p.sub, role: 'center-staff' },
          reason: body.reason.trim(),
          at: now,
        },
        actor,
      );
      await this.draws.save(m, d);
      return drawView(d, p);
    });
  }

  private async elect(m: EntityManager, d: Draw, e: LeaderElection & { state?: string; voters?: number }, actor: AuditActor): Promise<void> {
    const election: LeaderElection = {
      leaderExpertId: e.leaderExpertId,
      method: e.method,
      round: e.round,
      votes: e.votes,
      presentCount: e.presentCount,
      memberCount: e.memberCount,
      abstentions: e.abstentions,
      tally: e.tally,
      ...(e.decidedBy ? { decidedBy: e.decidedBy, reason: e.reason } : {}),
      at: e.at,
    };
    d.status = 'LEADER_ELECTED';
    d.leaderExpertId = election.leaderExpertId;
    d.leaderElectedAt = new Date(election.at);
    d.leaderElection = election;
    await this.outbox.add(m, Events.groupLeaderElected, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      groupId: d.groupId!,
      leaderExpertId: election.leaderExpertId,
      votes: election.votes,
      voters: election.presentCount,
      method: election.method,
      round: election.round,
      presentCount: election.presentCount,
      memberCount: election.memberCount,
      abstentions: election.abstentions,
      electedAt: election.at,
    });
    const leader = d.members.find((x) => x.expertId === election.leaderExpertId);
    await this.notifications.tell(
      m,
      d,
      d.members.map((x) => x.expertId),
      'leader-elected',
      `${d.id}|leader|${election.round}`,
      { leaderName: leader?.name ?? election.leaderExpertId, electedAt: election.at },
    );
    await this.audit.append(m, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      action: 'leader-elected',
      fromStage: 'FORMED',
      toStage: 'LEADER_ELECTED',
      actor,
      at: election.at,
      ...(election.reason ? { reason: election.reason } : {}),
      details: { drawId: d.id, groupId: d.groupId, ...election },
    });
  }
}
