import { BadRequestException, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { Finding } from '../../domain/finding.entity';
import { EvaluationStore } from '../../evaluation-store';
import { OpinionPublisher } from '../../opinion-publisher';
import { SubmitPreliminaryOpinionRequest } from './submit-preliminary-opinion.request';

/**
 * The leader submits the group's 初评意见 for the current round. After a return (退回) and resubmission a new round
 * opens and a new opinion is accepted.
 */
@ApiTags('preliminary review')
@ApiBearerAuth()
@Controller('cases/:caseId/opinions/preliminary')
export class SubmitPreliminaryOpinionController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EvaluationStore,
    private readonly publisher: OpinionPublisher,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async submit(@Param('caseId') caseId: string, @Body() body: SubmitPreliminaryOpinionRequest, @CurrentPrincipal() principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.store.lockedOrNotFound(manager, caseId);
      const leader = this.store.requireLeader(ev, principal);
      this.store.requireStage(ev, ['GROUP_FORMED', 'PRELIMINARY_REVIEW'], 'submit the preliminary opinion (初评意见)');
      if (body.result === 'fail' && body.reasons.length === 0) throw new BadRequestException('a failing preliminary opinion needs at least one reason (the materials are returned with them)');
      const { standard } = await this.store.pinnedStandard(manager, ev);
      const findings = await manager.find(Finding, { where: { caseId, round: ev.preliminaryRound }, order: { recordedAt: 'ASC' } });
      const nameOf = (id: string) => ev.members.find((m) => m.expertId === id)?.name ?? id;
      return this.publisher.publish(manager, {
        ...this.publisher.header(ev, standard, leader),
        opinionId: randomUUID(),
        kind: 'preliminary',
        round: ev.preliminaryRound,
        result: body.result,
        summary: body.summary,
        reasons: body.reasons,
        findings: findings.map((f) => ({ expertId: f.expertId, name: nameOf(f.expertId), subItemId: f.subItemId, materialRef: f.materialRef, text: f.text, recordedAt: f.recordedAt.toISOString() })),
        submittedAt: this.clock.now().toISOString(),
      }, principalActor(principal, 'expert'));
    });
  }
}
