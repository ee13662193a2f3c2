import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Events, findJurisdiction, PROVINCE_CODE } from '@filing/contracts';
import { Principal } from '@filing/auth';
import { OutboxWriter } from '@filing/messaging';
import { ExpertRequestData } from '../../infrastructure/case.entity';
import { LifecycleStep } from '../lifecycle-step';
import { actorOf, loadForStaff } from '../staff-access';
import { CaseRepository } from '../../infrastructure/case.repository';
import { RequestExpertsRequest } from './request-experts.request';
import { InvalidCommand } from '@filing/runtime';

/**
 * The centre submits its work plan and expert requirements; the discipline officer (机关纪委) of the database level
 * draws the group in expert-pool.
 */
@Injectable()
export class RequestExpertsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepper: LifecycleStep,
    private readonly cases: CaseRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async request(id: string, body: RequestExpertsRequest, p: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const c = await loadForStaff(this.cases, manager, id, p, 'center-staff');
      const applied = c.occupations.map((o) => o.code);
      const codes = body.occupationCodes ?? applied;
      const foreign = codes.filter((code) => !applied.includes(code));
      if (foreign.length) throw new InvalidCommand(`occupationCodes not applied for in this case: ${foreign.join(', ')} (applied: ${applied.join(', ')})`);
      const covered = c.occupations.filter((o) => codes.includes(o.code));
      if (body.groupSize < covered.length) throw new InvalidCommand(`groupSize ${body.groupSize} cannot cover ${covered.length} occupations`);
      // A city that keeps no expert database of its own draws from the province's (docs/domain.md §0.4).
      const databaseLevel = findJurisdiction(c.jurisdiction)?.hasOwnExpertDatabase ? c.jurisdiction : PROVINCE_CODE;
      const request: ExpertRequestData = {
        workPlan: body.workPlan,
        groupSize: body.groupSize,
        reserves: body.reserves,
        occupationCodes: codes,
        databaseLevel,
        ...(body.maxPerEmployer !== undefined ? { maxPerEmployer: body.maxPerEmployer } : {}),
        ...(body.plannedOnsiteDate ? { plannedOnsiteDate: body.plannedOnsiteDate } : {}),
      };
      const actor = actorOf(p, 'center-staff');
      const { after } = await this.stepper.step(
        manager,
        { caseId: id, action: 'request-experts', actor, by: p.roles, details: { ...request }, changes: () => ({ expertRequest: request }) },
        c,
      );
      await this.outbox.add(manager, Events.expertGroupRequested, {
        caseId: id,
        jurisdiction: c.jurisdiction,
        databaseLevel,
        applicationKind: c.applicationKind,
        applicant: { name: c.institution.name, creditCode: c.institution.creditCode, kind: c.institution.kind },
        occupations: covered,
        groupSize: body.groupSize,
        reserves: body.reserves,
        maxPerEmployer: body.maxPerEmployer,
        workPlan: body.workPlan,
        plannedOnsiteDate: body.plannedOnsiteDate,
        requestedBy: actor,
        requestedAt: after.stageEnteredAt.toISOString(),
      });
      return { id: after.id, stage: after.stage, version: after.version, expertRequest: request };
    });
  }
}
