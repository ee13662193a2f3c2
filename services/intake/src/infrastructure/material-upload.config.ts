import { intakeConfig } from './intake.config';

/** Largest material file accepted, in bytes (MATERIAL_MAX_BYTES, declared in intake.config.ts). */
export function materialMaxBytes(): number {
  return intakeConfig.materialMaxBytes;
}

/** Total bytes of all material versions one application may hold (MATERIAL_QUOTA_BYTES, declared in intake.config.ts). */
export function materialQuotaBytes(): number {
  return intakeConfig.materialQuotaBytes;
}
