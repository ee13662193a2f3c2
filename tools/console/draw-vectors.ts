// Published draws made by expert-pool's own draw code (services/expert-pool/src/draws/domain), printed as JSON: the
// console's browser-side verifier is checked against them (apps/console/src/lib/draw-verifier.test.ts).
import { randomBytes } from 'node:crypto';
import { buildSnapshot } from '../../services/expert-pool/src/draws/domain/draw-snapshot';
import { runDraw } from '../../services/expert-pool/src/draws/domain/draw';

const OCCUPATIONS = ['6-18-01-01', '6-18-02-04', '6-31-01-03', '4-10-01-03'];

function vector(i: number) {
  const size = 12 + i * 7;
  const pool = Array.from({ length: size }, (_, k) => ({
    expertId: `e-${i}-${String(k).padStart(3, '0')}-${randomBytes(3).toString('hex')}`,
    employer: `emp-${k % Math.max(4, Math.floor(size / 2))}`,
    occupationCodes: [OCCUPATIONS[k % 4], OCCUPATIONS[(k + i + 1) % 4]],
  }));
  const snapshot = buildSnapshot({
    drawId: `draw-${i}`,
    caseId: `case-${i}`,
    databaseLevel: '220100',
    requirements: { groupSize: 3 + 2 * (i % 2), reserves: 2, maxPerEmployer: 1 + (i % 2), occupationCodes: OCCUPATIONS.slice(0, 1 + (i % 3)) },
    pool,
  });
  if (i === 0) snapshot.version = 1;
  const seed = randomBytes(32).toString('hex');
  const officerEntropy = `骰子 ${i} ${randomBytes(4).toString('hex')}`;
  const outcome = runDraw(snapshot, seed, officerEntropy);
  return {
    snapshot,
    commitment: outcome.commitment,
    seed,
    officerEntropy,
    result: { members: outcome.members.map((m) => m.expertId), reserves: outcome.reserves.map((r) => r.expertId) },
  };
}

process.stdout.write(JSON.stringify(Array.from({ length: Number(process.argv[2] ?? 6) }, (_, i) => vector(i))));
