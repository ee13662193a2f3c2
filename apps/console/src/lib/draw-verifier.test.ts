import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalJson, verifyDrawLocally, type PublishedDraw } from './draw-verifier';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
// Draws made by expert-pool's own code, in its own process: the console imports none of it.
const vectors: PublishedDraw[] = JSON.parse(
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'tools/console/draw-vectors.ts', '8'], { cwd: root, encoding: 'utf8' }),
);

describe('the browser-side draw verifier', () => {
  it('re-runs draws made by the service and finds them matching (snapshot versions 1 and 2)', async () => {
    expect(vectors.map((v) => v.snapshot.version)).toContain(1);
    for (const v of vectors) {
      const r = await verifyDrawLocally(v);
      expect(r.mismatches).toEqual([]);
      expect(r).toMatchObject({ match: true, recomputed: { commitment: v.commitment, members: v.result.members, reserves: v.result.reserves } });
    }
  });

  it('finds a mismatch when the snapshot is altered: one expert removed from the pool', async () => {
    const v = structuredClone(vectors[3]);
    v.snapshot.pool = v.snapshot.pool.filter((p) => p.expertId !== v.result.members[0]);
    const r = await verifyDrawLocally(v);
    expect(r.match).toBe(false);
    expect(r.mismatches[0]).toMatch(/^承诺值不符/);
  });

  it('finds a mismatch when the published members or the officer entropy differ', async () => {
    const swapped = structuredClone(vectors[2]);
    swapped.result.members = [...swapped.result.members].reverse();
    expect((await verifyDrawLocally(swapped)).mismatches).toEqual([expect.stringMatching(/^抽取成员不符/)]);
    const entropy = structuredClone(vectors[2]);
    entropy.officerEntropy += '!';
    const r = await verifyDrawLocally(entropy);
    expect(r.match).toBe(false);
    expect(r.mismatches.some((m) => m.startsWith('承诺值不符'))).toBe(false);
  });

  it('refuses a malformed seed or an unknown snapshot version in Chinese', async () => {
    expect(await verifyDrawLocally({ ...vectors[1], seed: 'abc' })).toEqual({ match: false, mismatches: ['种子（seed）应为 64 位十六进制字符'] });
    expect((await verifyDrawLocally({ ...vectors[1], snapshot: { ...vectors[1].snapshot, version: 3 as never } })).mismatches[0]).toMatch(/快照版本 3/);
  });

  it('hashes canonical JSON: keys sorted at every depth, undefined left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":"é","z":1}]},"b":1}');
  });
});
