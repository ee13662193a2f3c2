import { createHmac } from 'node:crypto';

const OUTLEN = 32; // SHA-256
/** Bytes produced per generate request before the state is refreshed (NIST SP 800-90A allows up to 2^19 bits). */
const BYTES_PER_REQUEST = 1024;

/**
 * HMAC_DRBG with SHA-256 (NIST SP 800-90A §10.1.2), without reseeding: a deterministic generator, so anyone holding
 * the same inputs gets the same bytes. The draw's order comes from it, never from Math.random.
 */
/** SHA-256 round constants (FIPS 180-4 §4.2.2). */
const K256 = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV256 = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** One SHA-256 compression of the 16 words in w[0..15] into `state` (in place); w is the 64-word schedule buffer. */
function compress(state: Int32Array, w: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15];
    const y = w[t - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
  }
  let a = state[0],
    b = state[1],
    c = state[2],
    d = state[3],
    e = state[4],
    f = state[5],
    g = state[6],
    h = state[7];
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K256[t] + w[t]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
  state[5] = (state[5] + f) | 0;
  state[6] = (state[6] + g) | 0;
  state[7] = (state[7] + h) | 0;
}

/**
 * HMAC-SHA256 under one 32-byte key of 32-byte messages, the generate loop's only operation (V = HMAC(K, V), 32 times
 * per 1024-byte request). The key's inner and outer pad blocks are compressed once, so each HMAC is two compressions
 * instead of node:crypto's four plus a context per call. Same bytes as createHmac (the spec checks it).
 */
class Hmac32 {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly state = new Int32Array(8);
  private readonly w = new Int32Array(64);

  constructor(key: Buffer) {
    for (const [pad, into] of [
      [0x36363636, this.inner],
      [0x5c5c5c5c, this.outer],
    ] as const) {
      for (let i = 0; i < 16; i++) this.w[i] = (i < 8 ? key.readInt32BE(4 * i) : 0) ^ pad;
      into.set(IV256);
      compress(into, this.w);
    }
  }

  /** words := HMAC(key, words) for 8 big-endian words (32 bytes). */
  apply(words: Int32Array): void {
    const { w, state } = this;
    // The second block of a 64 + 32-byte message: the 32 bytes, 0x80, zeros, the length in bits (768).
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < 8; i++) w[i] = words[i];
      w[8] = 0x80000000 | 0;
      for (let i = 9; i < 15; i++) w[i] = 0;
      w[15] = 768;
      state.set(pass === 0 ? this.inner : this.outer);
      compress(state, w);
      words.set(state);
    }
  }
}

export class HmacDrbg {
  private k: Buffer = Buffer.alloc(OUTLEN, 0x00);
  private v: Buffer = Buffer.alloc(OUTLEN, 0x01);
  /** The current request's output as 32-bit words; `offset` words of it are used. */
  private readonly words = new Int32Array(BYTES_PER_REQUEST / 4);
  private offset = BYTES_PER_REQUEST / 4;

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
    if (this.offset >= this.words.length) this.refill();
    return this.words[this.offset++] >>> 0;
  }

  /**
   * generate(BYTES_PER_REQUEST) read as big-endian 32-bit words, which are SHA-256's own state words: the same
   * stream, without the bytes in between (the draw of 100,000 experts takes ~400 such requests).
   */
  private refill(): void {
    const hmac = new Hmac32(this.k);
    const v = new Int32Array(8);
    for (let i = 0; i < 8; i++) v[i] = this.v.readInt32BE(4 * i);
    for (let block = 0; block < BYTES_PER_REQUEST / OUTLEN; block++) {
      hmac.apply(v);
      this.words.set(v, block * 8);
    }
    this.v = Buffer.alloc(OUTLEN);
    for (let i = 0; i < 8; i++) this.v.writeInt32BE(v[i], 4 * i);
    this.update();
    this.offset = 0;
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

/**
 * Fisher–Yates (Durstenfeld) shuffle of the positions 0…n−1, driven by the generator: the swaps run in a typed array
 * (no object writes for 100,000 experts). `shuffle` lays items out in this order.
 */
export function shuffledPositions(n: number, rng: HmacDrbg): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.uniformInt(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** Fisher–Yates shuffle of a copy of `items`, driven by the generator (the order of shuffledPositions). */
export function shuffle<T>(items: readonly T[], rng: HmacDrbg): T[] {
  const a = shuffledPositions(items.length, rng);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = items[a[i]];
  return out;
}
