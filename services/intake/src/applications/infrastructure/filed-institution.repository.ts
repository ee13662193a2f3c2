import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RegisterStatus } from '@filing/contracts';
import { FiledInstitution } from './filed-institution.entity';

/** Intake's read model of the register (备案机构): who may apply to add occupations, learnt from publication's events. */
@Injectable()
export class FiledInstitutionRepository {
  async validFilingsOf(m: EntityManager, creditCode: string): Promise<FiledInstitution[]> {
    return m.findBy(FiledInstitution, { creditCode, status: 'valid' });
  }

  /** A filed institution, once per filing (a redelivered filing or import changes nothing). */
  async register(m: EntityManager, row: FiledInstitution): Promise<void> {
    await m.createQueryBuilder().insert().into(FiledInstitution).values(row).orIgnore().execute();
  }

  async changeStatus(m: EntityManager, creditCode: string, status: RegisterStatus, name: string): Promise<void> {
    await m.update(FiledInstitution, { creditCode }, { status, name });
  }
}
