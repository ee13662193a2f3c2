import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseStageChanged, OpinionSubmitted } from '@filing/contracts';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { ExpertNotifications } from '../../infrastructure/expert-notifications';

/**
 * Tells the members of a case's formed group what the evaluation asks of them next (ADR 0019): their score sheets
 * when the case enters the on-site evaluation (现场技术评估, review.case.stage-changed.v1 to ONSITE_EVALUATION), and
 * that the group's opinion was submitted (assessment.opinion.submitted.v1). Expert-pool holds the members' contact
 * data, so the request is made here, in the consumer's transaction; the dedupe key is the transition or the opinion.
 */
@Injectable()
export class TellGroupHandler {
  private readonly logger = new Logger('TellGroup');

  constructor(
    private readonly draws: DrawRepository,
    private readonly notifications: ExpertNotifications,
  ) {}

  async onStageChanged(m: EntityManager, e: CaseStageChanged): Promise<void> {
    if (e.to !== 'ONSITE_EVALUATION') return;
    for (const d of await this.groupsOf(m, e.caseId, e.jurisdiction)) {
      await this.notifications.tell(
        m,
        d,
        d.members.map((x) => x.expertId),
        'score-sheet-due',
        `${d.id}|onsite|${e.at}`,
        { openedAt: e.at },
        `/expert/cases/${d.caseId}`,
      );
      this.logger.log(`case ${e.caseId}: on-site evaluation open, ${d.members.length} member(s) told their score sheets are due`);
    }
  }

  async onOpinion(m: EntityManager, e: OpinionSubmitted): Promise<void> {
    for (const d of await this.groupsOf(m, e.caseId, e.jurisdiction)) {
      await this.notifications.tell(
        m,
        d,
        d.members.map((x) => x.expertId),
        'opinions-submitted',
        `${d.id}|opinion|${e.opinionId}`,
        { opinionKind: e.kind, result: e.result, submittedAt: e.submittedAt },
        `/expert/cases/${d.caseId}`,
      );
    }
  }

  /** The case's formed groups; a group made for another jurisdiction than the event's is not this case's (ignored). */
  private async groupsOf(m: EntityManager, caseId: string, jurisdiction: string) {
    return (await this.draws.formedOfCase(m, caseId)).filter((d) => d.caseJurisdiction === jurisdiction);
  }
}
