import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditModule } from '@filing/audit';
import { AuthModule, issueDevToken, TokenVerifier } from '@filing/auth';
import { Events } from '@filing/contracts';
import { MessagingModule } from '@filing/messaging';
import { inProcessApp } from '@filing/testing';
import { DatabaseModule, IllegalStep, MissingPrecondition, NotAllowed, RuntimeModule, ServiceConfigModule } from '@filing/runtime';
import { ExpertPoolConfig, expertPoolConfig } from '../../../infrastructure/expert-pool.config';
import { SCHEMA, serviceDatabase } from '../../../infrastructure/database';
import { DrawsModule } from '../../draws.module';
import { Draw, SeatedExpert } from '../../infrastructure/draw.entity';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { KickOffHandler } from '../kick-off/kick-off.handler';
import { ElectLeaderHandler } from './elect-leader.handler';

const P = '220000';
const LATHE = '6-18-01-01';

/**
 * 推选组长 in-process: the draws module wired by @nestjs/testing against the real PostgreSQL (a database of this
 * spec file's own), no processes and no broker. A drawn group is put on record as the draw would leave it; the
 * members confirm over HTTP with their 回避声明, the kick-off forms the group, and the election runs through the
 * handler, checking what it changes, audits and queues in one transaction.
 */
describe('electing the leader among the members present (ElectLeaderHandler, with the confirmation and the meeting)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    app = await inProcessApp([
      RuntimeModule.forService(),
      ServiceConfigModule.of(ExpertPoolConfig, expertPoolConfig),
      AuthModule.forRoot(),
      DatabaseModule.forService(serviceDatabase),
      AuditModule.forService({ schema: SCHEMA }),
      MessagingModule.outboxOnly({ service: 'expert-pool', schema: SCHEMA }),
      DrawsModule,
    ]);
    ds = app.get(getDataSourceToken());
    verifier = app.get(TokenVerifier);
  });

  afterAll(async () => {
    await app?.close();
  });

  const expertToken = (expertId: string) => issueDevToken({ roles: ['expert'], jurisdiction: P, expertId, sub: `sub-${expertId}` });
  const expert = async (expertId: string) => verifier.verify(await expertToken(expertId));
  const staff = async () => verifier.verify(await issueDevToken({ roles: ['center-staff'], jurisdiction: P, sub: 'staff-1' }));
  const seat = (expertId: string, i: number): SeatedExpert => ({
    expertId,
    name: `专家${i}`,
    employer: `employer-${i}`,
    occupationCodes: [LATHE],
    state: 'drawn',
  });

  /** A draw of `size` members and two reserves, as the draw leaves it (DRAWN, nobody confirmed). */
  async function drawnGroup(size: number): Promise<{ drawId: string; caseId: string; members: string[]; reserves: string[] }> {
    const drawId = randomUUID();
    const caseId = randomUUID();
    const members = Array.from({ length: size }, () => randomUUID()).sort();
    const reserves = [randomUUID(), randomUUID()];
    const now = new Date();
    await ds.transaction((m) =>
      app.get(DrawRepository).insert(m, {
        id: drawId,
        caseId,
        caseJurisdiction: P,
        databaseLevel: P,
        requestEventId: randomUUID(),
        applicationKind: 'new-filing',
        applicant: { name: '吉林推选测试有限公司', creditCode: '91220101MA0Y3B9X1K', kind: 'employer' },
        occupations: [{ code: LATHE, name: '车工', levels: [5, 4, 3], basis: 'national-standard' }],
        requirements: { groupSize: size, reserves: 2, maxPerEmployer: 1, occupationCodes: [LATHE] },
        workPlan: '技术评估工作方案',
        plannedOnsiteDate: null,
        requestedBy: { subject: 'staff-1', role: 'center-staff', jurisdiction: P },
        requestedAt: now,
        status: 'DRAWN',
        snapshot: null,
        snapshotHash: 'a'.repeat(64),
        seed: null,
        commitment: 'b'.repeat(64),
        committedAt: now,
        committedBy: 'officer-1',
        exclusions: [],
        eligibleCount: size + 2,
        excludedCount: 0,
        supersededCommitments: [],
        failedAttempts: [],
        officerEntropy: 'dice',
        drawnAt: now,
        drawnBy: 'officer-1',
        groupId: randomUUID(),
        drawnMembers: members,
        drawnReserves: reserves,
        members: members.map(seat),
        reserves: reserves.map((r, i) => seat(r, 100 + i)),
        replacements: [],
        formedAt: null,
        declarations: [],
        kickOffMeeting: null,
        votes: [],
        electionRound: 1,
        election: null,
        leaderExpertId: null,
        leaderElectedAt: null,
        leaderElection: null,
        seedRevealedAt: null,
        version: 1,
      } as Draw),
    );
    return { drawId, caseId, members, reserves };
  }

  const http = () => request(app.getHttpServer());
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const declaration = { conflictDeclaration: { hasConflict: false, statement: '本人与申请机构不存在利害关系' } };
  const row = async (drawId: string) =>
    (await ds.query(`SELECT status, election_round, election, leader_expert_id FROM ${SCHEMA}.draw WHERE id = $1`, [drawId]))[0];
  const outbox = async (caseId: string) =>
    (await ds.query(`SELECT topic, payload FROM ${SCHEMA}.outbox WHERE key = $1 ORDER BY seq`, [caseId])).map((r: { topic: string; payload: any }) => ({
      topic: r.topic,
      data: r.payload.data ?? r.payload,
    }));
  const actions = async (caseId: string) =>
    (await ds.query(`SELECT action FROM ${SCHEMA}.audit_log WHERE case_id = $1 ORDER BY seq`, [caseId])).map((r: { action: string }) => r.action);

  /** Confirmed over HTTP with the declaration, formed at the kick-off, the meeting recorded with `present`. */
  async function meetingHeld(size: number, presentCount: number) {
    const g = await drawnGroup(size);
    for (const m of g.members) {
      await http()
        .post(`/draws/${g.drawId}/members/${m}/confirm`)
        .set('authorization', `Bearer ${await expertToken(m)}`)
        .send(declaration)
        .expect(200);
    }
    await app.get(KickOffHandler).kickOff(g.drawId, await staff());
    const present = g.members.slice(0, presentCount);
    const recorded = await http()
      .put(`/draws/${g.drawId}/kick-off-meeting`)
      .set('authorization', `Bearer ${await issueDevToken({ roles: ['center-staff'], jurisdiction: P, sub: 'staff-1' })}`)
      .send({ heldOn: today(), place: '会议室', presentExpertIds: present, requirements: '明确要求', standardVersion: 'enterprise-standard v1' });
    expect(recorded.status).toBe(200);
    return { ...g, present, absent: g.members.slice(presentCount) };
  }

  it('refuses a confirmation without the conflict declaration (400 naming it) and changes nothing', async () => {
    const g = await drawnGroup(3);
    const res = await http()
      .post(`/draws/${g.drawId}/members/${g.members[0]}/confirm`)
      .set('authorization', `Bearer ${await expertToken(g.members[0])}`)
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('conflictDeclaration');
    expect(await actions(g.caseId)).toEqual([]);
    expect((await row(g.drawId)).status).toBe('DRAWN');
  });

  it('elects by majority of the members present; the absent member neither votes nor blocks; leader, audit and event in one step', async () => {
    const g = await meetingHeld(3, 2);
    const election = app.get(ElectLeaderHandler);
    await expect(election.vote(g.drawId, { candidateExpertId: g.present[0] }, await expert(g.absent[0]))).rejects.toBeInstanceOf(NotAllowed);
    const first = await election.vote(g.drawId, { candidateExpertId: g.present[1] }, await expert(g.present[0]));
    expect(first.outcome).toMatchObject({ state: 'open', votesCast: 1, voters: 2 });
    await expect(election.vote(g.drawId, { candidateExpertId: g.present[1] }, await expert(g.present[0]))).rejects.toBeInstanceOf(IllegalStep);
    const last = await election.vote(g.drawId, { candidateExpertId: g.present[1] }, await expert(g.present[1]));
    expect(last.outcome).toMatchObject({ state: 'elected', leaderExpertId: g.present[1], method: 'majority', votes: 2, voters: 2 });
    expect(await row(g.drawId)).toMatchObject({ status: 'LEADER_ELECTED', leader_expert_id: g.present[1] });
    const events = await outbox(g.caseId);
    expect(events.map((e: { topic: string }) => e.topic)).toEqual([Events.groupFormed.topic, Events.groupLeaderElected.topic]);
    expect(events[1].data).toMatchObject({ leaderExpertId: g.present[1], method: 'majority', round: 1, votes: 2, voters: 2, presentCount: 2, memberCount: 3 });
    expect(await actions(g.caseId)).toEqual([
      'conflict-declared',
      'member-confirmed',
      'conflict-declared',
      'member-confirmed',
      'conflict-declared',
      'member-confirmed',
      'kick-off',
      'kick-off-meeting-recorded',
      'leader-elected',
    ]);
  });

  it('an abstention leaves no majority: the runoff among the leaders of round 1 elects by most votes', async () => {
    const g = await meetingHeld(3, 3);
    const [a, b, c] = g.present;
    const election = app.get(ElectLeaderHandler);
    await election.vote(g.drawId, { candidateExpertId: a }, await expert(a));
    await election.vote(g.drawId, { candidateExpertId: b }, await expert(b));
    const round1 = await election.vote(g.drawId, { abstain: true }, await expert(c));
    expect(round1.outcome).toMatchObject({ state: 'runoff', candidates: [a, b], abstentions: 1, round: 1 });
    expect(await row(g.drawId)).toMatchObject({ status: 'FORMED', election_round: 2, election: { stage: 'runoff', candidates: [a, b] } });
    await election.vote(g.drawId, { candidateExpertId: a }, await expert(a));
    await election.vote(g.drawId, { candidateExpertId: a }, await expert(b));
    const round2 = await election.vote(g.drawId, { abstain: true }, await expert(c));
    expect(round2.outcome).toMatchObject({ state: 'elected', leaderExpertId: a, method: 'runoff', votes: 2, abstentions: 1, round: 2 });
    expect((await outbox(g.caseId)).at(-1).data).toMatchObject({ method: 'runoff', round: 2, abstentions: 1, presentCount: 3 });
  });

  it('refuses to vote before the meeting is recorded, and a vote that names nobody or two things', async () => {
    const g = await drawnGroup(3);
    for (const m of g.members)
      await http()
        .post(`/draws/${g.drawId}/members/${m}/confirm`)
        .set('authorization', `Bearer ${await expertToken(m)}`)
        .send(declaration)
        .expect(200);
    await app.get(KickOffHandler).kickOff(g.drawId, await staff());
    await expect(app.get(ElectLeaderHandler).vote(g.drawId, { candidateExpertId: g.members[0] }, await expert(g.members[0]))).rejects.toBeInstanceOf(
      MissingPrecondition,
    );
    const both = await http()
      .post(`/draws/${g.drawId}/votes`)
      .set('authorization', `Bearer ${await expertToken(g.members[0])}`)
      .send({ candidateExpertId: g.members[0], abstain: true });
    expect(both.status).toBe(409); // no meeting yet: the precondition comes first
    expect(both.body.code).toBe('KICK_OFF_MEETING_NOT_RECORDED');
  });

  it('a declared conflict recuses the member and seats the first reserve, queueing the replacement', async () => {
    const g = await drawnGroup(3);
    const res = await http()
      .post(`/draws/${g.drawId}/members/${g.members[1]}/confirm`)
      .set('authorization', `Bearer ${await expertToken(g.members[1])}`)
      .send({ conflictDeclaration: { hasConflict: true, statement: '近三年曾为申请机构提供咨询服务' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'recused', replacementExpertId: g.reserves[0] });
    const events = await outbox(g.caseId);
    expect(events).toEqual([
      {
        topic: Events.groupMemberReplaced.topic,
        data: expect.objectContaining({ replacedExpertId: g.members[1], cause: 'recused', reason: '回避声明：近三年曾为申请机构提供咨询服务' }),
      },
    ]);
    expect(await actions(g.caseId)).toEqual(['conflict-declared', 'member-recused']);
  });
});
