import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Application } from './application.entity';
import { CaseEvent } from './case-event.entity';
import { FiledInstitution } from './filed-institution.entity';

/** The applicant's timeline (case_event), the application's status columns it moves, and the register of filings. */
@Injectable()
export class TimelineRepository {
  async add(m: EntityManager, entry: CaseEvent): Promise<void> {
    await m.insert(CaseEvent, entry as object);
  }

  async ofApplication(m: EntityManager, applicationId: string): Promise<CaseEvent[]> {
    return m.find(CaseEvent, { where: { applicationId }, order: { occurredAt: 'ASC', eventId: 'ASC' } });
  }

  async updateApplication(m: EntityManager, id: string, changes: Partial<Application>): Promise<void> {
    await m.update(Application, { id }, changes);
  }

  /** A filed institution, once per filing (a redelivered filing changes nothing). */
  async registerFiling(m: EntityManager, row: FiledInstitution): Promise<void> {
    await m.createQueryBuilder().insert().into(FiledInstitution).values(row).orIgnore().execute();
  }
}
