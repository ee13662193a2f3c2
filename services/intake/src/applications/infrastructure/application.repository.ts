import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import type { ApplicationStatus } from '../domain/application-status';
import type { ListScope } from '../domain/access-policy';
import { Application } from './application.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ApplicationFilter {
  status?: ApplicationStatus;
  jurisdiction?: string;
  limit?: number;
  offset?: number;
}

/** Intake's applications (申请): the rows every case starts from. */
@Injectable()
export class ApplicationRepository {
  async byId(m: EntityManager, id: string): Promise<Application | null> {
    return m.findOneBy(Application, { id });
  }

  /** Locked for update: a command or an event about the case changes it. Null for an id that is not a UUID. */
  async forUpdate(m: EntityManager, id: string): Promise<Application | null> {
    return UUID.test(id) ? m.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  }

  async insert(m: EntityManager, application: Application): Promise<void> {
    await m.insert(Application, application);
  }

  async update(m: EntityManager, id: string, changes: Partial<Application>): Promise<void> {
    await m.update(Application, { id }, changes);
  }

  /** The applications a caller may list (own credit codes, jurisdictions, or all), newest first, with the total. */
  async list(m: EntityManager, scope: ListScope, filter: ApplicationFilter): Promise<{ rows: Application[]; total: number }> {
    const qb = m.getRepository(Application).createQueryBuilder('a');
    qb.where(
      new Brackets((w) => {
        w.where('false');
        if (scope.creditCodes.length) w.orWhere('a.credit_code IN (:...codes)', { codes: scope.creditCodes });
        if (scope.jurisdictions === 'all') w.orWhere('true');
        else if (scope.jurisdictions.length) w.orWhere('a.jurisdiction IN (:...jurisdictions)', { jurisdictions: scope.jurisdictions });
      }),
    );
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.jurisdiction) qb.andWhere('a.jurisdiction = :j', { j: filter.jurisdiction });
    qb.orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id')
      .take(filter.limit ?? 50)
      .skip(filter.offset ?? 0);
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total };
  }
}
