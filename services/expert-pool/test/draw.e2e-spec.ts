import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { CaseRejected, CaseStageChanged, dltOf, Events, ExpertGroupRequested, OpinionSubmitted } from '@filing/contracts';
import { produceEvent, startServiceProcess, ServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { DrawSeedEncrypted1766100000001 } from '../src/infrastructure/migrations/1766100000001-draw-seed-encrypted.migration';
import { APPLICANT, call, expertFields, LATHE, token, WELDER } from './expert-fixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const P = '220000';

function request(caseId: string, over: Partial<ExpertGroupRequested> = {}): ExpertGroupRequested {
  return {
    caseId,
    jurisdiction: P,
    databaseLevel: P,
    applicationKind: 'new-filing',
    applicant: APPLICANT,
    occupations: [
      { code: LATHE, name: '车工', levels: [5, 4, 3], basis: 'national-standard' },
      { code: WELDER, name: '焊工', levels: [4], basis: 'national-standard' },
    ],
    groupSize: 3,
    reserves: 2,
    maxPerEmployer: 1,
    workPlan: '技术评估工作方案: 材料审核, 现场评估, 综合评审',
    requestedBy: { subject: 'staff-1', role: 'center-staff', jurisdiction: P },
    requestedAt: new Date().toISOString(),
    ...over,
  } as ExpertGroupRequested;
}

/**
 * The draw end to end over the real broker: a request event arrives, the officer commits and draws, a member declines
 * and is replaced, the group is formed at the kick-off and elects its leader, and after the comprehensive opinion the
 * seed is revealed and the draw verifies, over HTTP and with the CLI.
 */
describe('the verifiable draw over Kafka', () => {
  const kafka = testKafka();
  let svc: ServiceProcess;
  let recorder: TopicRecorder;
  let staff: string;
  let officer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    svc = await startServiceProcess({ service: 'expert-pool', name: 'expert-pool-draw', env: { EVENT_MAX_ATTEMPTS: '2', EVENT_RETRY_BACKOFF_MS: '50' } });
    recorder = await new TopicRecorder(kafka, [
      Events.groupMemberReplaced.topic,
      Events.groupFormed.topic,
      Events.groupLeaderElected.topic,
      Events.drawSeedRevealed.topic,
      Events.expertNotificationRequested.topic,
      dltOf(Events.expertGroupRequested.topic),
      dltOf(Events.opinionSubmitted.topic),
    ]).start();
    staff = await token('center-staff', P);
    officer = await token('discipline-officer', P);
    // The provincial database: eight clean experts (two welders) and seven that avoidance must exclude.
    const clean = Array.from({ length: 8 }, (_, i) => expertFields(500 + i, { name: `clean-${i}`, occupationCodes: i < 2 ? [WELDER, LATHE] : [LATHE] }));
    const conflicted = [
      expertFields(520, { name: 'works-there', employer: { name: '一汽模具', creditCode: APPLICANT.creditCode } }),
      expertFields(521, { name: 'worked-there', formerEmployers: [{ name: APPLICANT.name, from: '2015-01-01', to: '2025-06-30' }] }),
      expertFields(522, { name: 'shareholder', declaredConflicts: [{ name: APPLICANT.name, nature: 'shares', from: '2020-01-01' }] }),
      expertFields(523, { name: 'relative', relativesEmployers: [{ name: APPLICANT.name, relation: 'spouse' }] }),
      expertFields(524, {
        name: 'served',
        serviceHistory: [{ caseId: 'earlier-case', applicantName: APPLICANT.name, applicantCreditCode: APPLICANT.creditCode, servedOn: '2026-03-01' }],
      }),
      expertFields(525, { name: 'suspended' }),
      expertFields(526, { name: 'expired', termStart: '2020-01-01', termEnd: '2026-01-31' }),
    ];
    const imported = await call(svc.url, 'POST', '/experts/imports', staff, [...clean, ...conflicted]);
    expect(imported.status).toBe(201);
    const all = await call(svc.url, 'GET', '/experts?limit=100', staff);
    for (const e of all.body.items) ids[e.name] = e.id;
    await call(svc.url, 'POST', `/experts/${ids['suspended']}/suspend`, staff, { reason: 'under investigation' });
  });

  afterAll(async () => {
    await recorder?.stop();
    await svc?.stop();
  });

  const caseId = randomUUID();
  let drawId: string;
  /** Every response seen before the reveal: none may contain the seed. */
  const beforeReveal: string[] = [];

  it('a request event puts one draw in the officer queue, even when the event arrives twice', async () => {
    const e = request(caseId);
    const meta = await produceEvent(kafka, Events.expertGroupRequested, e);
    await produceEvent(kafka, Events.expertGroupRequested, e, { id: meta.id });
    const queued = await waitFor('the draw in the officer queue', async () => {
      const r = await call(svc.url, 'GET', '/draws?status=QUEUED', officer);
      return r.body.items.find((d: any) => d.caseId === caseId);
    });
    drawId = queued.id;
    // A later event proves the duplicate has been consumed (same partition, keyed by case) before we count.
    await produceEvent(kafka, Events.expertGroupRequested, request(caseId, { workPlan: 'second request' }));
    await waitFor('the second request', async () => {
      const r = await call(svc.url, 'GET', '/draws', officer);
      return r.body.items.filter((d: any) => d.caseId === caseId).length === 2;
    });
    const all = await call(svc.url, 'GET', '/draws', officer);
    expect(all.body.items.filter((d: any) => d.caseId === caseId && d.workPlan !== 'second request')).toHaveLength(1);
    // One case's draws (its page shows its group).
    const ofCase = await call(svc.url, 'GET', `/draws?caseId=${encodeURIComponent(caseId)}`, officer);
    expect(ofCase.body.items.map((d: any) => d.caseId)).toEqual([caseId, caseId]);
    expect(queued).toMatchObject({
      status: 'QUEUED',
      databaseLevel: P,
      requirements: { groupSize: 3, reserves: 2, maxPerEmployer: 1, occupationCodes: [LATHE, WELDER] },
    });
  });

  it('the officer commits before drawing; avoidance records every excluded expert with its rule', async () => {
    expect((await call(svc.url, 'POST', `/draws/${drawId}/commitment`, staff)).status).toBe(403);
    const committed = await call(svc.url, 'POST', `/draws/${drawId}/commitment`, officer);
    expect(committed.status).toBe(201);
    expect(committed.body.commitment).toMatchObject({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/), eligibleCount: 8, excludedCount: 7 });
    expect(committed.body.seed).toBeUndefined();
    beforeReveal.push(JSON.stringify(committed.body), JSON.stringify((await call(svc.url, 'GET', `/draws/${drawId}/exclusions`, officer)).body));
    const ex = await call(svc.url, 'GET', `/draws/${drawId}/exclusions`, officer);
    const rules = Object.fromEntries(ex.body.excluded.map((x: any) => [x.name, x.hits.map((h: any) => h.rule)]));
    expect(rules).toEqual({
      'works-there': ['works-at-applicant'],
      'worked-there': ['worked-at-applicant-recently'],
      shareholder: ['declared-conflict'],
      relative: ['relative-at-applicant'],
      served: ['recently-served-applicant'],
      suspended: ['not-active'],
      expired: ['out-of-term'],
    });
    expect((await call(svc.url, 'GET', `/draws/${drawId}/exclusions`, staff)).status).toBe(403);
  });

  let members: string[];
  it('the officer draws with their entropy; the list is sealed to everyone but the officer and the members', async () => {
    const drawn = await call(svc.url, 'POST', `/draws/${drawId}/draw`, officer, { officerEntropy: 'dice 3-6-1-4-2' });
    expect(drawn.status).toBe(201);
    expect(drawn.body.status).toBe('DRAWN');
    members = drawn.body.group.members.map((m: any) => m.expertId);
    expect(members).toHaveLength(3);
    expect(drawn.body.group.reserves).toHaveLength(2);
    expect(drawn.body.group.members.some((m: any) => m.occupationCodes.includes(WELDER))).toBe(true);
    expect((await call(svc.url, 'POST', `/draws/${drawId}/draw`, officer, { officerEntropy: 'again' })).status).toBe(409);

    const asStaff = await call(svc.url, 'GET', `/draws/${drawId}`, staff);
    expect(asStaff.body.group).toEqual({ sealed: true, memberCount: 3, reserveCount: 2, replacementCount: 0, leaderElected: false });
    expect(JSON.stringify(asStaff.body)).not.toContain(members[0]);
    expect(asStaff.body.commitment.commitment).toBe(drawn.body.commitment.commitment);
    const asMember = await call(svc.url, 'GET', `/draws/${drawId}`, await token('expert', P, { expertId: members[0] }));
    expect(asMember.body.group.sealed).toBe(false);
    expect(asMember.body.group.members.map((m: any) => m.expertId)).toEqual(members);
    expect(asMember.body.group.reserves).toBeUndefined();
    beforeReveal.push(JSON.stringify(drawn.body), JSON.stringify(asStaff.body), JSON.stringify(asMember.body));
    const outsider = await call(svc.url, 'GET', `/draws/${drawId}`, await token('expert', P, { expertId: ids['relative'] }));
    // Not one of the group: the draw does not exist for them (no existence leak).
    expect(outsider.status).toBe(404);
  });

  it('a member who declines is replaced by the next reserve, with the reason (member-replaced event)', async () => {
    const before = (await call(svc.url, 'GET', `/draws/${drawId}`, officer)).body;
    const leaving = before.group.members.find(
      (m: any) => !m.occupationCodes.includes(WELDER) || before.group.members.filter((x: any) => x.occupationCodes.includes(WELDER)).length > 1,
    );
    const declined = await call(
      svc.url,
      'POST',
      `/draws/${drawId}/members/${leaving.expertId}/decline`,
      await token('expert', P, { expertId: leaving.expertId }),
      {
        reason: 'abroad during the on-site visit',
      },
    );
    expect(declined.status).toBe(200);
    expect(declined.body.group.sealed).toBe(true); // no longer a member: the list is sealed to them again
    const after = (await call(svc.url, 'GET', `/draws/${drawId}`, officer)).body;
    const replacement = after.group.replacements[0];
    expect(replacement).toMatchObject({ replacedExpertId: leaving.expertId, cause: 'declined', reason: 'abroad during the on-site visit' });
    expect(before.group.reserves.map((r: any) => r.expertId)).toContain(replacement.replacementExpertId);
    members = after.group.members.map((m: any) => m.expertId);
    expect(members).toContain(replacement.replacementExpertId);
    expect(members).not.toContain(leaving.expertId);
    const event = await waitFor('member-replaced event', () => recorder.find((m) => m.topic === Events.groupMemberReplaced.topic && m.key === caseId)[0]);
    expect(JSON.parse(event.value)).toMatchObject({
      replacedExpertId: leaving.expertId,
      replacement: { expertId: replacement.replacementExpertId },
      cause: 'declined',
    });
  });

  it('the kick-off forms the group (formed event); the meeting is recorded with one member absent and the present elect their leader by majority (leader-elected event)', async () => {
    // Nobody confirmed yet: refused, saying how many are unconfirmed but not who (the group is sealed to the centre).
    const early = await call(svc.url, 'POST', `/draws/${drawId}/kick-off`, staff);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'MEMBERS_NOT_CONFIRMED', unconfirmedCount: 3, groupSize: members.length });
    for (const m of members) expect(JSON.stringify(early.body)).not.toContain(m);
    for (const m of members) {
      const answered = await call(svc.url, 'POST', `/draws/${drawId}/members/${m}/confirm`, await token('expert', P, { expertId: m }), {
        conflictDeclaration: { hasConflict: false, statement: '本人与申请机构不存在利害关系' },
      });
      expect(answered.status).toBe(200);
      expect(answered.body.outcome).toBe('confirmed');
    }
    const formed = await call(svc.url, 'POST', `/draws/${drawId}/kick-off`, staff);
    expect(formed.status).toBe(200);
    expect(formed.body.group.sealed).toBe(false); // unsealed for the centre after the kick-off
    expect(formed.body.group.declarations.map((x: any) => x.expertId).sort()).toEqual([...members].sort());
    const formedEvent = await waitFor('group formed event', () => recorder.find((m) => m.topic === Events.groupFormed.topic && m.key === caseId)[0]);
    const payload = JSON.parse(formedEvent.value);
    expect(payload).toMatchObject({ caseId, drawId, databaseLevel: P, reserveCount: 1, commitment: formed.body.commitment.commitment });
    expect(payload.members.map((m: any) => m.expertId)).toEqual(members);

    const [a, b, c] = members;
    const vote = async (voter: string, candidate: string) =>
      call(svc.url, 'POST', `/draws/${drawId}/votes`, await token('expert', P, { expertId: voter }), { candidateExpertId: candidate });
    // No meeting on record yet: nobody knows who is present, so nobody votes.
    expect((await vote(a, b)).body).toMatchObject({ status: 409, code: 'KICK_OFF_MEETING_NOT_RECORDED' });
    const meeting = await call(svc.url, 'PUT', `/draws/${drawId}/kick-off-meeting`, staff, {
      heldOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      place: '省鉴定中心 3 楼会议室',
      presentExpertIds: [a, b],
      requirements: '材料审核 5 个工作日内完成；现场评估采用五种方式',
      standardVersion: 'enterprise-standard v1',
    });
    expect(meeting.status).toBe(200);
    expect(meeting.body.group.kickOffMeeting).toMatchObject({ presentExpertIds: [a, b], absentExpertIds: [c], standardVersion: 'enterprise-standard v1' });
    // The absent member neither votes nor blocks.
    expect((await vote(c, a)).status).toBe(403);
    expect((await vote(a, b)).body.outcome).toMatchObject({ state: 'open', votesCast: 1, voters: 2 });
    expect((await vote(a, a)).status).toBe(409); // once per round
    expect((await vote(b, c)).status).toBe(400); // an absent member is no candidate
    const last = await vote(b, b);
    expect(last.body.outcome).toMatchObject({ state: 'elected', leaderExpertId: b, method: 'majority', votes: 2, voters: 2, abstentions: 0, round: 1 });
    const elected = await waitFor('leader elected event', () => recorder.find((m) => m.topic === Events.groupLeaderElected.topic && m.key === caseId)[0]);
    expect(JSON.parse(elected.value)).toMatchObject({
      caseId,
      groupId: formed.body.groupId,
      leaderExpertId: b,
      votes: 2,
      voters: 2,
      method: 'majority',
      round: 1,
      presentCount: 2,
      memberCount: 3,
      abstentions: 0,
    });
  });

  it('after the comprehensive opinion the seed is revealed and the draw verifies (endpoint and CLI)', async () => {
    const sealed = await call(svc.url, 'GET', `/draws/${drawId}/verification`, undefined);
    expect(sealed.body).toMatchObject({ state: 'sealed' });
    expect(sealed.body.published).toBeUndefined();
    const preliminary: OpinionSubmitted = {
      caseId,
      jurisdiction: P,
      opinionId: randomUUID(),
      kind: 'preliminary',
      result: 'pass',
      summary: '初评通过',
      leaderExpertId: members[1],
      submittedAt: new Date().toISOString(),
    } as OpinionSubmitted;
    await produceEvent(kafka, Events.opinionSubmitted, preliminary);
    const comprehensive = { ...preliminary, opinionId: randomUUID(), kind: 'comprehensive', total: 82, passLine: 70 } as OpinionSubmitted;
    const meta = await produceEvent(kafka, Events.opinionSubmitted, comprehensive);
    await produceEvent(kafka, Events.opinionSubmitted, comprehensive, { id: meta.id }); // delivered twice
    const revealed = await waitFor('seed revealed event', () => recorder.find((m) => m.topic === Events.drawSeedRevealed.topic && m.key === caseId)[0]);
    const seed = JSON.parse(revealed.value).seed;
    expect(beforeReveal.filter((body) => body.includes(seed))).toEqual([]);
    expect(JSON.stringify(sealed.body)).not.toContain(seed);

    // The consumer reports the second delivery as a duplicate; it revealed nothing more.
    await waitFor('the duplicate opinion recognised', async () => {
      const text = await (await fetch(`${svc.url}/metrics`)).text();
      return /filing_events_consumed_total\{[^}]*(assessment\.opinion\.submitted\.v1[^}]*duplicate|duplicate[^}]*assessment\.opinion\.submitted\.v1)[^}]*\} [1-9]/.test(
        text,
      );
    });
    expect(recorder.find((m) => m.topic === Events.drawSeedRevealed.topic && m.key === caseId)).toHaveLength(1);
    const v = await call(svc.url, 'GET', `/draws/${drawId}/verification`, undefined);
    expect(v.body).toMatchObject({ state: 'revealed', report: { match: true, mismatches: [] } });
    expect(v.body.published.seed).toBe(seed);
    expect(v.body.published.result.members).not.toEqual(members); // as drawn, before the replacement

    // At rest the seed is sealed (AES-256-GCM with DRAW_SEED_KEY), before and after the reveal.
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const [row] = (await db.query(`SELECT seed FROM expert_pool.draw WHERE id = $1`, [drawId])).rows;
      expect(row.seed).toMatch(/^gcm1:/);
      expect(row.seed).not.toContain(seed);
      // A seed stored in plain text before the encryption (as older rows were) is sealed by the migration, and the
      // snapshot still verifies.
      await db.query(`ALTER TABLE expert_pool.draw DISABLE TRIGGER draw_keep_drawn_facts`);
      await db.query(`UPDATE expert_pool.draw SET seed = $2 WHERE id = $1`, [drawId, seed]);
      await db.query(`ALTER TABLE expert_pool.draw ENABLE TRIGGER draw_keep_drawn_facts`);
      await new DrawSeedEncrypted1766100000001().up({ query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as never);
      const [migrated] = (await db.query(`SELECT seed FROM expert_pool.draw WHERE id = $1`, [drawId])).rows;
      expect(migrated.seed).toMatch(/^gcm1:/);
      expect(migrated.seed).not.toBe(row.seed);
      const again = await call(svc.url, 'GET', `/draws/${drawId}/verification`, undefined);
      expect(again.body).toMatchObject({ state: 'revealed', report: { match: true }, published: { seed } });
    } finally {
      await db.end();
    }

    const dir = mkdtempSync(path.join(tmpdir(), 'draw-'));
    const file = path.join(dir, 'published.json');
    writeFileSync(file, JSON.stringify(v.body));
    const cli = path.join('services', 'expert-pool', 'src', 'draws', 'verify-draw.cli.ts');
    const out = execFileSync(process.execPath, ['-r', '@swc-node/register', cli, file], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('MATCH');

    const tampered = path.join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...v.body.published, officerEntropy: 'dice 3-6-1-4-3' }));
    let failed: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, ['-r', '@swc-node/register', cli, tampered], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      failed = err as { status: number; stderr: string };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stderr).toContain('MISMATCH');

    const posted = await call(svc.url, 'POST', '/draws/verify', undefined, {
      ...v.body.published,
      seed: seed.replace(/^./, (ch: string) => (ch === '0' ? '1' : '0')),
    });
    expect(posted.status).toBe(200);
    expect(posted.body.match).toBe(false);
    expect(posted.body.mismatches[0]).toContain('commitment mismatch');

    // The published data without its result cannot be compared with anything: a 400 naming the field.
    const { result: _result, ...withoutResult } = v.body.published;
    const refused = await call(svc.url, 'POST', '/draws/verify', undefined, withoutResult);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'result', code: 'REQUIRED' })] });
  });

  it("tells the group's members their score sheets are due when the on-site evaluation opens, and each opinion the group submitted — once, whatever the redeliveries", async () => {
    const opened = {
      caseId,
      jurisdiction: P,
      institutionName: APPLICANT.name,
      from: 'PROVINCIAL_RECHECK_PRELIMINARY',
      to: 'ONSITE_EVALUATION',
      action: 'recheck-pass',
      actor: { subject: 'staff-1', role: 'center-staff', jurisdiction: P },
      at: new Date().toISOString(),
    } as CaseStageChanged;
    const meta = await produceEvent(kafka, Events.caseStageChanged, opened);
    await produceEvent(kafka, Events.caseStageChanged, opened, { id: meta.id }); // delivered twice
    // Any other transition tells the group nothing.
    const later = await produceEvent(kafka, Events.caseStageChanged, {
      ...opened,
      from: 'ONSITE_EVALUATION',
      to: 'COMPREHENSIVE_REVIEW',
      action: 'technical-opinion',
    });
    const told = (kind: string) =>
      recorder
        .find((m) => m.topic === Events.expertNotificationRequested.topic && m.key === caseId)
        .map((m) => JSON.parse(m.value))
        .filter((r) => r.kind === kind);
    const due = await waitFor('every member told', () => (told('score-sheet-due').length >= members.length ? told('score-sheet-due') : undefined));
    await waitFor('the duplicate transition recognised', async () => {
      const text = await (await fetch(`${svc.url}/metrics`)).text();
      return /filing_events_consumed_total\{[^}]*(review\.case\.stage-changed\.v1[^}]*duplicate|duplicate[^}]*review\.case\.stage-changed\.v1)[^}]*\} [1-9]/.test(
        text,
      );
    });
    // The later transition is in expert-pool's inbox: same key, same partition, so everything before it was handled
    // (the shared broker may carry other specs' transitions too, so a count of handled events would prove nothing).
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await waitFor(
        'the later transition handled',
        async () => (await db.query(`SELECT 1 FROM expert_pool.inbox WHERE event_id = $1`, [later.id])).rowCount === 1,
        60_000,
      );
    } finally {
      await db.end();
    }
    expect(
      told('score-sheet-due')
        .map((r) => r.recipient.id)
        .sort(),
    ).toEqual(members.map((m) => `expert:${m}`).sort());
    expect(due[0]).toMatchObject({
      jurisdiction: P,
      recipient: { role: 'expert' },
      params: { institution: APPLICANT.name, openedAt: opened.at },
      link: `/expert/cases/${caseId}`,
    });
    // The preliminary and the comprehensive opinion (the latter delivered twice) of the test before: one notice each per member.
    const opinions = told('opinions-submitted');
    expect(opinions.map((r) => `${r.params.opinionKind} ${r.recipient.id}`).sort()).toEqual(
      ['preliminary', 'comprehensive'].flatMap((k) => members.map((m) => `${k} expert:${m}`)).sort(),
    );
    expect(opinions[0]).toMatchObject({ params: { institution: APPLICANT.name, result: 'pass' }, link: `/expert/cases/${caseId}` });
  });

  const other = randomUUID();
  it('names the unmet requirement and draws nothing when too few experts are eligible', async () => {
    await produceEvent(
      kafka,
      Events.expertGroupRequested,
      request(other, { occupations: [{ code: '4-07-05-02', name: '评茶员', levels: [4], basis: 'national-standard' }] }),
    );
    const d = await waitFor('the second draw request', async () =>
      (await call(svc.url, 'GET', '/draws', officer)).body.items.find((x: any) => x.caseId === other),
    );
    const res = await call(svc.url, 'POST', `/draws/${d.id}/commitment`, officer);
    expect(res.status).toBe(422);
    expect(res.body.unmet).toEqual([{ requirement: 'occupation-coverage', message: 'occupation 4-07-05-02: no eligible expert covers it' }]);
    expect((await call(svc.url, 'GET', `/draws/${d.id}`, officer)).body).toMatchObject({ status: 'QUEUED', commitment: null, group: null });
  });

  it('a request the handler cannot process ends in the DLT, and the consumer moves on', async () => {
    const bad = randomUUID();
    await produceEvent(kafka, Events.expertGroupRequested, request(bad, { jurisdiction: '220581', databaseLevel: '220581' }));
    const dead = await waitFor('the DLT message', () => recorder.find((m) => m.topic === dltOf(Events.expertGroupRequested.topic) && m.key === bad)[0]);
    expect(dead.headers['dlt-error']).toContain('keeps no expert database');
    expect(dead.headers['dlt-consumer-group']).toBe('expert-pool');
    const next = randomUUID();
    await produceEvent(kafka, Events.expertGroupRequested, request(next));
    await waitFor('the next request queued', async () => (await call(svc.url, 'GET', '/draws', officer)).body.items.some((x: any) => x.caseId === next));
    expect((await call(svc.url, 'GET', '/draws', officer)).body.items.some((x: any) => x.caseId === bad)).toBe(false);
  });

  it('a new draw for the same applicant excludes the group that just served it; the officer can recuse a member', async () => {
    const next = randomUUID();
    await produceEvent(
      kafka,
      Events.expertGroupRequested,
      request(next, { occupations: [{ code: LATHE, name: '车工', levels: [5], basis: 'national-standard' }] }),
    );
    const d = await waitFor('the lathe-only draw', async () => (await call(svc.url, 'GET', '/draws', officer)).body.items.find((x: any) => x.caseId === next));
    const committed = await call(svc.url, 'POST', `/draws/${d.id}/commitment`, officer);
    expect(committed.status).toBe(201);
    const ex = await call(svc.url, 'GET', `/draws/${d.id}/exclusions`, officer);
    const served = ex.body.excluded.filter((x: any) => x.hits[0].rule === 'recently-served-applicant').map((x: any) => x.expertId);
    expect(served.sort()).toEqual([...members, ids['served']].sort());
    const drawn = await call(svc.url, 'POST', `/draws/${d.id}/draw`, officer, { officerEntropy: 'coin: heads' });
    const [first] = drawn.body.group.members;
    const firstReserve = drawn.body.group.reserves[0];
    expect((await call(svc.url, 'POST', `/draws/${d.id}/members/${first.expertId}/recuse`, staff, { reason: 'x' })).status).toBe(403);
    const recused = await call(svc.url, 'POST', `/draws/${d.id}/members/${first.expertId}/recuse`, officer, {
      reason: 'advised the applicant in 2025 (late declaration)',
    });
    expect(recused.status).toBe(200);
    expect(recused.body.group.members[0].expertId).toBe(firstReserve.expertId);
    expect(recused.body.group.replacements).toEqual([
      expect.objectContaining({ replacedExpertId: first.expertId, replacementExpertId: firstReserve.expertId, cause: 'recused' }),
    ]);
    const event = await waitFor('recusal event', () => recorder.find((m) => m.topic === Events.groupMemberReplaced.topic && m.key === next)[0]);
    expect(JSON.parse(event.value)).toMatchObject({ cause: 'recused', reason: 'advised the applicant in 2025 (late declaration)' });

    // The case is rejected (twice delivered): the drawn draw's seed is revealed once; the queued draw of another case is untouched.
    const rejected: CaseRejected = {
      caseId: next,
      jurisdiction: P,
      atStage: 'GROUP_FORMED',
      finalStage: 'CLOSED',
      reason: 'applicant withdrew',
      decidedBy: { subject: 'staff-1', role: 'center-staff', jurisdiction: P },
      decidedAt: new Date().toISOString(),
    } as CaseRejected;
    const meta = await produceEvent(kafka, Events.caseRejected, rejected);
    await produceEvent(kafka, Events.caseRejected, rejected, { id: meta.id });
    await waitFor('seed revealed for the rejected case', () => recorder.find((m) => m.topic === Events.drawSeedRevealed.topic && m.key === next)[0]);
    const v = await call(svc.url, 'GET', `/draws/${d.id}/verification`, undefined);
    expect(v.body.report.mismatches).toEqual([]);
    expect(v.body).toMatchObject({ state: 'revealed', report: { match: true } });
    expect((await call(svc.url, 'GET', `/draws/${d.id}`, officer)).body.status).toBe('CANCELLED');
    expect((await call(svc.url, 'POST', `/draws/${d.id}/kick-off`, officer)).status).toBe(409);
  });

  it('a rejected case cancels its queued draw', async () => {
    const rejected = {
      caseId: other,
      jurisdiction: P,
      atStage: 'EXPERT_GROUP_REQUESTED',
      finalStage: 'CLOSED',
      reason: 'not accepted',
      decidedBy: { subject: 'staff-1', role: 'center-staff', jurisdiction: P },
      decidedAt: new Date().toISOString(),
    } as CaseRejected;
    await produceEvent(kafka, Events.caseRejected, rejected);
    await waitFor('the queued draw cancelled', async () =>
      (await call(svc.url, 'GET', '/draws?status=CANCELLED', officer)).body.items.find((x: any) => x.caseId === other),
    );
    expect(recorder.find((m) => m.topic === Events.drawSeedRevealed.topic && m.key === other)).toHaveLength(0);
  });

  it('an opinion that contradicts the case jurisdiction is dead-lettered and reveals nothing', async () => {
    const next = randomUUID();
    await produceEvent(kafka, Events.expertGroupRequested, request(next, { jurisdiction: '220100' }));
    await waitFor('the draw', async () => (await call(svc.url, 'GET', '/draws', officer)).body.items.find((x: any) => x.caseId === next));
    await produceEvent(kafka, Events.opinionSubmitted, {
      caseId: next,
      jurisdiction: '220200',
      opinionId: randomUUID(),
      kind: 'comprehensive',
      result: 'pass',
      summary: 'x',
      leaderExpertId: 'x',
      submittedAt: new Date().toISOString(),
    } as OpinionSubmitted);
    const dead = await waitFor('the DLT message', () => recorder.find((m) => m.topic === dltOf(Events.opinionSubmitted.topic) && m.key === next)[0]);
    expect(dead.headers['dlt-error']).toContain('requested for jurisdiction 220100');
    expect(dead.headers['dlt-error-kind']).toBe('unprocessable');
  });

  it('a draw whose order cannot meet the requirements draws nothing, answers 422 and keeps the attempt on record', async () => {
    // 四平: the two required occupations are covered only by two experts of one employer, at most one per employer.
    const L = '220300';
    const siping = await token('center-staff', L);
    const sameEmployer = { name: '四平机床厂', creditCode: '91220300MA0Y3B9X1K' };
    const rows = [
      expertFields(700, { name: 'sp-a', employer: sameEmployer, occupationCodes: ['6-18-03-01'] }),
      expertFields(701, { name: 'sp-b', employer: sameEmployer, occupationCodes: ['6-18-03-02'] }),
      ...[702, 703, 704].map((n) => expertFields(n, { name: `sp-${n}`, occupationCodes: [LATHE] })),
    ];
    expect((await call(svc.url, 'POST', '/experts/imports', siping, rows)).status).toBe(201);
    const c = randomUUID();
    await produceEvent(
      kafka,
      Events.expertGroupRequested,
      request(c, {
        jurisdiction: L,
        databaseLevel: L,
        occupations: [
          { code: '6-18-03-01', name: '铣工', levels: [4], basis: 'national-standard' },
          { code: '6-18-03-02', name: '磨工', levels: [4], basis: 'national-standard' },
        ],
      }),
    );
    const spOfficer = await token('discipline-officer', L);
    const d = await waitFor('the 四平 draw', async () => (await call(svc.url, 'GET', '/draws', spOfficer)).body.items.find((x: any) => x.caseId === c));
    expect((await call(svc.url, 'POST', `/draws/${d.id}/commitment`, spOfficer)).status).toBe(201);
    const res = await call(svc.url, 'POST', `/draws/${d.id}/draw`, spOfficer, { officerEntropy: 'first try' });
    expect(res.status).toBe(422);
    expect(res.body.unmet[0].requirement).toBe('occupation-coverage');
    expect(res.body.message).toMatch(/nothing drawn: .*6-18-03-0[12]/);
    const after = (await call(svc.url, 'GET', `/draws/${d.id}`, spOfficer)).body;
    expect(after).toMatchObject({
      status: 'COMMITTED',
      group: null,
      failedAttempts: [expect.objectContaining({ officerEntropy: 'first try', requirement: 'occupation-coverage' })],
    });
    expect((await call(svc.url, 'GET', `/draws/${d.id}`, siping)).body.failedAttempts).toBe(1);
  });

  it('the database refuses to alter a drawn draw (snapshot, seed, entropy, result)', async () => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await expect(db.query(`UPDATE expert_pool.draw SET seed = repeat('0', 64) WHERE id = $1`, [drawId])).rejects.toThrow('immutable');
      await expect(db.query(`UPDATE expert_pool.draw SET drawn_members = '[]' WHERE id = $1`, [drawId])).rejects.toThrow('immutable');
      await expect(db.query(`UPDATE expert_pool.draw SET status = status WHERE id = $1`, [drawId])).resolves.toBeDefined();
    } finally {
      await db.end();
    }
  });

  it('audits every decision of the draw in a hash chain, and names the first entry edited afterwards (endpoint and CLI)', async () => {
    const admin = await token('admin', P);
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows: trail } = await db.query(`SELECT seq, id, action, actor, at, reason, details FROM expert_pool.audit_log WHERE case_id = $1 ORDER BY seq`, [
        caseId,
      ]);
      const actions = trail.map((r: any) => r.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'draw-committed',
          'drawn',
          'member-declined',
          'conflict-declared',
          'member-confirmed',
          'kick-off',
          'kick-off-meeting-recorded',
          'leader-elected',
          'seed-revealed',
        ]),
      );
      expect(actions.filter((a: string) => a === 'member-confirmed')).toHaveLength(3);
      expect(actions.filter((a: string) => a === 'seed-revealed')).toHaveLength(1); // the duplicate opinion added nothing
      const declined = trail.find((r: any) => r.action === 'member-declined');
      expect(declined).toMatchObject({ reason: 'abroad during the on-site visit', actor: { role: 'expert', jurisdiction: P } });
      expect(trail.find((r: any) => r.action === 'drawn').actor).toMatchObject({ role: 'discipline-officer', jurisdiction: P });
      expect(trail.find((r: any) => r.action === 'seed-revealed').actor).toMatchObject({ role: 'event', event: { topic: Events.opinionSubmitted.topic } });

      expect((await call(svc.url, 'GET', '/audit/verify', staff)).status).toBe(403);
      const ok = await call(svc.url, 'GET', '/audit/verify', admin);
      expect(ok.body).toMatchObject({ ok: true, schema: 'expert_pool' });
      const cli = path.join('services', 'expert-pool', 'src', 'audit', 'verify-audit.cli.ts');
      // The spec's own database is in the sandbox's process.env, which a child does not inherit unless given it.
      const run = () => {
        try {
          return {
            code: 0,
            out: execFileSync(process.execPath, ['-r', '@swc-node/register', cli], { cwd: ROOT, env: process.env, encoding: 'utf8', stdio: 'pipe' }),
          };
        } catch (err) {
          const e = err as { status: number; stdout: string };
          return { code: e.status, out: e.stdout };
        }
      };
      expect(run()).toMatchObject({ code: 0, out: expect.stringContaining(`OK, ${ok.body.entries} entries`) });

      // Someone with database access rewrites why the member declined.
      const target = declined.seq;
      await db.query(`UPDATE expert_pool.audit_log SET reason = 'no reason given' WHERE seq = $1`, [target]);
      const verdict = (await call(svc.url, 'GET', '/audit/verify', admin)).body;
      expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: Number(target), id: declined.id, caseId, problem: expect.stringMatching(/edited/) } });
      const bad = run();
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`BROKEN at entry seq=${target} id=${declined.id}`);
    } finally {
      await db.end();
    }
  });
});
