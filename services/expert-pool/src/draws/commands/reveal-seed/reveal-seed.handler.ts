import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditActor, AuditLog, AuditEventSource, eventActor } from '@filing/audit';
import { CaseRejected, Events, OpinionSubmitted } from '@filing/contracts';
import { OutboxWriter, UnprocessableEventError } from '@filing/messaging';
import { Clock } from '@filing/runtime';
import { Draw } from '../../infrastructure/draw.entity';
import { drawSeedCipher } from '../../infrastructure/draw-seed.cipher';
import { DrawRepository } from '../../infrastructure/draw.repository';

/**
 * Reveal after: once the comprehensive opinion (综合技术评估意见) is in, the evaluation is over and the draw's seed is
 * published so anyone can verify it. A case that ends early (rejected) reveals drawn seeds too and cancels the draws
 * whose group has not been formed. Runs in the consumer's transaction.
 */
@Injectable()
export class RevealSeedHandler {
  private readonly logger = new Logger('RevealSeed');

  constructor(
    private readonly draws: DrawRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async afterOpinion(m: EntityManager, e: OpinionSubmitted, source: AuditEventSource): Promise<void> {
    if (e.kind !== 'comprehensive') return;
    const n = await revealSeeds(this.draws, m, this.outbox, await drawsOfCase(this.draws, m, e.caseId, e.jurisdiction), this.clock.now(), {
      log: this.audit,
      actor: eventActor(source, e.jurisdiction),
    });
    this.logger.log(`comprehensive opinion for case ${e.caseId}: ${n} draw seed(s) revealed`);
  }

  async afterRejection(m: EntityManager, e: CaseRejected, source: AuditEventSource): Promise<void> {
    const draws = await drawsOfCase(this.draws, m, e.caseId, e.jurisdiction);
    // A group not yet formed will never meet; a formed one stays as it was, on record.
    for (const d of draws.filter((x) => x.status === 'QUEUED' || x.status === 'COMMITTED' || x.status === 'DRAWN')) {
      d.status = 'CANCELLED';
      await this.draws.setStatus(m, d.id, d.status, d.version + 1);
    }
    await revealSeeds(this.draws, m, this.outbox, draws, this.clock.now(), { log: this.audit, actor: eventActor(source, e.jurisdiction) });
  }
}

/** The case's draws, locked; an event naming another jurisdiction than the one the draws were made for is refused. */
async function drawsOfCase(repo: DrawRepository, m: EntityManager, caseId: string, jurisdiction: string): Promise<Draw[]> {
  const draws = await repo.ofCaseLockedWithSeed(m, caseId);
  const other = draws.find((d) => d.caseJurisdiction !== jurisdiction);
  // Inconsistent case data cannot be fixed by retrying: dead-letter it for an operator rather than reveal or cancel.
  if (other) throw new UnprocessableEventError(`case ${caseId} was requested for jurisdiction ${other.caseJurisdiction}, the event says ${jurisdiction}`);
  return draws;
}

/** Reveals the seeds of drawn, unrevealed draws; returns how many. */
async function revealSeeds(
  repo: DrawRepository,
  m: EntityManager,
  outbox: OutboxWriter,
  draws: Draw[],
  now: Date,
  audit: { log: AuditLog; actor: AuditActor },
): Promise<number> {
  let revealed = 0;
  for (const d of draws) {
    if (!d.drawnAt || d.seedRevealedAt || !d.seed || !d.commitment) continue;
    d.seedRevealedAt = now;
    const seed = drawSeedCipher.open(d.id, d.seed);
    // A targeted update: `save` of an entity loaded without the snapshot could write it back as null.
    await repo.markSeedRevealed(m, d.id, now);
    await outbox.add(m, Events.drawSeedRevealed, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      drawId: d.id,
      commitment: d.commitment,
      seed,
      revealedAt: now.toISOString(),
    });
    await audit.log.append(m, {
      caseId: d.caseId,
      jurisdiction: d.caseJurisdiction,
      action: 'seed-revealed',
      actor: audit.actor,
      at: now.toISOString(),
      details: { drawId: d.id, commitment: d.commitment, seed },
    });
    revealed++;
  }
  return revealed;
}
