import { findJurisdiction, PROVINCE_CODE } from '@filing/contracts';
import { env } from '@filing/runtime';

/**
 * Federation (architecture §6): one review instance per jurisdiction that runs its own. The province instance also
 * serves every city that has no instance of its own; `REVIEW_CITY_INSTANCES` lists the cities that do.
 */
export class ReviewInstanceConfig {
  readonly jurisdiction: string;
  readonly cityInstances: string[];

  constructor() {
    this.jurisdiction = env('REVIEW_JURISDICTION', PROVINCE_CODE);
    if (!findJurisdiction(this.jurisdiction)) throw new Error(`configuration: REVIEW_JURISDICTION ${this.jurisdiction} is not a known jurisdiction`);
    this.cityInstances = env('REVIEW_CITY_INSTANCES', '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
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

export const reviewInstance = new ReviewInstanceConfig();
