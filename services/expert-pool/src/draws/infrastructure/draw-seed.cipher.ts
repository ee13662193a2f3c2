import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The draw's secret seed is kept encrypted at rest (AES-256-GCM, key DRAW_SEED_KEY: 32 bytes as 64 hex characters or
 * base64), so a database dump or a read-only database role does not give away a group before its seed is revealed.
 * DRAW_SEED_KEY_FILE names a file holding the key instead (docker compose generates one at first start).
 * The draw id is the additional authenticated data: a sealed seed copied onto another draw does not open.
 * Stored form: `gcm1:` + base64(iv 12 bytes ‖ tag 16 bytes ‖ ciphertext).
 */
export const SEALED_PREFIX = 'gcm1:';

/** Public on purpose, like the development token secret: production refuses it. */
export const DEV_DRAW_SEED_KEY = 'dev-only-draw-seed-key-never-in-production-0001';

export class DrawSeedCipher {
  private constructor(private readonly key: Buffer) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): DrawSeedCipher {
    const file = env.DRAW_SEED_KEY_FILE?.trim();
    const raw = (file ? readFileSync(file, 'utf8') : env.DRAW_SEED_KEY)?.trim();
    const production = env.NODE_ENV === 'production';
    if (!raw || raw === DEV_DRAW_SEED_KEY) {
      if (production)
        throw new Error('configuration: DRAW_SEED_KEY (32 bytes, hex or base64) is required with NODE_ENV=production; the development key is refused');
      return new DrawSeedCipher(Buffer.from(DEV_DRAW_SEED_KEY.padEnd(32, '0').slice(0, 32), 'utf8'));
    }
    const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new Error(`configuration: DRAW_SEED_KEY must be 32 bytes (64 hex characters or base64), got ${key.length} bytes`);
    return new DrawSeedCipher(key);
  }

  static isSealed(value: string): boolean {
    return value.startsWith(SEALED_PREFIX);
  }

  seal(drawId: string, seed: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(drawId, 'utf8'));
    const ct = Buffer.concat([cipher.update(seed, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
  }

  /** The plain seed; fails when the value was not sealed for this draw with this key. */
  open(drawId: string, sealed: string): string {
    if (!DrawSeedCipher.isSealed(sealed)) throw new Error(`draw ${drawId}: the seed is not sealed (run the migrations)`);
    const buf = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));
    decipher.setAAD(Buffer.from(drawId, 'utf8'));
    decipher.setAuthTag(buf.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(`draw ${drawId}: the seed does not open with DRAW_SEED_KEY (another key, or altered)`);
    }
  }
}

/** Read at start-up: a missing or development key in production stops the process before it serves. */
export const drawSeedCipher = DrawSeedCipher.fromEnv();
