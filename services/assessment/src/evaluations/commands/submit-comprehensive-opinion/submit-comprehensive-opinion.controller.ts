import { BadRequestException, Body, ConflictException, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { principalActor } from '@filing/audit';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { Opinion } from '../../domain/opinion.entity';
import { OpinionDocument } from '../../domain/opinion-document';
import { EvaluationStore } from '../../evaluation-store';
import { OpinionPublisher } from '../../opinion-publisher';
import { SubmitComprehensiveOpinionRequest } from './submit-comprehensive-opinion.request';

/**
 * The leader records the 综合技术评估意见: the result follows the consolidated scores of the technical opinion (pass
 * at or above the pass line, fail on any veto), and members who disagree have their dissent recorded with it.
 */
@ApiTags('comprehensive review')
@ApiBearerAuth()
@Controller('cases/:caseId/opinions/comprehensive')
export class SubmitComprehensiveOpinionController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EvaluationStore,
    private readonly publisher: OpinionPublisher,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async submit(@Param('caseId') caseId: string, @Body() body: SubmitComprehensiveOpinionRequest, @CurrentPrincipal() principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const ev = await this.store.lockedOrNotFound(manager, caseId);
      const leader = this.store.requireLeader(ev, principal);
      this.store.requireStage(ev, ['ONSITE_EVALUATION', 'COMPREHENSIVE_REVIEW'], 'submit the comprehensive opinion (综合技术评估意见)');
      const technical = await manager.findOneBy(Opinion, { caseId, kind: 'technical' });
      if (!technical) throw new ConflictException(`the technical evaluation opinion (技术评估意见) of case ${caseId} comes first`);
      const dissent = body.dissent ?? [];
      const strangers = dissent.filter((d) => !ev.members.some((m) => m.expertId === d.expertId)).map((d) => d.expertId);
      if (strangers.length) throw new BadRequestException(`dissent can only be recorded for members of the group; not members: ${strangers.join(', ')}`);
      const { standard } = await this.store.pinnedStandard(manager, ev);
      const tech = technical.document as unknown as OpinionDocument;
      return this.publisher.publish(manager, {
        ...this.publisher.header(ev, standard, leader),
        opinionId: randomUUID(),
        kind: 'comprehensive',
        round: 1,
        result: tech.consolidation!.result,
        summary: body.summary,
        reasons: tech.reasons,
        consolidation: tech.consolidation,
        methodsUsed: tech.methodsUsed,
        evidenceNotes: tech.evidenceNotes,
        dissent: dissent.map((d) => ({ expertId: d.expertId, name: ev.members.find((m) => m.expertId === d.expertId)!.name, opinion: d.opinion })),
        technicalOpinionId: technical.id,
        submittedAt: this.clock.now().toISOString(),
      }, principalActor(principal, 'expert'));
    });
  }
}
