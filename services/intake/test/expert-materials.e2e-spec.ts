import { randomUUID } from 'node:crypto';
import { Events, GroupFormed, GroupMemberReplaced } from '@filing/contracts';
import { issueDevToken } from '@filing/auth';
import { produceEvent, ServiceProcess, startServiceProcess, testKafka, waitFor } from '@filing/testing';
import { Kafka } from 'kafkajs';
import { applicantToken, applicationBody, freshCreditCode, IntakeClient, staffToken } from './intake.fixtures';

/**
 * The case's materials for its expert group: intake learns the members from expert-pool's events (produced here as
 * expert-pool would, on the real topics); a member reads the list and downloads a version, and every such read is
 * logged for the centre; any other expert — and every expert before the kick-off — hears the case does not exist.
 */
describe('intake: the expert group reads the case’s materials', () => {
  let intake: ServiceProcess;
  let client: IntakeClient;
  let kafka: Kafka;

  beforeAll(async () => {
    kafka = testKafka();
    intake = await startServiceProcess({ service: 'intake' });
    client = new IntakeClient(intake.url);
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const expert = (expertId: string) =>
    issueDevToken({ roles: ['expert'], jurisdiction: '220100', expertId, sub: `expert-${expertId}`, name: `专家 ${expertId.slice(0, 4)}` });
  const member = (expertId: string, name: string) => ({ expertId, name, occupationCodes: ['6-18-01-01'] });

  it('is not found for experts before the kick-off and for experts outside the group; members read and download, each read logged', async () => {
    const code = freshCreditCode();
    const id = await client.submitted(await applicantToken(code), applicationBody(code));
    const [a, b, c, reserve, outsider] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const groupId = randomUUID();

    // Drawn, not yet kicked off: no expert reads anything, not even the future members.
    for (const who of [a, outsider]) {
      expect((await client.request(await expert(who), 'GET', `/applications/${id}/materials`)).status).toBe(404);
    }

    // A decline before the kick-off (already reflected in the formed list), then the kick-off forms the group.
    const declined: GroupMemberReplaced = {
      caseId: id,
      jurisdiction: '220100',
      groupId,
      replacedExpertId: randomUUID(),
      replacement: member(c, '张志强'),
      cause: 'declined',
      reason: '出差',
      replacedAt: '2025-10-20T02:00:00.000Z',
    };
    await produceEvent(kafka, Events.groupMemberReplaced, declined);
    const formed: GroupFormed = {
      caseId: id,
      jurisdiction: '220100',
      groupId,
      drawId: randomUUID(),
      databaseLevel: '220100',
      members: [member(a, '王建国'), member(b, '李秀兰'), member(c, '张志强')],
      reserveCount: 1,
      commitment: 'a'.repeat(64),
      formedAt: '2025-10-21T02:00:00.000Z',
    };
    const meta = await produceEvent(kafka, Events.groupFormed, formed);
    // The same event delivered twice changes nothing (the inbox).
    await produceEvent(kafka, Events.groupFormed, formed, { id: meta.id });

    const list = await waitFor(
      'the member reading the materials',
      async () => {
        const r = await client.request(await expert(a), 'GET', `/applications/${id}/materials`);
        return r.status === 200 ? r.body : undefined;
      },
      60_000,
    );
    const version = list.find((i: { versions: unknown[] }) => i.versions.length > 0).versions[0];
    const file = await fetch(`${intake.url}/applications/${id}/materials/${version.materialId}/content`, {
      headers: { authorization: `Bearer ${await expert(b)}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-sha256')).toBe(version.sha256);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // An expert outside the group: not found, for the list and for the file; nor may a member read the application itself.
    expect((await client.request(await expert(outsider), 'GET', `/applications/${id}/materials`)).status).toBe(404);
    expect(
      (
        await fetch(`${intake.url}/applications/${id}/materials/${version.materialId}/content`, {
          headers: { authorization: `Bearer ${await expert(outsider)}` },
        })
      ).status,
    ).toBe(404);
    expect((await client.get(await expert(a), id)).status).toBe(403);

    // A recusal after the kick-off: the reserve reads, the recused member no longer does.
    await produceEvent(kafka, Events.groupMemberReplaced, {
      ...declined,
      replacedExpertId: b,
      replacement: member(reserve, '刘海峰'),
      cause: 'recused',
      reason: '与申报机构存在利害关系',
      replacedAt: '2025-10-22T02:00:00.000Z',
    });
    await waitFor(
      'the reserve reading the materials',
      async () => (await client.request(await expert(reserve), 'GET', `/applications/${id}/materials`)).status === 200,
      60_000,
    );
    expect((await client.request(await expert(b), 'GET', `/applications/${id}/materials`)).status).toBe(404);

    // The centre sees who read what and when; another jurisdiction's centre does not; an expert may not.
    const log = await client.request(await staffToken('center-staff', '220100'), 'GET', `/applications/${id}/material-access`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((x: { action: string; expert: { expertId: string } }) => `${x.action} ${x.expert.expertId}`)).toEqual([
      `listed ${a}`,
      `downloaded ${b}`,
      `listed ${reserve}`,
    ]);
    expect(log.body.items[1].material).toMatchObject({ materialId: version.materialId, version: version.version, sha256: version.sha256 });
    expect(log.body.items[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await client.request(await staffToken('center-staff', '220200'), 'GET', `/applications/${id}/material-access`)).status).toBe(404);
    expect((await client.request(await expert(a), 'GET', `/applications/${id}/material-access`)).status).toBe(403);
  });
});
