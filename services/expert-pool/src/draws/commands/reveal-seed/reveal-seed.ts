import { EntityManager } from 'typeorm';
import { AuditActor, AuditLog } from '@filing/audit';
import { Events } from '@filing/contracts';
import { OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { Draw } from '../../infrastructure/draw.entity';

/** The case's draws, locked; an event naming another jurisdiction than the one the draws were made for is refused. */
export async function drawsOfCase(m: EntityManager, caseId: string, jurisdiction: string): Promise<Draw[]> {
  const draws = await m.createQueryBuilder(Draw, 'd').setLock('pessimistic_write').addSelect('d.seed').where('d.case_id = :caseId', { caseId }).getMany();
  const other = draws.find((d) => d.caseJurisdiction !== jurisdiction);
  // Inconsistent case data cannot be fixed by retrying: dead-letter it for an operator rather than reveal or cancel.
  if (other) throw new UnprocessableEventError(`case ${caseId} was requested for jurisdiction ${other.caseJurisdiction}, the event says ${jurisdiction}`);
  return draws;
}

/** Reveals the seeds of drawn, unrevealed draws; returns how many. */
export async function revealSeeds(m: EntityManager, outbox: OutboxWriter, draws: Draw[], now: Date, audit: { log: AuditLog; actor: AuditActor }): Promise<number> {
  let revealed = 0;
  for (const d of draws) {
    if (!d.drawnAt || d.seedRevealedAt || !d.seed || !d.commitment) continue;
    d.seedRevealedAt = now;
    // A targeted update: `save` of an entity loaded without the snapshot could write it back as null.
    await m.update(Draw, { id: d.id }, { seedRevealedAt: now });
    await outbox.add(m, Events.drawSeedRevealed, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      drawId: d.id,
      commitment: d.commitment,
      seed: d.seed,
      revealedAt: now.toISOString(),
    });
    await audit.log.append(m, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      action: 'seed-revealed',
      actor: audit.actor,
      at: now.toISOString(),
      details: { drawId: d.id, commitment: d.commitment, seed: d.seed },
    });
    revealed++;
  }
  return revealed;
}
