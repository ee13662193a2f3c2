import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: the receipt is read out over the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 异议受理回执号, e.g. YY-20251009-7K3M9Q2P: the day received and 8 random characters (not guessable). */
export function newReceiptNumber(today: string): string {
  let random = '';
  for (let i = 0; i < 8; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `YY-${today.replace(/-/g, '')}-${random}`;
}
