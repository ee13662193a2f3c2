import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { InvalidCommand } from '@filing/runtime';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { LeaderOpinion } from '../leader-opinion';

export interface SubmitPreliminaryOpinion {
  caseId: string;
  result: 'pass' | 'fail';
  summary: string;
  reasons: string[];
}

/**
 * The leader submits the group's 初评意见 for the current round, with the members' findings of that round. After a
 * return (退回) and resubmission a new round opens and a new opinion is accepted.
 */
@Injectable()
export class SubmitPreliminaryOpinionHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly opinion: LeaderOpinion,
  ) {}

  async execute(cmd: SubmitPreliminaryOpinion, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const opened = await this.opinion.open(
        manager,
        cmd.caseId,
        principal,
        ['GROUP_FORMED', 'PRELIMINARY_REVIEW'],
        'submit the preliminary opinion (初评意见)',
      );
      const { ev } = opened;
      if (cmd.result === 'fail' && cmd.reasons.length === 0)
        throw new InvalidCommand('a failing preliminary opinion needs at least one reason (the materials are returned with them)');
      const findings = await this.evaluations.findingsOfRound(manager, cmd.caseId, ev.preliminaryRound);
      const nameOf = (id: string) => ev.members.find((m) => m.expertId === id)?.name ?? id;
      return this.opinion.publish(
        manager,
        opened,
        {
          kind: 'preliminary',
          round: ev.preliminaryRound,
          result: cmd.result,
          summary: cmd.summary,
          reasons: cmd.reasons,
          findings: findings.map((f) => ({
            expertId: f.expertId,
            name: nameOf(f.expertId),
            subItemId: f.subItemId,
            materialRef: f.materialRef,
            material: f.material,
            text: f.text,
            recordedAt: f.recordedAt.toISOString(),
          })),
        },
        principal,
      );
    });
  }
}
