import { createHmac } from 'node:crypto';

const OUTLEN = 32; // SHA-256
/** Bytes produced per generate request before the state is refreshed (NIST SP 800-90A allows up to 2^19 bits). */
const BYTES_PER_REQUEST = 1024;

/**
 * HMAC_DRBG with SHA-256 (NIST SP 800-90A §10.1.2), without reseeding: a deterministic generator, so anyone holding
 * the same inputs gets the same bytes. The draw's order comes from it, never from Math.random.
 */
export class HmacDrbg {
  private k: Buffer = Buffer.alloc(OUTLEN, 0x00);
  private v: Buffer = Buffer.alloc(OUTLEN, 0x01);
  private buffer: Buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(entropy: Buffer, nonce: Buffer, personalization: Buffer = Buffer.alloc(0)) {
    if (entropy.length < 32) throw new Error('HMAC-DRBG needs at least 256 bits of entropy input');
    this.update(Buffer.concat([entropy, nonce, personalization]));
  }

  private hmac(key: Buffer, ...parts: Buffer[]): Buffer {
    const h = createHmac('sha256', key);
    for (const p of parts) h.update(p);
    return h.digest();
  }

  private update(provided?: Buffer): void {
    const data = provided ?? Buffer.alloc(0);
    this.k = this.hmac(this.k, this.v, Buffer.from([0x00]), data);
    this.v = this.hmac(this.k, this.v);
    if (data.length === 0) return;
    this.k = this.hmac(this.k, this.v, Buffer.from([0x01]), data);
    this.v = this.hmac(this.k, this.v);
  }

  /** One generate request of `length` bytes, followed by the state update the standard requires. */
  generate(length: number): Buffer {
    const out = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      this.v = this.hmac(this.k, this.v);
      filled += this.v.copy(out, filled, 0, Math.min(OUTLEN, length - filled));
    }
    this.update();
    return out;
  }

  /** The next 32-bit unsigned integer of the stream (big-endian), drawn from fixed-size generate requests. */
  nextUint32(): number {
    if (this.offset + 4 > this.buffer.length) {
      this.buffer = this.generate(BYTES_PER_REQUEST);
      this.offset = 0;
    }
    const n = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return n;
  }

  /**
   * A uniform integer in [0, n) by rejection sampling: values at or above the largest multiple of n below 2^32 are
   * thrown away, so `u % n` has no modulo bias.
   */
  uniformInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) throw new Error(`uniformInt: bound ${n} out of range`);
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const u = this.nextUint32();
      if (u < limit) return u % n;
    }
  }
}

/** Fisher–Yates (Durstenfeld) shuffle of a copy of `items`, driven by the generator. */
export function shuffle<T>(items: readonly T[], rng: HmacDrbg): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.uniformInt(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
