import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEvent } from './case-event.entity';

/** The applicant's timeline (case_event): what review and publication reported about the case, oldest first. */
@Injectable()
export class TimelineRepository {
  async add(m: EntityManager, entry: CaseEvent): Promise<void> {
    await m.insert(CaseEvent, entry as object);
  }

  async ofApplication(m: EntityManager, applicationId: string): Promise<CaseEvent[]> {
    return m.find(CaseEvent, { where: { applicationId }, order: { occurredAt: 'ASC', eventId: 'ASC' } });
  }
}
