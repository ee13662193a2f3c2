import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Expert } from './expert.entity';
import { ImportJob } from './import-job.entity';

// The experts module's queries that several slices share.

/** Which of these ID numbers are already in the level's database (one expert per person per level). */
export async function idNumberTaken(manager: EntityManager, level: string, idNumbers: string[]): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const rows: { id_number: string }[] = await manager.query(`SELECT id_number FROM expert_pool.expert WHERE level = $1 AND id_number = ANY($2)`, [
    level,
    idNumbers,
  ]);
  return new Set(rows.map((r) => r.id_number));
}

/** The experts module's reads for its queries (one expert, one import job, a level's database filtered and paged) and an import's writes. */
@Injectable()
export class ExpertRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<Expert | null> {
    return this.dataSource.getRepository(Expert).findOneBy({ id });
  }

  /** The account an expert record is linked to (null: none yet); undefined for no such record. */
  async accountOf(id: string): Promise<string | null | undefined> {
    const [row] = await this.dataSource.query('SELECT account_subject FROM expert_pool.expert WHERE id = $1', [id]);
    return row ? row.account_subject : undefined;
  }

  /** An import's progress, on its own connection so pollers see it while the import's transaction is still open. */
  async recordImportProgress(job: Pick<ImportJob, 'id' | 'validated' | 'imported'>): Promise<void> {
    await this.dataSource.query(`UPDATE expert_pool.import_job SET validated = $2, imported = $3 WHERE id = $1`, [job.id, job.validated, job.imported]);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The expert row-locked for a command; null for none. */
  async forUpdate(m: EntityManager, id: string): Promise<Expert | null> {
    return m.findOne(Expert, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The expert an account is linked to, if any. */
  async linkedTo(m: EntityManager, accountSubject: string): Promise<Expert | null> {
    return m.findOne(Expert, { where: { accountSubject } });
  }

  async insert(m: EntityManager, expert: Expert): Promise<void> {
    await m.insert(Expert, expert);
  }

  async save(m: EntityManager, expert: Expert): Promise<void> {
    await m.save(expert);
  }

  /** The level's ID numbers among these, outside any transaction (an import validates before it writes). */
  async idNumbersTaken(level: string, idNumbers: string[]): Promise<Set<string>> {
    return idNumberTaken(this.dataSource.manager, level, idNumbers);
  }

  async insertMany(m: EntityManager, experts: Expert[]): Promise<void> {
    await m.insert(Expert, experts);
  }

  async openImportJob(job: ImportJob): Promise<void> {
    await this.dataSource.getRepository(ImportJob).insert(job);
  }

  /** An import's outcome: its status, its final counts and row errors, or why it failed. */
  async finishImportJob(job: ImportJob): Promise<void> {
    await this.dataSource.getRepository(ImportJob).update(job.id, {
      status: job.status,
      validated: job.validated,
      imported: job.imported,
      errors: job.errors,
      failure: job.failure,
      finishedAt: job.finishedAt,
    });
  }

  async importJob(id: string): Promise<ImportJob | null> {
    return this.dataSource.getRepository(ImportJob).findOneBy({ id });
  }

  /** By name then id; `occupation` matches one of the expert's occupation codes, `q` the name or employer's name. */
  async ofLevel(level: string, f: { status?: string; occupation?: string; q?: string; limit?: number; offset?: number }): Promise<[Expert[], number]> {
    const qb = this.dataSource.getRepository(Expert).createQueryBuilder('e').where('e.level = :level', { level });
    if (f.status) qb.andWhere('e.status = :status', { status: f.status });
    if (f.occupation) qb.andWhere('e.occupation_codes @> CAST(:occupation AS jsonb)', { occupation: JSON.stringify([f.occupation]) });
    if (f.q) qb.andWhere(`(e.name ILIKE :q OR e.employer->>'name' ILIKE :q)`, { q: `%${f.q.replace(/[%_\\]/g, '\\$&')}%` });
    return qb
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(f.limit ?? 50)
      .skip(f.offset ?? 0)
      .getManyAndCount();
  }
}
