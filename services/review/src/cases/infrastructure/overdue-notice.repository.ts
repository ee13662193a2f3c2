import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { CaseStage } from '@filing/contracts';
import { reviewInstance } from '../../infrastructure/review.config';
import { ReviewCase } from './case.entity';

/** The open cases the overdue check (督办) looks at, and the notices it already requested. */
@Injectable()
export class OverdueNoticeRepository {
  private readonly s = reviewInstance.schema;

  /** Every case of this instance in one of the stages, longest waiting first. */
  async inStages(manager: EntityManager, stages: readonly CaseStage[]): Promise<ReviewCase[]> {
    return manager.getRepository(ReviewCase).find({ where: { stage: In([...stages]) }, order: { stageEnteredAt: 'ASC' } });
  }

  /** Records the notice for this stay of the case in the stage; false when it was already requested. */
  async claim(manager: EntityManager, n: { caseId: string; stage: CaseStage; stageEnteredAt: Date; dueDate: string; at: Date }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.s}.overdue_notice (case_id, stage, stage_entered_at, due_date, noticed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING case_id`,
      [n.caseId, n.stage, n.stageEnteredAt, n.dueDate, n.at],
    );
    return rows.length === 1;
  }
}
