import { intEnv } from '@filing/runtime';

/** Largest material file accepted, in bytes (MATERIAL_MAX_BYTES; 20 MB by default). */
export function materialMaxBytes(): number {
  const n = intEnv('MATERIAL_MAX_BYTES', 20 * 1024 * 1024);
  if (n < 1) throw new Error('configuration: MATERIAL_MAX_BYTES must be positive');
  return n;
}
