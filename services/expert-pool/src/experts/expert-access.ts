import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@filing/auth';
import { NotAllowed, NotFound, RuleRefusal } from '@filing/runtime';
import { ExpertPoolConfig } from '../infrastructure/expert-pool.config';

/** Who manages and who reads a level's expert database (专家库); the levels that keep one come from the service's config. */
@Injectable()
export class ExpertAccess {
  constructor(@Inject(ExpertPoolConfig) private readonly config: ExpertPoolConfig) {}

  /**
   * Centre staff manage their own level's database only (each level recruits its own experts). A record of another
   * level is answered as not found (`id` given): its existence is none of the caller's business.
   */
  assertManagesDatabase(p: Principal, level: string, id?: string): void {
    if (!p.hasRole('center-staff')) throw new NotAllowed(`only centre staff of ${level} manage the ${level} expert database`);
    if (p.jurisdiction !== level) {
      if (id) throw new NotFound(`expert ${id} not found`);
      throw new NotAllowed(`only centre staff of ${level} manage the ${level} expert database`);
    }
    if (!this.config.keepsDatabase(level)) throw new RuleRefusal(`jurisdiction ${level} keeps no expert database of its own`);
  }

  /** Centre staff and the discipline officer of a level may read its database; another level's record is not found. */
  assertReadsDatabase(p: Principal, level: string, what?: string): void {
    if (!p.hasRole('center-staff', 'discipline-officer'))
      throw new NotAllowed(`only centre staff or the discipline officer of ${level} read the ${level} expert database`);
    if (p.jurisdiction !== level) {
      if (what) throw new NotFound(`${what} not found`);
      throw new NotAllowed(`only centre staff or the discipline officer of ${level} read the ${level} expert database`);
    }
  }
}
