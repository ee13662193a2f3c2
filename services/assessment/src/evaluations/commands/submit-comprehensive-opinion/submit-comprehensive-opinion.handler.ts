import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { InvalidCommand, MissingPrecondition } from '@filing/runtime';
import { OpinionDocument } from '../../domain/opinion-document';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { LeaderOpinion } from '../leader-opinion';

export interface SubmitComprehensiveOpinion {
  caseId: string;
  summary: string;
  dissent: { expertId: string; opinion: string }[];
}

/**
 * The leader records the 综合技术评估意见: the result follows the consolidated scores of the technical opinion (pass
 * at or above the pass line, fail on any veto), and members who disagree have their dissent recorded with it.
 */
@Injectable()
export class SubmitComprehensiveOpinionHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly opinion: LeaderOpinion,
  ) {}

  async execute(cmd: SubmitComprehensiveOpinion, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const opened = await this.opinion.open(
        manager,
        cmd.caseId,
        principal,
        ['ONSITE_EVALUATION', 'COMPREHENSIVE_REVIEW'],
        'submit the comprehensive opinion (综合技术评估意见)',
      );
      const { ev } = opened;
      const technical = await this.evaluations.opinion(manager, cmd.caseId, 'technical');
      if (!technical) throw new MissingPrecondition(`the technical evaluation opinion (技术评估意见) of case ${cmd.caseId} comes first`);
      const strangers = cmd.dissent.filter((d) => !ev.members.some((m) => m.expertId === d.expertId)).map((d) => d.expertId);
      if (strangers.length) throw new InvalidCommand(`dissent can only be recorded for members of the group; not members: ${strangers.join(', ')}`);
      const tech = technical.document as unknown as OpinionDocument;
      return this.opinion.publish(
        manager,
        opened,
        {
          kind: 'comprehensive',
          round: 1,
          result: tech.consolidation!.result,
          summary: cmd.summary,
          reasons: tech.reasons,
          consolidation: tech.consolidation,
          methodsUsed: tech.methodsUsed,
          evidenceNotes: tech.evidenceNotes,
          dissent: cmd.dissent.map((d) => ({ expertId: d.expertId, name: ev.members.find((m) => m.expertId === d.expertId)!.name, opinion: d.opinion })),
          technicalOpinionId: technical.id,
        },
        principal,
      );
    });
  }
}
