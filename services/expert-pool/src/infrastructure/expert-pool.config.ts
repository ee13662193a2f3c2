import { findJurisdiction, JURISDICTIONS } from '@filing/contracts';
import { env, intEnv } from '@filing/runtime';

/**
 * Which levels keep an expert database (专家库) and the draw's rules. The database list defaults to
 * jurisdictions.json (hasOwnExpertDatabase); EXPERT_DATABASE_LEVELS (comma-separated codes) replaces it.
 */
export class ExpertPoolConfig {
  readonly databaseLevels: readonly string[];
  /** Smallest group (odd). */
  readonly minGroupSize = intEnv('DRAW_MIN_GROUP_SIZE', 3);
  /** Fewest ranked reserves per draw. */
  readonly minReserves = intEnv('DRAW_MIN_RESERVES', 2);
  /** Members per employer when the request names no cap. */
  readonly defaultMaxPerEmployer = intEnv('DRAW_MAX_PER_EMPLOYER', 1);
  /** Former employment at the applicant ending within this many years is a conflict. */
  readonly formerEmployerYears = intEnv('AVOID_FORMER_EMPLOYER_YEARS', 3);
  /** Serving the same applicant within this many months is a conflict. */
  readonly recentServiceMonths = intEnv('AVOID_RECENT_SERVICE_MONTHS', 24);
  /** Imports up to this many rows are answered when done; larger ones return a job to poll. */
  readonly importSyncMaxRows = intEnv('IMPORT_SYNC_MAX_ROWS', 500);

  constructor() {
    const configured = env('EXPERT_DATABASE_LEVELS', '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    for (const c of configured) if (!findJurisdiction(c)) throw new Error(`configuration: EXPERT_DATABASE_LEVELS entry ${c} is not a known jurisdiction`);
    this.databaseLevels = configured.length ? configured : JURISDICTIONS.filter((j) => j.hasOwnExpertDatabase).map((j) => j.code);
    if (this.minGroupSize < 3 || this.minGroupSize % 2 === 0) throw new Error('configuration: DRAW_MIN_GROUP_SIZE must be odd and at least 3');
  }

  keepsDatabase(level: string): boolean {
    return this.databaseLevels.includes(level);
  }
}

export const expertPoolConfig = new ExpertPoolConfig();
