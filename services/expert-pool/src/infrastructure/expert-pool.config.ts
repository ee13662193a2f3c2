import { findJurisdiction, JURISDICTIONS } from '@filing/contracts';
import { ConfigVariable, Settings } from '@filing/runtime';

/** Every variable expert-pool reads of its own (the shared ones are the runtime's and messaging's). */
export const EXPERT_POOL_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'EXPERT_DATABASE_LEVELS',
    shown: '(jurisdictions.json)',
    meaning: 'expert-pool: comma-separated jurisdictions that keep an expert database (专家库); by default those with `hasOwnExpertDatabase`',
  },
  { name: 'DRAW_MIN_GROUP_SIZE', default: '3', meaning: 'expert-pool: smallest expert group a request may ask for (odd, at least 3)' },
  { name: 'DRAW_MIN_RESERVES', default: '2', meaning: 'expert-pool: fewest ranked reserves drawn with a group' },
  { name: 'DRAW_MAX_PER_EMPLOYER', default: '1', meaning: 'expert-pool: members from one employer when the request names no cap' },
  {
    name: 'AVOID_FORMER_EMPLOYER_YEARS',
    default: '3',
    meaning: 'expert-pool: avoidance (回避): former employment at the applicant ending within this many years',
  },
  { name: 'AVOID_RECENT_SERVICE_MONTHS', default: '24', meaning: 'expert-pool: avoidance: service for the same applicant within this many months' },
  {
    name: 'IMPORT_SYNC_MAX_ROWS',
    default: '500',
    meaning: 'expert-pool: imports up to this many rows are answered when done; larger ones return a job to poll',
  },
  { name: 'EXPERT_ACCOUNT_LINK_REQUIRED', shown: '`true` in production', meaning: 'expert-pool: an expert acts only through a record linked to their account' },
  {
    name: 'DRAW_SEED_KEY',
    shown: '(development key outside production)',
    meaning: 'expert-pool: 32-byte key (hex or base64) the draw seeds are encrypted with at rest',
  },
  { name: 'DRAW_SEED_KEY_FILE', meaning: 'expert-pool: a file holding DRAW_SEED_KEY instead' },
  {
    name: 'INVITATION_CONFIRM_HOURS',
    default: '48',
    meaning: 'expert-pool: a drawn expert is asked to confirm or decline within this many hours (named in the invitation)',
  },
];

/**
 * Which levels keep an expert database (专家库) and the draw's rules. The database list defaults to
 * jurisdictions.json (hasOwnExpertDatabase); EXPERT_DATABASE_LEVELS (comma-separated codes) replaces it.
 */
export class ExpertPoolConfig {
  readonly databaseLevels: readonly string[];
  /** Smallest group (odd). */
  readonly minGroupSize: number;
  /** Fewest ranked reserves per draw. */
  readonly minReserves: number;
  /** Members per employer when the request names no cap. */
  readonly defaultMaxPerEmployer: number;
  /** Former employment at the applicant ending within this many years is a conflict. */
  readonly formerEmployerYears: number;
  /** Serving the same applicant within this many months is a conflict. */
  readonly recentServiceMonths: number;
  /** Imports up to this many rows are answered when done; larger ones return a job to poll. */
  readonly importSyncMaxRows: number;
  /** The invitation asks for an answer within this many hours of the draw. */
  readonly invitationConfirmHours: number;

  /**
   * An expert token acts only through an expert record linked to its account (PUT /experts/:id/account). On by
   * default in production; off elsewhere, so development tokens can name any record. A record linked to another
   * account is refused either way.
   */
  readonly accountLinkRequired: boolean;

  constructor(source: NodeJS.ProcessEnv = process.env) {
    const settings = new Settings(EXPERT_POOL_VARIABLES, source);
    this.minGroupSize = settings.int('DRAW_MIN_GROUP_SIZE');
    this.minReserves = settings.int('DRAW_MIN_RESERVES');
    this.defaultMaxPerEmployer = settings.int('DRAW_MAX_PER_EMPLOYER');
    this.formerEmployerYears = settings.int('AVOID_FORMER_EMPLOYER_YEARS');
    this.recentServiceMonths = settings.int('AVOID_RECENT_SERVICE_MONTHS');
    this.importSyncMaxRows = settings.int('IMPORT_SYNC_MAX_ROWS');
    this.invitationConfirmHours = settings.int('INVITATION_CONFIRM_HOURS');
    const required = settings.optionalText('EXPERT_ACCOUNT_LINK_REQUIRED') ?? (source.NODE_ENV === 'production' ? 'true' : 'false');
    if (required !== 'true' && required !== 'false') throw new Error('configuration: EXPERT_ACCOUNT_LINK_REQUIRED must be true or false');
    this.accountLinkRequired = required === 'true';
    const configured = settings.list('EXPERT_DATABASE_LEVELS');
    for (const c of configured) if (!findJurisdiction(c)) throw new Error(`configuration: EXPERT_DATABASE_LEVELS entry ${c} is not a known jurisdiction`);
    this.databaseLevels = configured.length ? configured : JURISDICTIONS.filter((j) => j.hasOwnExpertDatabase).map((j) => j.code);
    if (this.minGroupSize < 3 || this.minGroupSize % 2 === 0) throw new Error('configuration: DRAW_MIN_GROUP_SIZE must be odd and at least 3');
  }

  keepsDatabase(level: string): boolean {
    return this.databaseLevels.includes(level);
  }
}

/** Read and checked once, when the process starts; provided to Nest as ExpertPoolConfig (app.module.ts). */
export const expertPoolConfig = new ExpertPoolConfig();
