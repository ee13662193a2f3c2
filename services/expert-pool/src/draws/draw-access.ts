import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@filing/auth';
import { Draw } from './infrastructure/draw.entity';

/** The discipline officer (机关纪委) of the database's level draws. */
export function isOfficer(d: Draw, p: Principal): boolean {
  return p.hasRole('discipline-officer') && p.jurisdiction === d.databaseLevel;
}

export function isMember(d: Draw, p: Principal): boolean {
  return p.hasRole('expert') && !!p.expertId && d.members.some((m) => m.expertId === p.expertId);
}

export function isReserve(d: Draw, p: Principal): boolean {
  return p.hasRole('expert') && !!p.expertId && d.reserves.some((m) => m.expertId === p.expertId);
}

/** Centre staff of the case's jurisdiction, or of the database's level. */
export function isCentreStaff(d: Draw, p: Principal): boolean {
  return p.hasRole('center-staff') && (p.jurisdiction === d.caseJurisdiction || p.jurisdiction === d.databaseLevel);
}

export function assertOfficer(d: Draw, p: Principal): void {
  if (!isOfficer(d, p)) throw new ForbiddenException(`only the discipline officer of ${d.databaseLevel} acts on this draw`);
}

/** The draw, row-locked; `secrets` also loads the snapshot, the seed and the exclusions (never loaded by default). */
export async function drawForUpdate(m: EntityManager, id: string, opts: { secrets?: boolean } = {}): Promise<Draw> {
  const qb = m.createQueryBuilder(Draw, 'd').setLock('pessimistic_write').where('d.id = :id', { id });
  if (opts.secrets) qb.addSelect(['d.snapshot', 'd.seed', 'd.exclusions']);
  const d = await qb.getOne();
  if (!d) throw new NotFoundException(`draw ${id} not found`);
  return d;
}
