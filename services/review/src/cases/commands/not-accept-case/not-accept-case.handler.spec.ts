import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthModule, issueDevToken } from '@filing/auth';
import { Events } from '@filing/contracts';
import { EventContext, MessagingModule } from '@filing/messaging';
import { inProcessApp } from '@filing/testing';
import { DatabaseModule, RuntimeModule, ServiceConfigModule } from '@filing/runtime';
import { institution, lathe } from '../../../../test/review.fixtures';
import { AuditModule } from '../../../audit/audit.module';
import { reviewDatabase } from '../../../infrastructure/database';
import { ReviewInstanceConfig, reviewInstance } from '../../../infrastructure/review.config';
import { CasesModule } from '../../cases.module';
import { OpenCaseHandler } from '../open-case/open-case.handler';

/**
 * 不予受理 in-process: the cases module wired by @nestjs/testing against the real PostgreSQL (a database of this spec
 * file's own) and driven over HTTP with supertest; the case is opened by the open-case handler, as intake's event
 * would open it. No processes, no broker.
 */
describe('not accepting a case (NotAcceptCaseHandler behind its HTTP adapter)', () => {
  let app: INestApplication;
  let ds: DataSource;
  const s = reviewInstance.schema;

  beforeAll(async () => {
    app = await inProcessApp([
      RuntimeModule.forService(),
      AuthModule.forRoot(),
      DatabaseModule.forService(reviewDatabase),
      ServiceConfigModule.of(ReviewInstanceConfig, reviewInstance),
      AuditModule,
      MessagingModule.outboxOnly({ service: 'review', schema: reviewInstance.schema, groupId: reviewInstance.groupId, source: '/services/review/220000' }),
      CasesModule,
    ]);
    ds = app.get(getDataSourceToken());
  });

  afterAll(async () => {
    await app?.close();
  });

  const staff = (jurisdiction: string) => issueDevToken({ roles: ['center-staff'], jurisdiction, sub: `staff-${jurisdiction}` });

  /** A province case at SUBMITTED, opened as intake's submitted event opens it. */
  async function submittedCase(): Promise<string> {
    const caseId = randomUUID();
    const now = new Date().toISOString();
    await ds.transaction(async (m) => {
      const meta = {
        id: randomUUID(),
        type: Events.applicationSubmitted.type,
        source: '/services/intake',
        time: now,
        subject: caseId,
        correlationId: randomUUID(),
      };
      await app.get(OpenCaseHandler).onSubmitted(
        {
          caseId,
          applicationKind: 'new-filing',
          jurisdiction: '220000',
          institution: institution('employer', '吉林省不予受理测试有限公司'),
          occupations: [lathe],
          materials: [],
          submittedAt: now,
        },
        new EventContext(m, meta, Events.applicationSubmitted.topic, 0, '0'),
      );
    });
    return caseId;
  }

  const outboxOf = async (caseId: string) =>
    (await ds.query(`SELECT topic FROM ${s}.outbox WHERE key = $1 ORDER BY seq`, [caseId])).map((r: { topic: string }) => r.topic);
  const caseRow = async (caseId: string) => (await ds.query(`SELECT stage, version, last_reason FROM ${s}.review_case WHERE id = $1`, [caseId]))[0];

  it('closes the case with the reason, audits the step and queues the stage change and the rejection together', async () => {
    const caseId = await submittedCase();
    const res = await request(app.getHttpServer())
      .post(`/cases/${caseId}/not-accept`)
      .set('authorization', `Bearer ${await staff('220000')}`)
      .send({ reason: '申请材料不属于本级受理范围' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: caseId, stage: 'CLOSED' });
    expect(await caseRow(caseId)).toMatchObject({ stage: 'CLOSED', last_reason: '申请材料不属于本级受理范围' });
    // Opening it told the centre staff it awaits acceptance; closing it tells no one's queue.
    expect(await outboxOf(caseId)).toEqual([
      Events.caseStageChanged.topic,
      Events.reviewNotificationRequested.topic,
      Events.caseStageChanged.topic,
      Events.caseRejected.topic,
    ]);
    const audit = await ds.query(`SELECT action, from_stage, to_stage FROM ${s}.audit_log WHERE case_id = $1 ORDER BY seq`, [caseId]);
    expect(audit).toEqual([
      { action: 'open', from_stage: null, to_stage: 'SUBMITTED' },
      { action: 'not-accept', from_stage: 'SUBMITTED', to_stage: 'CLOSED' },
    ]);
  });

  it('refuses an illegal step with a 409 problem naming the stage and the steps allowed, changing nothing', async () => {
    const caseId = await submittedCase();
    const token = await staff('220000');
    await request(app.getHttpServer()).post(`/cases/${caseId}/not-accept`).set('authorization', `Bearer ${token}`).send({ reason: '不予受理' }).expect(200);
    const before = await caseRow(caseId);
    const again = await request(app.getHttpServer())
      .post(`/cases/${caseId}/not-accept`)
      .set('authorization', `Bearer ${token}`)
      .send({ reason: '再次不予受理' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({ status: 409, code: 'CONFLICT', currentStage: 'CLOSED', allowedActions: [] });
    expect(await caseRow(caseId)).toEqual(before);
    expect(await outboxOf(caseId)).toHaveLength(4); // opened (stage + the queue's notice), not accepted (stage + rejection)
  });

  it("answers 404 to another jurisdiction's staff, as if the case did not exist", async () => {
    const caseId = await submittedCase();
    const res = await request(app.getHttpServer())
      .post(`/cases/${caseId}/not-accept`)
      .set('authorization', `Bearer ${await staff('220200')}`)
      .send({ reason: '不予受理' });
    expect(res.status).toBe(404);
    expect(await caseRow(caseId)).toMatchObject({ stage: 'SUBMITTED', version: 1 });
  });

  it('refuses a request without a reason before the handler runs (400, naming the field)', async () => {
    const caseId = await submittedCase();
    const res = await request(app.getHttpServer())
      .post(`/cases/${caseId}/not-accept`)
      .set('authorization', `Bearer ${await staff('220000')}`)
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    expect(await caseRow(caseId)).toMatchObject({ stage: 'SUBMITTED' });
  });
});
