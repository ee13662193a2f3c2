import { Client } from 'pg';
import { startServiceProcess, ServiceProcess } from '@filing/testing';
import { call, expertFields, token } from './expert-fixtures';

/**
 * Centre staff link an expert record to the identity-provider account that acts as it, and expert-pool lets an expert
 * token through only when its `expertId` claim names a record linked to that very account (the production default,
 * EXPERT_ACCOUNT_LINK_REQUIRED=true). Links and unlinks are in the audit log.
 */
describe('expert accounts: linking a record to an identity-provider account', () => {
  let svc: ServiceProcess;
  let staff: string;
  const L = '220200';

  const expertToken = (expertId: string, sub: string) => token('expert', L, { expertId, sub });
  const create = async (n: number) => (await call(svc.url, 'POST', '/experts', staff, expertFields(n))).body;

  async function auditActions(expertId: string): Promise<Array<{ action: string; details: any; actor: any }>> {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT action, details, actor FROM expert_pool.audit_log WHERE details->>'expertId' = $1 AND action LIKE 'expert-account-%' ORDER BY seq`,
        [expertId],
      );
      return rows;
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    svc = await startServiceProcess({ service: 'expert-pool', name: 'expert-pool-accounts', env: { EXPERT_ACCOUNT_LINK_REQUIRED: 'true' } });
    staff = await token('center-staff', L, { sub: 'staff-220200-wang' });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('links a record to an account, shows the link and the claim to set, and audits it', async () => {
    const e = await create(101);
    expect(e.account).toBeNull();
    const linked = await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, { subject: 'kc-user-101', username: 'expert-220200-101' });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({
      id: e.id,
      account: { subject: 'kc-user-101', username: 'expert-220200-101', linkedBy: 'staff-220200-wang' },
      claims: { expertId: e.id, jurisdiction: L },
    });
    expect((await call(svc.url, 'GET', `/experts/${e.id}`, staff)).body.account).toMatchObject({ subject: 'kc-user-101' });
    const again = await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, { subject: 'kc-user-101', username: 'expert-220200-101' });
    expect(again.status).toBe(200);
    const audit = await auditActions(e.id);
    expect(audit).toEqual([
      {
        action: 'expert-account-linked',
        details: { expertId: e.id, subject: 'kc-user-101', username: 'expert-220200-101', previousSubject: null },
        actor: expect.objectContaining({ subject: 'staff-220200-wang', role: 'center-staff' }),
      },
    ]);
    const verify = await call(svc.url, 'GET', '/audit/verify', await token('admin', '220000'));
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('lets the linked account act as the expert, and refuses another account or an unlinked record', async () => {
    const e = await create(102);
    const unlinked = await create(103);
    await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, { subject: 'kc-user-102' });

    const own = await call(svc.url, 'GET', '/draws', await expertToken(e.id, 'kc-user-102'));
    expect(own.status).toBe(200);
    const impostor = await call(svc.url, 'GET', '/draws', await expertToken(e.id, 'kc-user-999'));
    expect(impostor.status).toBe(403);
    expect(impostor.body).toMatchObject({ code: 'EXPERT_ACCOUNT_MISMATCH' });
    const notLinked = await call(svc.url, 'GET', '/draws', await expertToken(unlinked.id, 'kc-user-103'));
    expect(notLinked.status).toBe(403);
    expect(notLinked.body).toMatchObject({ code: 'EXPERT_ACCOUNT_NOT_LINKED' });
    const noRecord = await call(svc.url, 'GET', '/draws', await expertToken('not-a-record', 'kc-user-104'));
    expect(noRecord.status).toBe(403);
  });

  it('one account acts as one record: linking it to a second record is a 409', async () => {
    const a = await create(105);
    const b = await create(106);
    expect((await call(svc.url, 'PUT', `/experts/${a.id}/account`, staff, { subject: 'kc-user-105' })).status).toBe(200);
    const second = await call(svc.url, 'PUT', `/experts/${b.id}/account`, staff, { subject: 'kc-user-105' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'ACCOUNT_ALREADY_LINKED', expertId: a.id });
    expect((await call(svc.url, 'GET', `/experts/${b.id}`, staff)).body.account).toBeNull();
  });

  it('relinks and unlinks, each audited; an unlinked record no longer acts', async () => {
    const e = await create(107);
    await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, { subject: 'kc-user-107' });
    const relinked = await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, { subject: 'kc-user-107b' });
    expect(relinked.body.account).toMatchObject({ subject: 'kc-user-107b' });
    expect((await call(svc.url, 'GET', '/draws', await expertToken(e.id, 'kc-user-107'))).status).toBe(403);
    const unlinked = await call(svc.url, 'DELETE', `/experts/${e.id}/account`, staff);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.account).toBeNull();
    expect((await call(svc.url, 'GET', '/draws', await expertToken(e.id, 'kc-user-107b'))).body.code).toBe('EXPERT_ACCOUNT_NOT_LINKED');
    expect((await auditActions(e.id)).map((a) => [a.action, a.details.previousSubject])).toEqual([
      ['expert-account-linked', null],
      ['expert-account-linked', 'kc-user-107'],
      ['expert-account-unlinked', 'kc-user-107b'],
    ]);
  });

  it('refuses bad input, other levels, other roles, unknown and removed experts, and changes nothing', async () => {
    const e = await create(108);
    const bad = await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, { subject: 'has spaces' });
    expect(bad.status).toBe(400);
    expect((await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, {})).status).toBe(400);
    expect((await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, { subject: 'x', extra: 1 })).status).toBe(400);
    expect((await call(svc.url, 'PUT', `/experts/${e.id}/account`, await token('center-staff', '220300'), { subject: 'kc-x' })).status).toBe(404);
    expect((await call(svc.url, 'PUT', `/experts/${e.id}/account`, await token('discipline-officer', L), { subject: 'kc-x' })).status).toBe(403);
    expect((await call(svc.url, 'PUT', '/experts/00000000-0000-4000-8000-000000000000/account', staff, { subject: 'kc-x' })).status).toBe(404);
    expect((await call(svc.url, 'PUT', '/experts/not-a-uuid/account', staff, { subject: 'kc-x' })).status).toBe(400);
    await call(svc.url, 'POST', `/experts/${e.id}/remove`, staff, { reason: 'left the profession' });
    const removed = await call(svc.url, 'PUT', `/experts/${e.id}/account`, staff, { subject: 'kc-x' });
    expect(removed.status).toBe(409);
    expect(removed.body).toMatchObject({ code: 'EXPERT_REMOVED' });
    expect((await call(svc.url, 'GET', `/experts/${e.id}`, staff)).body.account).toBeNull();
    expect(await auditActions(e.id)).toEqual([]);
  });
});
