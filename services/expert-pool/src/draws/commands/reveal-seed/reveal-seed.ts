import { EntityManager } from 'typeorm';
import { Events } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Draw } from '../../infrastructure/draw.entity';

/** Reveals the seeds of a case's drawn, unrevealed draws; returns how many. */
export async function revealSeeds(m: EntityManager, outbox: OutboxWriter, caseId: string, now: Date): Promise<number> {
  const draws = await m.find(Draw, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
  let revealed = 0;
  for (const d of draws) {
    if (!d.drawnAt || d.seedRevealedAt || !d.seed || !d.commitment) continue;
    d.seedRevealedAt = now;
    await m.save(Draw, d);
    await outbox.add(m, Events.drawSeedRevealed, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      drawId: d.id,
      commitment: d.commitment,
      seed: d.seed,
      revealedAt: now.toISOString(),
    });
    revealed++;
  }
  return revealed;
}
