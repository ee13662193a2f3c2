import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Events, ExpertGroupRequested, newCreditCode } from '@filing/contracts';
import { produceEvent, startServiceProcess, ServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { call, expertFields, LATHE, token } from './expert-fixtures';

const P = '220000';
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const NO_CONFLICT = { hasConflict: false, statement: '本人与申请机构不存在利害关系，承诺客观公正、保守秘密' };

/**
 * The expert group's kick-off meeting (启动会) over the real broker: invitations answered with a signed conflict
 * declaration (回避声明), a declared conflict recusing the member and calling the next reserve, the meeting recorded
 * with a member absent and its minutes attached, and the leader elected by majority of the members present, through a
 * runoff after a tie, and by the centre after a tied runoff (ADR 0020).
 */
describe('the kick-off meeting and the leader election over Kafka', () => {
  const kafka = testKafka();
  let svc: ServiceProcess;
  let recorder: TopicRecorder;
  let staff: string;
  let officer: string;
  let db: Client;

  beforeAll(async () => {
    svc = await startServiceProcess({ service: 'expert-pool', name: 'expert-pool-kick-off' });
    recorder = await new TopicRecorder(kafka, [Events.groupMemberReplaced.topic, Events.groupFormed.topic, Events.groupLeaderElected.topic]).start();
    staff = await token('center-staff', P);
    officer = await token('discipline-officer', P);
    const pool = Array.from({ length: 10 }, (_, i) => expertFields(700 + i, { name: `kick-off-${i}` }));
    expect((await call(svc.url, 'POST', '/experts/imports', staff, pool)).status).toBe(201);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await recorder?.stop();
    await svc?.stop();
  });

  const expert = (expertId: string) => token('expert', P, { expertId });

  /** A drawn group of five with two reserves for a case of its own applicant (no avoidance between the cases). */
  async function drawnGroup(n: number) {
    const caseId = randomUUID();
    const e: ExpertGroupRequested = {
      caseId,
      jurisdiction: P,
      databaseLevel: P,
      applicationKind: 'new-filing',
      applicant: { name: `吉林启动会测试有限公司${n}`, creditCode: newCreditCode(), kind: 'employer' },
      occupations: [{ code: LATHE, name: '车工', levels: [5, 4, 3], basis: 'national-standard' }],
      groupSize: 5,
      reserves: 2,
      maxPerEmployer: 1,
      workPlan: '技术评估工作方案',
      requestedBy: { subject: 'staff-1', role: 'center-staff', jurisdiction: P },
      requestedAt: new Date().toISOString(),
    } as ExpertGroupRequested;
    await produceEvent(kafka, Events.expertGroupRequested, e);
    const queued = await waitFor('the draw in the officer queue', async () => {
      const r = await call(svc.url, 'GET', `/draws?caseId=${caseId}`, officer);
      return r.body.items[0];
    });
    expect((await call(svc.url, 'POST', `/draws/${queued.id}/commitment`, officer)).status).toBe(201);
    const drawn = await call(svc.url, 'POST', `/draws/${queued.id}/draw`, officer, { officerEntropy: `entropy ${n}` });
    expect(drawn.status).toBe(201);
    return {
      caseId,
      drawId: queued.id as string,
      members: drawn.body.group.members.map((m: any) => m.expertId) as string[],
      reserves: drawn.body.group.reserves.map((r: any) => r.expertId) as string[],
    };
  }

  async function formedGroup(n: number) {
    const g = await drawnGroup(n);
    for (const m of g.members) {
      expect((await call(svc.url, 'POST', `/draws/${g.drawId}/members/${m}/confirm`, await expert(m), { conflictDeclaration: NO_CONFLICT })).status).toBe(200);
    }
    expect((await call(svc.url, 'POST', `/draws/${g.drawId}/kick-off`, staff)).status).toBe(200);
    return g;
  }

  const meeting = (presentExpertIds: string[]) => ({
    heldOn: today(),
    place: '吉林省职业技能鉴定中心 3 楼会议室',
    presentExpertIds,
    requirements: '材料审核 5 个工作日内完成；现场评估采用听取汇报、现场查看、访谈咨询、质询答疑、技术抽查',
    standardVersion: 'enterprise-standard v1',
  });
  const vote = async (drawId: string, voter: string, candidate: string | null) =>
    call(svc.url, 'POST', `/draws/${drawId}/votes`, await expert(voter), candidate === null ? { abstain: true } : { candidateExpertId: candidate });
  const draw = async (drawId: string, tok = officer) => (await call(svc.url, 'GET', `/draws/${drawId}`, tok)).body;
  const leaderEvent = (caseId: string) =>
    waitFor('leader elected event', () => recorder.find((m) => m.topic === Events.groupLeaderElected.topic && m.key === caseId)[0]).then((m) =>
      JSON.parse(m.value),
    );
  const audit = async (caseId: string) =>
    (await db.query(`SELECT action, actor, reason, details FROM expert_pool.audit_log WHERE case_id = $1 ORDER BY seq`, [caseId])).rows;

  it('a confirmation without the conflict declaration is refused naming it, and changes nothing', async () => {
    const g = await drawnGroup(1);
    const [m] = g.members;
    const bare = await call(svc.url, 'POST', `/draws/${g.drawId}/members/${m}/confirm`, await expert(m));
    expect(bare.status).toBe(400);
    expect(bare.body.errors.map((e: any) => e.field)).toContain('conflictDeclaration');
    expect(JSON.stringify(bare.body)).toContain('回避声明');
    const noStatement = await call(svc.url, 'POST', `/draws/${g.drawId}/members/${m}/confirm`, await expert(m), {
      conflictDeclaration: { hasConflict: false },
    });
    expect(noStatement.status).toBe(400);
    expect(JSON.stringify(noStatement.body)).toContain('statement');
    const after = await draw(g.drawId);
    expect(after.group.members.find((x: any) => x.expertId === m).state).toBe('drawn');
    expect(after.group.declarations).toEqual([]);
    expect((await audit(g.caseId)).map((r: any) => r.action)).toEqual(['draw-committed', 'drawn']);
  });

  it('a declared conflict recuses the member and calls the next reserve; a statement of no conflict is kept with who signed it and when', async () => {
    const g = await drawnGroup(2);
    const [conflicted, clean] = g.members;
    const declared = await call(svc.url, 'POST', `/draws/${g.drawId}/members/${conflicted}/confirm`, await expert(conflicted), {
      conflictDeclaration: { hasConflict: true, statement: '本人配偶在申请机构任职' },
    });
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({ outcome: 'recused', replacementExpertId: g.reserves[0] });
    const confirmed = await call(svc.url, 'POST', `/draws/${g.drawId}/members/${clean}/confirm`, await expert(clean), { conflictDeclaration: NO_CONFLICT });
    expect(confirmed.body.outcome).toBe('confirmed');

    const after = await draw(g.drawId);
    expect(after.group.members.map((m: any) => m.expertId)).toEqual(g.members.map((m) => (m === conflicted ? g.reserves[0] : m)));
    expect(after.group.replacements).toEqual([expect.objectContaining({ replacedExpertId: conflicted, replacementExpertId: g.reserves[0], cause: 'recused' })]);
    expect(after.group.declarations).toEqual([
      expect.objectContaining({
        expertId: conflicted,
        hasConflict: true,
        statement: '本人配偶在申请机构任职',
        signedBy: { subject: expect.any(String), name: null },
      }),
      expect.objectContaining({ expertId: clean, hasConflict: false, statement: NO_CONFLICT.statement, signedAt: expect.any(String) }),
    ]);
    const replaced = await waitFor('member-replaced event', () => recorder.find((m) => m.topic === Events.groupMemberReplaced.topic && m.key === g.caseId)[0]);
    expect(JSON.parse(replaced.value)).toMatchObject({
      replacedExpertId: conflicted,
      replacement: { expertId: g.reserves[0] },
      cause: 'recused',
      reason: '回避声明：本人配偶在申请机构任职',
    });
    const trail = await audit(g.caseId);
    expect(trail.map((r: any) => r.action)).toEqual([
      'draw-committed',
      'drawn',
      'conflict-declared',
      'member-recused',
      'conflict-declared',
      'member-confirmed',
    ]);
    expect(trail[2]).toMatchObject({ actor: { role: 'expert' }, details: { expertId: conflicted, hasConflict: true } });
  });

  it('the meeting with one member absent: a tie goes to a runoff among the tied, which elects with an abstention; the minutes are kept with their sha-256', async () => {
    const g = await formedGroup(3);
    const [a, b, c, d, absent] = g.members;
    expect((await vote(g.drawId, a, b)).body.code).toBe('KICK_OFF_MEETING_NOT_RECORDED');
    // A member count short of a majority cannot elect; an outsider is not an attendee.
    expect((await call(svc.url, 'PUT', `/draws/${g.drawId}/kick-off-meeting`, staff, meeting([a, b]))).body).toMatchObject({ status: 422, code: 'NO_QUORUM' });
    const stranger = await call(svc.url, 'PUT', `/draws/${g.drawId}/kick-off-meeting`, staff, meeting([a, b, g.reserves[0]]));
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toContain(g.reserves[0]);
    const recorded = await call(svc.url, 'PUT', `/draws/${g.drawId}/kick-off-meeting`, staff, meeting([a, b, c, d]));
    expect(recorded.status).toBe(200);
    expect(recorded.body.group.kickOffMeeting).toMatchObject({
      presentExpertIds: [a, b, c, d],
      absentExpertIds: [absent],
      standardVersion: 'enterprise-standard v1',
    });

    // Minutes: attached by the centre, listed with their hash, downloaded byte for byte by a member; a reserve sees none.
    const pdf = Buffer.from('%PDF-1.4\n% 启动会会议纪要\n1 0 obj << >> endobj\n%%EOF\n');
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), '启动会纪要.pdf');
    const up = await fetch(`${svc.url}/draws/${g.drawId}/kick-off-meeting/minutes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}` },
      body: form,
    });
    expect(up.status).toBe(201);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(await up.json()).toMatchObject({ fileName: '启动会纪要.pdf', sizeBytes: pdf.length, sha256 });
    const listed = (await draw(g.drawId, await expert(a))).kickOffMinutes;
    expect(listed).toEqual([expect.objectContaining({ sha256, download: expect.stringContaining('/kick-off-meeting/minutes/') })]);
    const got = await fetch(`${svc.url}${listed[0].download}`, { headers: { authorization: `Bearer ${await expert(a)}` } });
    expect(got.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await got.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha256);
    expect((await fetch(`${svc.url}${listed[0].download}`, { headers: { authorization: `Bearer ${await expert(g.reserves[0])}` } })).status).toBe(404);
    const text = new FormData();
    text.append('file', new Blob(['not minutes'], { type: 'text/plain' }), 'notes.txt');
    expect(
      (await fetch(`${svc.url}/draws/${g.drawId}/kick-off-meeting/minutes`, { method: 'POST', headers: { authorization: `Bearer ${staff}` }, body: text }))
        .status,
    ).toBe(415);

    // Round 1: 2–2 among the four present; the absent member is not waited for and cannot vote.
    expect((await vote(g.drawId, absent, a)).status).toBe(403);
    expect((await vote(g.drawId, a, absent)).status).toBe(400); // an absent member is no candidate
    await vote(g.drawId, a, a);
    await vote(g.drawId, b, b);
    await vote(g.drawId, c, a);
    const tie = await vote(g.drawId, d, b);
    expect(tie.body.outcome).toMatchObject({ state: 'runoff', round: 1, candidates: [a, b].sort(), tally: { [a]: 2, [b]: 2 } });
    // Round 2 among the tied: a vote for anyone else is refused; one present member abstains.
    const offList = await vote(g.drawId, a, c);
    expect(offList.status).toBe(400);
    expect(offList.body.message).toContain('第二轮');
    await vote(g.drawId, a, a);
    await vote(g.drawId, b, b);
    await vote(g.drawId, c, a);
    const done = await vote(g.drawId, d, null);
    expect(done.body.outcome).toMatchObject({ state: 'elected', leaderExpertId: a, method: 'runoff', votes: 2, voters: 4, abstentions: 1, round: 2 });
    expect(await leaderEvent(g.caseId)).toMatchObject({
      leaderExpertId: a,
      method: 'runoff',
      round: 2,
      votes: 2,
      voters: 4,
      presentCount: 4,
      memberCount: 5,
      abstentions: 1,
    });
    const centre = await draw(g.drawId, staff);
    expect(centre.group.leaderElection).toMatchObject({ leaderExpertId: a, method: 'runoff', presentCount: 4, memberCount: 5 });
    expect(centre.group.kickOffMeeting.absentExpertIds).toEqual([absent]);
    expect((await audit(g.caseId)).map((r: any) => r.action)).toEqual(
      expect.arrayContaining(['kick-off', 'kick-off-meeting-recorded', 'kick-off-minutes-attached', 'leader-election-runoff', 'leader-elected']),
    );
  });

  it('a tied runoff goes to the centre, which names one of the tied with its reason (recorded and announced)', async () => {
    const g = await formedGroup(4);
    const [a, b, c, d, e] = g.members;
    expect((await call(svc.url, 'PUT', `/draws/${g.drawId}/kick-off-meeting`, officer, meeting(g.members))).status).toBe(200);
    // Round 1: 2–2–1; runoff among a and b; round 2: 2–2 and one abstention.
    for (const [voter, candidate] of [
      [a, a],
      [b, b],
      [c, a],
      [d, b],
      [e, c],
    ])
      await vote(g.drawId, voter, candidate);
    for (const [voter, candidate] of [
      [a, a],
      [b, b],
      [c, a],
      [d, b],
      [e, null],
    ] as [string, string | null][])
      await vote(g.drawId, voter, candidate);
    const tied = await draw(g.drawId, staff);
    expect(tied.group.election).toEqual({ stage: 'centre-decision', candidates: [a, b].sort() });
    expect((await vote(g.drawId, a, a)).body.code).toBe('CENTRE_DECISION_PENDING');
    expect((await call(svc.url, 'POST', `/draws/${g.drawId}/leader-decision`, staff, { leaderExpertId: c, reason: '年限' })).status).toBe(400);
    expect((await call(svc.url, 'POST', `/draws/${g.drawId}/leader-decision`, staff, { leaderExpertId: b })).status).toBe(400);
    expect((await call(svc.url, 'POST', `/draws/${g.drawId}/leader-decision`, officer, { leaderExpertId: b, reason: '年限' })).status).toBe(403);
    const decided = await call(svc.url, 'POST', `/draws/${g.drawId}/leader-decision`, staff, {
      leaderExpertId: b,
      reason: '第二轮票数相同，由从事本职业年限较长者担任组长',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.group.leaderElection).toMatchObject({
      leaderExpertId: b,
      method: 'centre-decision',
      round: 2,
      votes: 2,
      abstentions: 1,
      reason: '第二轮票数相同，由从事本职业年限较长者担任组长',
      decidedBy: { role: 'center-staff' },
    });
    expect(await leaderEvent(g.caseId)).toMatchObject({ leaderExpertId: b, method: 'centre-decision', round: 2, votes: 2, presentCount: 5, memberCount: 5 });
    const entry = (await audit(g.caseId)).find((r: any) => r.action === 'leader-elected');
    expect(entry).toMatchObject({ actor: { role: 'center-staff' }, reason: '第二轮票数相同，由从事本职业年限较长者担任组长' });
  });
});
