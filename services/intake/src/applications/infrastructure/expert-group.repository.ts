import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ExpertGroup } from './expert-group.entity';

/** Intake's copy of each case's expert group (who may read the materials), as expert-pool reports it. */
@Injectable()
export class ExpertGroupRepository {
  async ofCase(m: EntityManager, applicationId: string): Promise<ExpertGroup | null> {
    return m.findOneBy(ExpertGroup, { applicationId });
  }

  /** The case's group locked for update, or a new empty one (a replacement may arrive before the group-formed event). */
  async forUpdate(m: EntityManager, applicationId: string): Promise<ExpertGroup> {
    const found = await m.findOne(ExpertGroup, { where: { applicationId }, lock: { mode: 'pessimistic_write' } });
    return found ?? Object.assign(new ExpertGroup(), { applicationId, formation: null, replacements: [], members: [] });
  }

  async save(m: EntityManager, group: ExpertGroup): Promise<void> {
    await m.save(ExpertGroup, group);
  }
}
