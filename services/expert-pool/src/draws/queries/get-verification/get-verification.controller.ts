import { DrawSeedCipher, drawSeedCipher } from '../../infrastructure/draw-seed.cipher';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotFound } from '@filing/runtime';
import { Public } from '@filing/auth';
import { PublishedDraw, verifyDraw } from '../../domain/draw-verification';
import { DrawRepository } from '../../infrastructure/draw.repository';

/**
 * Public: before the reveal, the commitment only; after it, everything needed to re-run the draw (snapshot, seed,
 * officer entropy, result as drawn) and the server's own re-run. Save `published` to a file and run the CLI to check
 * it independently.
 */
@ApiTags('verification')
@Public()
@Controller('draws')
export class GetVerificationController {
  constructor(private readonly draws: DrawRepository) {}

  @Get(':id/verification')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const d = await this.draws.withSnapshotAndSeed(id);
    if (!d || !d.commitment) throw new NotFound(`draw ${id} has no commitment`);
    const head = {
      drawId: d.id,
      caseId: d.caseId,
      databaseLevel: d.databaseLevel,
      commitment: d.commitment,
      snapshotHash: d.snapshotHash,
      committedAt: d.committedAt,
      drawnAt: d.drawnAt,
    };
    if (!d.seedRevealedAt) return { ...head, state: 'sealed', note: 'the seed is revealed after the comprehensive opinion' };
    const published: PublishedDraw = {
      snapshot: d.snapshot!,
      commitment: d.commitment,
      seed: drawSeedCipher.open(d.id, d.seed!),
      officerEntropy: d.officerEntropy!,
      result: { members: d.drawnMembers!, reserves: d.drawnReserves! },
    };
    const report = verifyDraw(published);
    return {
      ...head,
      state: 'revealed',
      seedRevealedAt: d.seedRevealedAt,
      report: { match: report.match, mismatches: report.mismatches },
      replacements: d.replacements.map((r) => ({ replacedExpertId: r.replacedExpertId, replacementExpertId: r.replacementExpertId, cause: r.cause, at: r.at })),
      superseded: d.supersededCommitments.map((s) => ({ ...s, seed: DrawSeedCipher.isSealed(s.seed) ? drawSeedCipher.open(d.id, s.seed) : s.seed })),
      published,
    };
  }
}
