import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEV_DRAW_SEED_KEY, DrawSeedCipher } from './draw-seed.cipher';

describe('DrawSeedCipher', () => {
  const key = 'ab'.repeat(32);
  const seed = 'c0ffee'.repeat(10) + 'abcd';

  it('seals a seed so only the same key and draw open it', () => {
    const c = DrawSeedCipher.fromEnv({ DRAW_SEED_KEY: key, NODE_ENV: 'production' });
    const sealed = c.seal('draw-1', seed);
    expect(sealed).toMatch(/^gcm1:/);
    expect(sealed).not.toContain(seed);
    expect(c.seal('draw-1', seed)).not.toBe(sealed); // a fresh IV each time
    expect(c.open('draw-1', sealed)).toBe(seed);
    expect(() => c.open('draw-2', sealed)).toThrow(/does not open/);
    expect(() => DrawSeedCipher.fromEnv({ DRAW_SEED_KEY: 'cd'.repeat(32) }).open('draw-1', sealed)).toThrow(/does not open/);
    expect(() => c.open('draw-1', seed)).toThrow(/not sealed/);
  });

  it('refuses to start in production without a key or with the development key', () => {
    expect(() => DrawSeedCipher.fromEnv({ NODE_ENV: 'production' })).toThrow(/DRAW_SEED_KEY .* required/);
    expect(() => DrawSeedCipher.fromEnv({ NODE_ENV: 'production', DRAW_SEED_KEY: DEV_DRAW_SEED_KEY })).toThrow(/development key is refused/);
    expect(() => DrawSeedCipher.fromEnv({ DRAW_SEED_KEY: 'short' })).toThrow(/must be 32 bytes/);
    expect(DrawSeedCipher.fromEnv({ NODE_ENV: 'development' }).open('d', DrawSeedCipher.fromEnv({}).seal('d', seed))).toBe(seed);
    expect(DrawSeedCipher.fromEnv({ DRAW_SEED_KEY: Buffer.alloc(32, 7).toString('base64') }).seal('d', seed)).toMatch(/^gcm1:/);
  });

  it('reads the key from DRAW_SEED_KEY_FILE', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'seed-key-')), 'draw-seed-key');
    writeFileSync(file, `${key}\n`);
    const sealed = DrawSeedCipher.fromEnv({ NODE_ENV: 'production', DRAW_SEED_KEY_FILE: file }).seal('d', seed);
    expect(DrawSeedCipher.fromEnv({ DRAW_SEED_KEY: key }).open('d', sealed)).toBe(seed);
  });
});
