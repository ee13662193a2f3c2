import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Draw } from './draw.entity';

/** Writes of the draw row (reads under lock are `drawForUpdate` in draw-access.ts). */
@Injectable()
export class DrawRepository {
  async save(m: EntityManager, d: Draw): Promise<Draw> {
    return m.save(Draw, d);
  }

  async insert(m: EntityManager, d: Draw): Promise<void> {
    await m.insert(Draw, d);
  }

  /** A case's draws, row-locked, with their sealed seeds. */
  async ofCaseLockedWithSeed(m: EntityManager, caseId: string): Promise<Draw[]> {
    return m.createQueryBuilder(Draw, 'd').setLock('pessimistic_write').addSelect('d.seed').where('d.case_id = :caseId', { caseId }).getMany();
  }

  async setStatus(m: EntityManager, id: string, status: Draw['status'], version: number): Promise<void> {
    await m.update(Draw, { id }, { status, version });
  }

  /** A targeted update: `save` of an entity loaded without the snapshot could write it back as null. */
  async markSeedRevealed(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(Draw, { id }, { seedRevealedAt: at });
  }
}
