import data from './jurisdictions.json';

export interface Jurisdiction {
  code: string;
  name: string;
  level: 'province' | 'city';
  hasOwnExpertDatabase: boolean;
}

/** The province (吉林省). Province-level cases include 中省直 units. */
export const PROVINCE_CODE: string = data.province;

export const JURISDICTIONS: readonly Jurisdiction[] = data.jurisdictions as Jurisdiction[];
export const JURISDICTION_CODES: readonly string[] = JURISDICTIONS.map((j) => j.code);

export function findJurisdiction(code: string): Jurisdiction | undefined {
  return JURISDICTIONS.find((j) => j.code === code);
}

export function isCityJurisdiction(code: string): boolean {
  return findJurisdiction(code)?.level === 'city';
}
