import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { CaseStage } from '@filing/contracts';
import { ReviewCase } from './case.entity';

/** Reads and writes of the case row. */
@Injectable()
export class CaseRepository {
  /** A new case, as the application submitted it. */
  async insert(manager: EntityManager, c: Partial<ReviewCase>): Promise<void> {
    await manager.insert(ReviewCase, c);
  }

  async load(manager: EntityManager, caseId: string): Promise<ReviewCase | null> {
    return manager.getRepository(ReviewCase).findOneBy({ id: caseId });
  }

  /** The cases of a jurisdiction in the given stages, longest waiting first (the work queue). */
  async inStages(manager: EntityManager, jurisdiction: string, stages: readonly CaseStage[]): Promise<ReviewCase[]> {
    return manager.getRepository(ReviewCase).find({ where: { jurisdiction, stage: In([...stages]) }, order: { stageEnteredAt: 'ASC' } });
  }

  /** An applicant's own cases, by the credit code (统一社会信用代码) they applied under, oldest first. */
  async ofApplicant(manager: EntityManager, creditCode: string): Promise<ReviewCase[]> {
    return manager
      .getRepository(ReviewCase)
      .createQueryBuilder('c')
      .where(`c.institution->>'creditCode' = :creditCode`, { creditCode })
      .orderBy('c.submitted_at', 'ASC')
      .getMany();
  }

  /** The case locked for update: consumers change it only under the row lock, so no update of theirs is lost. */
  async loadLocked(manager: EntityManager, caseId: string): Promise<ReviewCase | null> {
    return manager.getRepository(ReviewCase).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Applies the changes only if nobody changed the case since `version` was read (optimistic lock); false if someone did. */
  async updateIfUnchanged(manager: EntityManager, id: string, version: number, changes: Partial<ReviewCase>): Promise<boolean> {
    const result = await manager.createQueryBuilder().update(ReviewCase).set(changes).where('id = :id AND version = :version', { id, version }).execute();
    return result.affected === 1;
  }

  /** Writes `changes` only if the case is still at the version read (the version goes up by one). */
  async updateAtVersion(manager: EntityManager, c: ReviewCase, changes: Partial<ReviewCase>): Promise<void> {
    // Under the row lock this cannot fail; if it does, the transaction retries rather than overwrite a newer case.
    if (!(await this.updateIfUnchanged(manager, c.id, c.version, changes))) throw new Error(`case ${c.id} changed while it was locked (version ${c.version})`);
  }
}
