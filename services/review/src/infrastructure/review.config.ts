import { CASE_STAGES, findJurisdiction, PROVINCE_CODE } from '@filing/contracts';
import { ConfigVariable, Settings } from '@filing/runtime';
import { parseStageLimits, StageLimits } from '../cases/domain/stage-time-limits';

/** Every variable review reads of its own (the shared ones are the runtime's and messaging's). */
export const REVIEW_VARIABLES: readonly ConfigVariable[] = [
  { name: 'REVIEW_JURISDICTION', default: PROVINCE_CODE, meaning: 'which jurisdiction a review instance serves' },
  { name: 'REVIEW_CITY_INSTANCES', shown: '(none)', meaning: 'on the province instance: cities that run their own review instance' },
  {
    name: 'REVIEW_STAGE_LIMITS',
    shown: 'services/review/src/cases/domain/stage-time-limits.ts',
    meaning: 'review: time limits per stage, a JSON object of working days per stage, replacing the defaults stage by stage',
  },
  {
    name: 'REVIEW_HEARTBEAT_INTERVAL_MS',
    default: '30000',
    meaning: "how often an instance reports its open and overdue cases to the province's oversight (heartbeat)",
  },
  {
    name: 'REVIEW_OVERDUE_CHECK_INTERVAL_MS',
    default: '60000',
    meaning: 'how often an instance looks for cases past their stage time limit and tells their queue (督办)',
  },
  {
    name: 'REVIEW_OVERSIGHT_STALE_AFTER_MS',
    default: '120000',
    meaning: 'on the province instance: an instance not heard from for this long shows as stale in the oversight view',
  },
];

/**
 * Federation (docs/architecture.md §6): one review instance per jurisdiction that runs its own. The province instance also
 * serves every city that has no instance of its own; `REVIEW_CITY_INSTANCES` lists the cities that do.
 */
export class ReviewInstanceConfig {
  readonly jurisdiction: string;
  readonly cityInstances: string[];
  /** Time limits per stage, in working days. */
  readonly stageLimits: StageLimits;
  readonly heartbeatIntervalMs: number;
  readonly staleAfterMs: number;
  readonly overdueCheckIntervalMs: number;

  constructor(source: NodeJS.ProcessEnv = process.env) {
    const settings = new Settings(REVIEW_VARIABLES, source);
    this.stageLimits = parseStageLimits(settings.optionalText('REVIEW_STAGE_LIMITS'), CASE_STAGES);
    this.jurisdiction = settings.text('REVIEW_JURISDICTION');
    if (!findJurisdiction(this.jurisdiction)) throw new Error(`configuration: REVIEW_JURISDICTION ${this.jurisdiction} is not a known jurisdiction`);
    this.cityInstances = settings.list('REVIEW_CITY_INSTANCES');
    this.heartbeatIntervalMs = settings.int('REVIEW_HEARTBEAT_INTERVAL_MS');
    if (this.heartbeatIntervalMs < 100) throw new Error('configuration: REVIEW_HEARTBEAT_INTERVAL_MS must be at least 100');
    this.overdueCheckIntervalMs = settings.int('REVIEW_OVERDUE_CHECK_INTERVAL_MS');
    if (this.overdueCheckIntervalMs < 100) throw new Error('configuration: REVIEW_OVERDUE_CHECK_INTERVAL_MS must be at least 100');
    this.staleAfterMs = settings.int('REVIEW_OVERSIGHT_STALE_AFTER_MS');
    if (this.staleAfterMs <= this.heartbeatIntervalMs)
      throw new Error('configuration: REVIEW_OVERSIGHT_STALE_AFTER_MS must be longer than REVIEW_HEARTBEAT_INTERVAL_MS');
    for (const c of this.cityInstances) {
      if (findJurisdiction(c)?.level !== 'city') throw new Error(`configuration: REVIEW_CITY_INSTANCES entry ${c} is not a city-level jurisdiction`);
    }
  }

  get isProvince(): boolean {
    return this.jurisdiction === PROVINCE_CODE;
  }

  /** Whether this instance owns the cases of a jurisdiction. */
  serves(jurisdiction: string): boolean {
    if (this.isProvince) return jurisdiction === PROVINCE_CODE || !this.cityInstances.includes(jurisdiction);
    return jurisdiction === this.jurisdiction;
  }

  /** Schema of this instance: its data only (`review_220000`, `review_220100`, ...). */
  get schema(): string {
    return `review_${this.jurisdiction}`;
  }

  get groupId(): string {
    return `review-${this.jurisdiction}`;
  }
}

/** Read and checked once, when the process starts; provided to Nest as ReviewInstanceConfig (app.module.ts). */
export const reviewInstance = new ReviewInstanceConfig();
