import { ConfigVariable, Settings } from '@filing/runtime';

/** Every variable intake reads of its own (the shared ones are the runtime's and messaging's). */
export const INTAKE_VARIABLES: readonly ConfigVariable[] = [
  { name: 'MATERIAL_MAX_BYTES', default: String(20 * 1024 * 1024), shown: '20 MB', meaning: 'intake: largest material file, in bytes' },
  { name: 'MATERIAL_QUOTA_BYTES', default: String(200 * 1024 * 1024), shown: '200 MB', meaning: 'intake: all material versions of one application, in bytes' },
  { name: 'MATERIAL_UPLOAD_DIR', shown: '(system temp)', meaning: 'intake: where uploads stream to before they are stored' },
];

/** Intake's settings, read and checked once at start-up and injected where they are used. */
export class IntakeConfig {
  readonly materialMaxBytes: number;
  readonly materialQuotaBytes: number;

  constructor(source: NodeJS.ProcessEnv = process.env) {
    const settings = new Settings(INTAKE_VARIABLES, source);
    this.materialMaxBytes = settings.int('MATERIAL_MAX_BYTES');
    if (this.materialMaxBytes < 1) throw new Error('configuration: MATERIAL_MAX_BYTES must be positive');
    this.materialQuotaBytes = settings.int('MATERIAL_QUOTA_BYTES');
    if (this.materialQuotaBytes < 1) throw new Error('configuration: MATERIAL_QUOTA_BYTES must be positive');
  }
}

/** Read and checked once, when the process starts; provided to Nest as IntakeConfig (app.module.ts). */
export const intakeConfig = new IntakeConfig();
