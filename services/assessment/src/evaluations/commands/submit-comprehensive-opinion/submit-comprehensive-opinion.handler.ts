import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@filing/auth';
import { Clock, InvalidCommand, MissingPrecondition } from '@filing/runtime';
import { OpinionDocument } from '../../domain/opinion-document';
import { concludePlenary, PlenaryInput } from '../../domain/plenary-conclusion';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';
import { LeaderOpinion } from '../leader-opinion';

export interface SubmitComprehensiveOpinion {
  caseId: string;
  summary: string;
  dissent: { expertId: string; opinion: string }[];
  plenary: PlenaryInput;
}

/**
 * The leader records the 综合技术评估意见 the plenary meeting (综合评审会) reached: the meeting, the group's result — which
 * departs from the technical opinion's score arithmetic only with a recorded reason, and never passes over a veto —
 * and an outcome per applied occupation and level. Members who disagree have their dissent recorded with it. After
 * the provincial re-check sent an opinion back to the group, the next round is submitted the same way.
 */
@Injectable()
export class SubmitComprehensiveOpinionHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly opinion: LeaderOpinion,
    private readonly clock: Clock,
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
      const concluded = concludePlenary(cmd.plenary, {
        members: ev.members,
        leaderExpertId: opened.leader.expertId,
        applied: (ev.occupations ?? []).map((o) => ({ code: o.code, name: o.name, workType: o.workType, levels: o.levels })),
        scoreResult: tech.consolidation!.result,
        vetoed: tech.consolidation!.vetoed,
        today: this.clock.today(),
      });
      if (!concluded.ok) throw new InvalidCommand({ message: `综合技术评估意见不能提交：${concluded.problems.join('；')}`, problems: concluded.problems });
      const { conclusion } = concluded;
      return this.opinion.publish(
        manager,
        opened,
        {
          kind: 'comprehensive',
          round: ev.comprehensiveRound,
          result: conclusion.result,
          summary: cmd.summary,
          reasons: [...tech.reasons, ...(conclusion.overrideReason ? [`综合评审结论与评分结果不一致的理由：${conclusion.overrideReason}`] : [])],
          plenary: conclusion,
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
