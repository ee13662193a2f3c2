import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseStageChanged } from '@filing/contracts';
import { EvaluationRepository } from '../../infrastructure/evaluation.repository';

/**
 * Review owns the stage; assessment records it to know what the group may do. A return (退回) opens a new
 * preliminary round, so the leader can submit a new 初评意见 once the applicant has resubmitted; a comprehensive opinion sent back
 * by the provincial re-check opens a new comprehensive round.
 */
@Injectable()
export class RecordStageChangeHandler {
  constructor(private readonly evaluations: EvaluationRepository) {}

  async execute(manager: EntityManager, e: CaseStageChanged): Promise<void> {
    const ev = await this.evaluations.ensureLocked(manager, e.caseId);
    ev.jurisdiction = ev.jurisdiction ?? e.jurisdiction;
    ev.stage = e.to;
    if (e.to === 'RETURNED') ev.preliminaryRound += 1;
    // The provincial re-check sent the comprehensive opinion back to the group: the plenary concludes again.
    if (e.from === 'PROVINCIAL_RECHECK_COMPREHENSIVE' && e.to === 'COMPREHENSIVE_REVIEW') ev.comprehensiveRound += 1;
    await this.evaluations.save(manager, ev);
  }
}
