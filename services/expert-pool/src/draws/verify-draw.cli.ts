// Verifies a published draw offline, with no service and no database:
//   node -r @swc-node/register services/expert-pool/src/draws/verify-draw.cli.ts <file.json>
// The file is the `published` object of GET /draws/:id/verification, or that whole response.
// Exit code 0 on a match, 1 on a mismatch, 2 when the file cannot be read.
import { readFileSync } from 'node:fs';
import { PublishedDraw, verifyDraw } from './domain/draw-verification';

export function verifyFile(path: string): { code: number; text: string } {
  let published: PublishedDraw;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    published = raw.published ?? raw;
    if (!published.snapshot || !published.result) throw new Error('expected { snapshot, commitment, seed, officerEntropy, result }');
  } catch (err) {
    return { code: 2, text: `cannot read ${path}: ${(err as Error).message}` };
  }
  const report = verifyDraw(published);
  if (report.match) {
    return {
      code: 0,
      text:
        `MATCH: draw ${published.snapshot.drawId} (case ${published.snapshot.caseId}) recomputed from ${published.snapshot.pool.length} eligible experts\n` +
        `  commitment ${report.recomputed!.commitment}\n  members    ${report.recomputed!.members.join(', ')}\n  reserves   ${report.recomputed!.reserves.join(', ')}`,
    };
  }
  return { code: 1, text: `MISMATCH:\n${report.mismatches.map((m) => `  - ${m}`).join('\n')}` };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: verify-draw.cli.ts <published-draw.json>\n');
    process.exit(2);
  }
  const { code, text } = verifyFile(file);
  (code === 0 ? process.stdout : process.stderr).write(`${text}\n`);
  process.exit(code);
}
