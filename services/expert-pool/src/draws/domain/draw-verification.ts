import { DrawSnapshot } from './draw-snapshot';
import { runDraw } from './draw';

/** Everything published about a draw once its seed is revealed: enough for anyone to re-run it. */
export interface PublishedDraw {
  snapshot: DrawSnapshot;
  commitment: string;
  seed: string;
  officerEntropy: string;
  result: { members: string[]; reserves: string[] };
}

export interface VerificationReport {
  match: boolean;
  /** What did not match, in plain words; empty on a match. */
  mismatches: string[];
  recomputed?: { snapshotHash: string; commitment: string; members: string[]; reserves: string[] };
}

/** Re-runs a published draw and compares: commitment (snapshot + seed), then members and reserves in order. */
export function verifyDraw(published: PublishedDraw): VerificationReport {
  const mismatches: string[] = [];
  if (!/^[0-9a-f]{64}$/.test(published.seed ?? '')) return { match: false, mismatches: ['seed is not 64 hex characters'] };
  if (![1, 2].includes(published.snapshot?.version)) {
    return { match: false, mismatches: [`snapshot version ${String(published.snapshot?.version)} is unknown to this verifier (it knows 1 and 2)`] };
  }
  let outcome;
  try {
    outcome = runDraw(published.snapshot, published.seed, published.officerEntropy);
  } catch (err) {
    return { match: false, mismatches: [`the draw cannot be re-run from this snapshot: ${(err as Error).message}`] };
  }
  const members = outcome.members.map((m) => m.expertId);
  const reserves = outcome.reserves.map((r) => r.expertId);
  if (outcome.commitment !== published.commitment) {
    mismatches.push(`commitment mismatch: sha-256(snapshot hash ‖ seed) is ${outcome.commitment}, the published commitment is ${published.commitment}`);
  }
  if (members.join() !== published.result.members.join()) {
    mismatches.push(`members mismatch: recomputed ${members.join(', ')}; published ${published.result.members.join(', ')}`);
  }
  if (reserves.join() !== published.result.reserves.join()) {
    mismatches.push(`reserves mismatch: recomputed ${reserves.join(', ')}; published ${published.result.reserves.join(', ')}`);
  }
  return { match: mismatches.length === 0, mismatches, recomputed: { snapshotHash: outcome.snapshotHash, commitment: outcome.commitment, members, reserves } };
}
