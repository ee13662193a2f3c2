import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditModule } from '@filing/audit';
import { AuthModule, issueDevToken, TokenVerifier } from '@filing/auth';
import { CaseStage, Events } from '@filing/contracts';
import { MessagingModule } from '@filing/messaging';
import { inProcessApp } from '@filing/testing';
import { DatabaseModule, MissingPrecondition, NotAllowed, RuntimeModule, ServiceConfigModule } from '@filing/runtime';
import { AssessmentConfig, assessmentConfig } from '../../../infrastructure/assessment.config';
import { SCHEMA, serviceDatabase } from '../../../infrastructure/database';
import { scoringScope } from '../../../standards/domain/standard';
import { StandardRepository } from '../../../standards/infrastructure/standard.repository';
import { StandardsModule } from '../../../standards/standards.module';
import { EvaluationsModule } from '../../evaluations.module';
import { FillScoreSheetHandler } from '../fill-score-sheet/fill-score-sheet.handler';
import { RecordCaseFactsHandler } from '../record-case-facts/record-case-facts.handler';
import { RecordGroupHandler } from '../record-group/record-group.handler';
import { RecordStageChangeHandler } from '../record-stage-change/record-stage-change.handler';
import { SubmitTechnicalOpinionHandler } from './submit-technical-opinion.handler';

const JURISDICTION = '220100';
const OCCUPATION = { code: '6-18-01-01', name: '车工', levels: [5, 4, 3], basis: 'national-standard' as const };

/**
 * The 技术评估意见 use case in-process: the evaluations module wired by @nestjs/testing against the real PostgreSQL
 * (a database of this spec file's own), no service processes and no broker. The case's facts arrive through the
 * message handlers, as they would from Kafka.
 */
describe('submitting the technical opinion (SubmitTechnicalOpinionHandler)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    app = await inProcessApp([
      RuntimeModule.forService(),
      AuthModule.forRoot(),
      DatabaseModule.forService(serviceDatabase),
      AuditModule.forService({ schema: SCHEMA }),
      ServiceConfigModule.of(AssessmentConfig, assessmentConfig),
      MessagingModule.outboxOnly({ service: 'assessment', schema: SCHEMA }),
      StandardsModule,
      EvaluationsModule,
    ]);
    ds = app.get(getDataSourceToken());
    verifier = app.get(TokenVerifier);
  });

  afterAll(async () => {
    await app?.close();
  });

  const tokenOf = (expertId: string) => issueDevToken({ roles: ['expert'], jurisdiction: JURISDICTION, expertId, sub: `expert-${expertId}` });
  const principalOf = async (expertId: string) => verifier.verify(await tokenOf(expertId));

  /** A case at the on-site evaluation with a group of three, the first its leader. */
  async function caseAtOnsite(): Promise<{ caseId: string; experts: string[] }> {
    const caseId = randomUUID();
    const experts = [1, 2, 3].map((i) => `${caseId.slice(0, 8)}-e${i}`);
    const now = new Date().toISOString();
    await ds.transaction(async (m) => {
      await app.get(RecordCaseFactsHandler).execute(m, {
        caseId,
        jurisdiction: JURISDICTION,
        databaseLevel: JURISDICTION,
        applicationKind: 'new-filing',
        applicant: { name: '长春一汽模具制造有限公司', creditCode: '91220101MA0Y3B9X1K', kind: 'employer' },
        occupations: [OCCUPATION],
        groupSize: 3,
        reserves: 2,
        workPlan: '现场技术评估工作方案',
        requestedBy: { subject: 'staff-1', role: 'center-staff', jurisdiction: JURISDICTION },
        requestedAt: now,
      });
      const group = app.get(RecordGroupHandler);
      await group.formed(m, {
        caseId,
        jurisdiction: JURISDICTION,
        groupId: `group-${caseId.slice(0, 8)}`,
        drawId: `draw-${caseId.slice(0, 8)}`,
        databaseLevel: JURISDICTION,
        members: experts.map((expertId, i) => ({ expertId, name: ['张伟', '王芳', '李娜'][i], occupationCodes: [OCCUPATION.code] })),
        reserveCount: 2,
        commitment: 'a'.repeat(64),
        formedAt: now,
      });
      await group.leaderElected(m, {
        caseId,
        jurisdiction: JURISDICTION,
        groupId: `group-${caseId.slice(0, 8)}`,
        leaderExpertId: experts[0],
        votes: 3,
        voters: 3,
        electedAt: now,
      });
      const stage = (to: CaseStage) => ({
        caseId,
        jurisdiction: JURISDICTION,
        to,
        action: 'step',
        actor: { subject: 'review', role: 'center-staff' as const, jurisdiction: JURISDICTION },
        at: now,
      });
      await app.get(RecordStageChangeHandler).execute(m, stage('ONSITE_EVALUATION'));
    });
    return { caseId, experts };
  }

  /** Every sub-item of the case's scope scored at `share` of its maximum. */
  async function sheetAt(caseId: string, share: number) {
    const standard = await app.get(StandardRepository).inForce(ds.manager, 'employer', new Date().toISOString().slice(0, 10));
    const scope = scoringScope(standard!.document, 'new-filing');
    return {
      scores: scope.items.flatMap((i) => i.subItems.map((s) => ({ subItemId: s.id, score: Math.round(s.maxPoints * share * 100) / 100 }))),
      vetoes: [],
      methods: ['听取汇报' as const, '现场查看' as const],
      evidenceNote: `case ${caseId}: 按比例评分`,
    };
  }

  async function submitSheet(caseId: string, expertId: string, share: number): Promise<void> {
    const sheets = app.get(FillScoreSheetHandler);
    const p = await principalOf(expertId);
    await sheets.save(caseId, await sheetAt(caseId, share), p);
    await sheets.submit(caseId, p);
  }

  const rowsOf = async (caseId: string) => ({
    opinions: await ds.query(`SELECT kind, result FROM ${SCHEMA}.opinion WHERE case_id = $1`, [caseId]),
    outbox: await ds.query(`SELECT topic, key, payload FROM ${SCHEMA}.outbox WHERE key = $1 AND topic = $2`, [caseId, Events.opinionSubmitted.topic]),
    audit: await ds.query(`SELECT action FROM ${SCHEMA}.audit_log WHERE case_id = $1 AND action = 'technical-opinion-submitted'`, [caseId]),
  });

  it('waits for every current member: over HTTP a 409 problem naming who is missing, and nothing is stored', async () => {
    const { caseId, experts } = await caseAtOnsite();
    await submitSheet(caseId, experts[1], 0.8);
    const res = await request(app.getHttpServer())
      .post(`/cases/${caseId}/opinions/technical`)
      .set('authorization', `Bearer ${await tokenOf(experts[0])}`)
      .send({ summary: '现场技术评估意见' });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 409, code: 'CONFLICT', waitingFor: [`张伟（${experts[0]}）`, `李娜（${experts[2]}）`] });
    expect(await rowsOf(caseId)).toEqual({ opinions: [], outbox: [], audit: [] });
  });

  it('lets only the leader (组长) submit', async () => {
    const { caseId, experts } = await caseAtOnsite();
    for (const e of experts) await submitSheet(caseId, e, 0.8);
    await expect(app.get(SubmitTechnicalOpinionHandler).execute({ caseId, summary: '意见' }, await principalOf(experts[1]))).rejects.toBeInstanceOf(NotAllowed);
    expect((await rowsOf(caseId)).opinions).toEqual([]);
  });

  it('consolidates the sheets and stores, audits and queues the opinion together, once', async () => {
    const { caseId, experts } = await caseAtOnsite();
    await submitSheet(caseId, experts[0], 0.9);
    await submitSheet(caseId, experts[1], 0.8);
    await submitSheet(caseId, experts[2], 0.7);
    const handler = app.get(SubmitTechnicalOpinionHandler);
    const leader = await principalOf(experts[0]);
    const doc = await handler.execute({ caseId, summary: '现场技术评估意见' }, leader);
    // Three sheets (below ASSESSMENT_TRIM_FROM_MEMBERS): the plain mean, 80 % of 100 points, above the pass line 70.
    expect(doc).toMatchObject({ kind: 'technical', round: 1, result: 'pass', consolidation: { total: 80, vetoed: false } });
    expect(doc.methodsUsed).toEqual(['听取汇报', '现场查看']);
    const rows = await rowsOf(caseId);
    expect(rows.opinions).toEqual([{ kind: 'technical', result: 'pass' }]);
    expect(rows.audit).toHaveLength(1);
    expect(rows.outbox).toHaveLength(1);
    expect(rows.outbox[0].payload).toMatchObject({ caseId, kind: 'technical', result: 'pass' });

    await expect(handler.execute({ caseId, summary: '再次提交' }, leader)).rejects.toBeInstanceOf(MissingPrecondition);
    expect(await rowsOf(caseId)).toEqual(rows);
  });
});
