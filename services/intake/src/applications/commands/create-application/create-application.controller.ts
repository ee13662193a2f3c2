import { BadRequestException, Body, Controller, ForbiddenException, Headers, HttpCode, Post, Res, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { findJurisdiction, JURISDICTIONS } from '@filing/contracts';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { IdempotencyStore } from '../../../idempotency/idempotency.store';
import { Application } from '../../domain/application.entity';
import { checklistFor } from '../../domain/checklist';
import { creditCodeCheckCharacter, creditCodeProblem } from '../../domain/credit-code';
import { FiledInstitution } from '../../domain/filed-institution.entity';
import { CreateApplicationRequest } from './create-application.request';

/** 机构申报, step 1: the applicant opens a draft application; materials are uploaded to it, then it is submitted. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class CreateApplicationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('applicant')
  @ApiOperation({ summary: 'Open a draft application (new filing or add-occupation) for the caller’s institution' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the same application' })
  async create(
    @Body() body: CreateApplicationRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    this.checkApplicant(body, principal);
    const outcome = await this.dataSource.transaction((manager) =>
      this.idempotency.once(manager, `${principal.sub}|${principal.creditCode}`, idempotencyKey, 'create-application', body, async () => {
        await this.checkExistingFiling(manager, body);
        return this.open(manager, body, principal);
      }),
    );
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return outcome.result;
  }

  private checkApplicant(body: CreateApplicationRequest, principal: Principal): void {
    if (!findJurisdiction(body.jurisdiction)) {
      throw new BadRequestException(
        `jurisdiction ${body.jurisdiction} is not a Jilin filing jurisdiction; known: ${JURISDICTIONS.map((j) => `${j.code} ${j.name}`).join(', ')}`,
      );
    }
    const code = body.institution.creditCode;
    const problem = creditCodeProblem(code);
    if (problem) {
      const detail = problem === 'check-character' ? `its check character should be ${creditCodeCheckCharacter(code.slice(0, 17))}` : problem;
      throw new BadRequestException(`institution.creditCode ${code} is not a valid 统一社会信用代码 (GB 32100-2015): ${detail}`);
    }
    if (principal.creditCode !== code) {
      throw new ForbiddenException(`your account is bound to credit code ${principal.creditCode ?? '(none)'}; it cannot apply for ${code}`);
    }
    const seen = new Set<string>();
    for (const o of body.occupations) {
      const id = `${o.code}/${o.workType ?? ''}`;
      if (seen.has(id)) throw new BadRequestException(`occupation ${o.code}${o.workType ? ` (${o.workType})` : ''} is listed twice`);
      seen.add(id);
    }
    if (body.applicationKind === 'add-occupation' && !body.existingFilingNumber) {
      throw new BadRequestException('existingFilingNumber is required for add-occupation: the 备案通知文号 or the 备案编号 of the existing filing');
    }
    if (body.applicationKind === 'new-filing' && body.existingFilingNumber) {
      throw new BadRequestException('existingFilingNumber belongs to add-occupation applications only');
    }
  }

  /** Add-occupation is open only to an institution with a valid filing, learnt from publication's filing events. */
  private async checkExistingFiling(manager: EntityManager, body: CreateApplicationRequest): Promise<void> {
    if (body.applicationKind !== 'add-occupation') return;
    const filings = await manager.findBy(FiledInstitution, { creditCode: body.institution.creditCode, status: 'valid' });
    if (filings.length === 0) {
      throw new UnprocessableEntityException(`institution ${body.institution.creditCode} has no valid filing; add-occupation is for filed institutions only`);
    }
    // Either number identifies the filing: the 备案通知文号 (noticeNumber) or the 备案编号 (filingNumber).
    if (!filings.some((f) => f.noticeNumber === body.existingFilingNumber || f.filingNumber === body.existingFilingNumber)) {
      const known = filings.map((f) => `备案通知文号 ${f.noticeNumber}${f.filingNumber ? ` / 备案编号 ${f.filingNumber}` : ''}`);
      throw new UnprocessableEntityException(
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
    await manager.insert(Application, application);
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
