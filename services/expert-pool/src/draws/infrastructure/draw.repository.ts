import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Principal } from '@filing/auth';
import { NotFound } from '@filing/runtime';
import { Draw } from './draw.entity';

/** The draws module's SQL: the draw row locked for a command, its writes, and the reads of the queries. */
@Injectable()
export class DrawRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The draw, row-locked; `secrets` also loads the snapshot, the seed and the exclusions (never loaded by default). */
  async forUpdate(m: EntityManager, id: string, opts: { secrets?: boolean } = {}): Promise<Draw> {
    const qb = m.createQueryBuilder(Draw, 'd').setLock('pessimistic_write').where('d.id = :id', { id });
    if (opts.secrets) qb.addSelect(['d.snapshot', 'd.seed', 'd.exclusions']);
    const d = await qb.getOne();
    if (!d) throw new NotFound(`draw ${id} not found`);
    return d;
  }

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

  /** A case's formed groups (kicked off, with or without their leader), in the consumer's transaction. */
  async formedOfCase(m: EntityManager, caseId: string): Promise<Draw[]> {
    return m
      .createQueryBuilder(Draw, 'd')
      .where('d.case_id = :caseId', { caseId })
      .andWhere('d.status IN (:...formed)', { formed: ['FORMED', 'LEADER_ELECTED'] })
      .getMany();
  }

  async setStatus(m: EntityManager, id: string, status: Draw['status'], version: number): Promise<void> {
    await m.update(Draw, { id }, { status, version });
  }

  /** A targeted update: `save` of an entity loaded without the snapshot could write it back as null. */
  async markSeedRevealed(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(Draw, { id }, { seedRevealedAt: at });
  }

  /** One draw without its secrets. */
  async byId(id: string): Promise<Draw | null> {
    return this.dataSource.getRepository(Draw).findOneBy({ id });
  }

  /** One draw with its avoidance record (the exclusions are never loaded by default). */
  async withExclusions(id: string): Promise<Draw | null> {
    return this.dataSource.getRepository(Draw).createQueryBuilder('d').addSelect('d.exclusions').where('d.id = :id', { id }).getOne();
  }

  /** One draw with its snapshot and sealed seed, for the public verification. */
  async withSnapshotAndSeed(id: string): Promise<Draw | null> {
    return this.dataSource.getRepository(Draw).createQueryBuilder('d').addSelect(['d.snapshot', 'd.seed']).where('d.id = :id', { id }).getOne();
  }

  /**
   * The draws the caller deals with: the officer's queue at their level, the centre's requests for its jurisdiction,
   * an expert's invitations (as member or reserve); oldest request first, at most 500.
   */
  async dealtWithBy(p: Principal, filter: { status?: string; caseId?: string }): Promise<Draw[]> {
    const qb = this.dataSource.getRepository(Draw).createQueryBuilder('d');
    qb.where(
      new Brackets((w) => {
        w.where('1 = 0');
        if (p.hasRole('discipline-officer')) w.orWhere('d.database_level = :j', { j: p.jurisdiction });
        if (p.hasRole('center-staff')) w.orWhere('(d.case_jurisdiction = :j OR d.database_level = :j)', { j: p.jurisdiction });
        if (p.hasRole('expert') && p.expertId) {
          const me = JSON.stringify([{ expertId: p.expertId }]);
          w.orWhere('(d.members @> CAST(:me AS jsonb) OR d.reserves @> CAST(:me AS jsonb))', { me });
        }
      }),
    );
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.caseId) qb.andWhere('d.case_id = :caseId', { caseId: filter.caseId });
    return qb.orderBy('d.requested_at', 'ASC').take(500).getMany();
  }
}
