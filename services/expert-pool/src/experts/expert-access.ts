import { ForbiddenException, UnprocessableEntityException } from '@nestjs/common';
import { Principal } from '@filing/auth';
import { expertPoolConfig } from '../infrastructure/expert-pool.config';

/** Centre staff manage their own level's database only (each level recruits its own experts). */
export function assertManagesDatabase(p: Principal, level: string): void {
  if (!p.hasRole('center-staff') || p.jurisdiction !== level) {
    throw new ForbiddenException(`only centre staff of ${level} manage the ${level} expert database`);
  }
  if (!expertPoolConfig.keepsDatabase(level)) throw new UnprocessableEntityException(`jurisdiction ${level} keeps no expert database of its own`);
}

/** Centre staff and the discipline officer of a level may read its database. */
export function assertReadsDatabase(p: Principal, level: string): void {
  if (!p.hasRole('center-staff', 'discipline-officer') || p.jurisdiction !== level) {
    throw new ForbiddenException(`only centre staff or the discipline officer of ${level} read the ${level} expert database`);
  }
}
