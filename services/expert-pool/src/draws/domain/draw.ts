import { createHash } from 'node:crypto';
import { HmacDrbg, shuffledPositions } from './hmac-drbg';
import { commitmentOf, DrawSnapshot, snapshotHash } from './draw-snapshot';
import { SelectedGroup, selectGroupInOrder } from './group-selection';

/** Domain separation: these bytes make this generator's output useless for anything but an expert draw. */
const PERSONALIZATION = 'jl-filing/expert-draw/v1';

/**
 * The generator for one draw: HMAC-DRBG (SHA-256) instantiated with the secret seed as entropy input, the officer's
 * entropy (hashed, so any text works) as nonce, and the snapshot hash as personalization, so the order is bound to
 * the committed pool.
 */
export function drawGenerator(seedHex: string, officerEntropy: string, snapshotHashHex: string): HmacDrbg {
  const nonce = createHash('sha256').update(officerEntropy, 'utf8').digest();
  const personalization = Buffer.concat([Buffer.from(PERSONALIZATION, 'utf8'), Buffer.from(snapshotHashHex, 'hex')]);
  return new HmacDrbg(Buffer.from(seedHex, 'hex'), nonce, personalization);
}

export interface DrawOutcome extends SelectedGroup {
  snapshotHash: string;
  commitment: string;
}

/**
 * The draw itself: shuffle the snapshot's pool with the generator, then seat members and rank reserves.
 * `committedHash`: the snapshot hash recorded with the commitment, when the caller holds it (the draw handler reads
 * both from the committed row), saving a second pass over a large pool; a verifier never passes it, it recomputes.
 */
export function runDraw(snapshot: DrawSnapshot, seedHex: string, officerEntropy: string, committedHash?: string): DrawOutcome {
  const hash = committedHash ?? snapshotHash(snapshot);
  // The order is the pool in shuffled positions: the same order as shuffle(pool, …), never laid out as an array.
  const positions = shuffledPositions(snapshot.pool.length, drawGenerator(seedHex, officerEntropy, hash));
  const group = selectGroupInOrder(snapshot.pool, positions, snapshot.requirements, snapshot.version);
  return { ...group, snapshotHash: hash, commitment: commitmentOf(hash, seedHex) };
}
