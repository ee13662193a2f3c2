import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { findJurisdiction, JURISDICTIONS } from '@filing/contracts';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, InvalidCommand, NotAllowed, RuleRefusal } from '@filing/runtime';
import { IdempotencyStore } from '../../../idempotency/infrastructure/idempotency.store';
import { Application } from '../../infrastructure/application.entity';
import { checklistFor } from '../../domain/checklist';
import { creditCodeCheckCharacter, creditCodeProblem } from '@filing/contracts';
import { ApplicationRepository } from '../../infrastructure/application.repository';
import { FiledInstitutionRepository } from '../../infrastructure/filed-institution.repository';
import { CreateApplicationRequest } from './create-application.request';

/** 机构申报, step 1: the applicant opens a draft application; materials are uploaded to it, then it is submitted. */
@Injectable()
export class CreateApplicationHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly applications: ApplicationRepository,
    private readonly register: FiledInstitutionRepository,
  ) {}

  async create(body: CreateApplicationRequest, principal: Principal, idempotencyKey: string | undefined) {
    this.checkApplicant(body, principal);
    const outcome = await this.dataSource.transaction((manager) =>
      this.idempotency.once(manager, `${principal.sub}|${principal.creditCode}`, idempotencyKey, 'create-application', body, async () => {
        await this.checkExistingFiling(manager, body);
        return this.open(manager, body, principal);
      }),
    );
    // The adapter says so in a header when this answer is a replay of the first one.
    return outcome;
  }

  private checkApplicant(body: CreateApplicationRequest, principal: Principal): void {
    if (!findJurisdiction(body.jurisdiction)) {
      throw new InvalidCommand(
        `jurisdiction ${body.jurisdiction} is not a Jilin filing jurisdiction; known: ${JURISDICTIONS.map((j) => `${j.code} ${j.name}`).join(', ')}`,
      );
    }
    const code = body.institution.creditCode;
    const problem = creditCodeProblem(code);
    if (problem) {
      const detail = problem === 'check-character' ? `its check character should be ${creditCodeCheckCharacter(code.slice(0, 17))}` : problem;
      throw new InvalidCommand(`institution.creditCode ${code} is not a valid 统一社会信用代码 (GB 32100-2015): ${detail}`);
    }
    if (principal.creditCode !== code) {
      throw new NotAllowed(`your account is bound to credit code ${principal.creditCode ?? '(none)'}; it cannot apply for ${code}`);
    }
    const seen = new Set<string>();
    for (const o of body.occupations) {
      const id = `${o.code}/${o.workType ?? ''}`;
      if (seen.has(id)) throw new InvalidCommand(`occupation ${o.code}${o.workType ? ` (${o.workType})` : ''} is listed twice`);
      seen.add(id);
    }
    if (body.applicationKind === 'add-occupation' && !body.existingFilingNumber) {
      throw new InvalidCommand('existingFilingNumber is required for add-occupation: the 备案通知文号 or the 备案编号 of the existing filing');
    }
    if (body.applicationKind === 'new-filing' && body.existingFilingNumber) {
      throw new InvalidCommand('existingFilingNumber belongs to add-occupation applications only');
    }
  }

  /** Add-occupation is open only to an institution with a valid filing, learnt from publication's filing events. */
  private async checkExistingFiling(manager: EntityManager, body: CreateApplicationRequest): Promise<void> {
    if (body.applicationKind !== 'add-occupation') return;
    const filings = await this.register.validFilingsOf(manager, body.institution.creditCode);
    if (filings.length === 0) {
      throw new RuleRefusal(`institution ${body.institution.creditCode} has no valid filing; add-occupation is for filed institutions only`);
    }
    // Either number identifies the filing: the 备案通知文号 (noticeNumber) or the 备案编号 (filingNumber).
    if (!filings.some((f) => f.noticeNumber === body.existingFilingNumber || f.filingNumber === body.existingFilingNumber)) {
      const known = filings.map((f) => `备案通知文号 ${f.noticeNumber}${f.filingNumber ? ` / 备案编号 ${f.filingNumber}` : ''}`);
      throw new RuleRefusal(
        `existingFilingNumber ${body.existingFilingNumber} is not a filing of ${body.institution.creditCode}; its filings: ${known.join(', ')}`,
      );
    }
  }

  private async open(manager: EntityManager, body: CreateApplicationRequest, principal: Principal) {
    const now = this.clock.now();
    const application = Object.assign(new Application(), {
      id: randomUUID(),
      applicationKind: body.applicationKind,
      jurisdiction: body.jurisdiction,
      creditCode: body.institution.creditCode,
      institution: body.institution,
      occupations: body.occupations,
      existingFilingNumber: body.existingFilingNumber ?? null,
      status: 'DRAFT',
      round: 0,
      returnCount: 0,
      caseStage: null,
      caseStageAt: null,
      createdBy: principal.sub,
      createdAt: now,
      submittedAt: null,
      resubmittedAt: null,
    } satisfies Application);
    await this.applications.insert(manager, application);
    await this.audit.append(manager, {
      caseId: application.id,
      jurisdiction: application.jurisdiction,
      action: 'application-opened',
      toStage: 'DRAFT',
      actor: principalActor(principal, 'applicant'),
      at: now.toISOString(),
      details: {
        applicationKind: application.applicationKind,
        creditCode: application.creditCode,
        institution: application.institution.name,
        occupations: application.occupations.map((o) => o.code),
      },
    });
    return {
      id: application.id,
      status: application.status,
      applicationKind: application.applicationKind,
      jurisdiction: application.jurisdiction,
      createdAt: now.toISOString(),
      checklist: checklistFor(application.applicationKind, application.institution.kind),
    };
  }
}
