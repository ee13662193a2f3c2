import { CREDIT_CODE_PATTERN, ROLES, Role, findJurisdiction } from '@filing/contracts';

/** What a bearer token says about its holder once verified (docs/architecture.md §7). */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  /** 6-digit jurisdiction code: '220000' the province, '220100' 长春, … */
  jurisdiction: string;
  /** 统一社会信用代码 the applicant is bound to; required when roles include 'applicant'. */
  creditCode?: string;
  /** Expert the token is bound to; required when roles include 'expert'. */
  expertId?: string;
  name?: string;
}

/** The token is well signed but its claims are not ones this platform accepts; `claim` names the one at fault. */
export class InvalidClaimsError extends Error {
  override readonly name = 'InvalidClaimsError';

  constructor(
    readonly claim: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_TEXT = 200;

function optionalText(payload: Record<string, unknown>, key: string): string | undefined {
  const value = payload[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT) {
    throw new InvalidClaimsError(key, `claim "${key}" must be a non-empty string of at most ${MAX_TEXT} characters`);
  }
  return value;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Checks the platform's claims on a verified payload. Signature, expiry, issuer and audience are jose's job;
 * this is about what the claims mean, so a token that would confuse a service never reaches one.
 */
export function parseTokenClaims(payload: Record<string, unknown>): TokenClaims {
  const sub = optionalText(payload, 'sub');
  if (!sub) throw new InvalidClaimsError('sub', 'claim "sub" is required');

  const roles = payload.roles;
  if (!Array.isArray(roles) || roles.length === 0) {
    throw new InvalidClaimsError('roles', 'claim "roles" must be a non-empty array');
  }
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) {
    throw new InvalidClaimsError('roles', `claim "roles" has unknown roles ${JSON.stringify(unknown)}; known: ${ROLES.join(', ')}`);
  }

  const jurisdiction = payload.jurisdiction;
  if (jurisdiction === undefined || jurisdiction === null) {
    throw new InvalidClaimsError('jurisdiction', 'claim "jurisdiction" is missing: the account has no jurisdiction (辖区) in the identity provider');
  }
  if (typeof jurisdiction !== 'string' || !/^\d{6}$/.test(jurisdiction) || !findJurisdiction(jurisdiction)) {
    throw new InvalidClaimsError('jurisdiction', `claim "jurisdiction" must be a known 6-digit jurisdiction code, got ${JSON.stringify(jurisdiction)}`);
  }

  const creditCode = optionalText(payload, 'creditCode');
  if (creditCode !== undefined && !CREDIT_CODE_PATTERN.test(creditCode)) {
    throw new InvalidClaimsError('creditCode', 'claim "creditCode" is not a valid 统一社会信用代码');
  }
  const expertId = optionalText(payload, 'expertId');
  const name = optionalText(payload, 'name');

  const uniqueRoles = [...new Set(roles as Role[])];
  if (uniqueRoles.includes('applicant') && !creditCode) {
    throw new InvalidClaimsError('creditCode', 'role "applicant" requires claim "creditCode"');
  }
  if (uniqueRoles.includes('expert') && !expertId) {
    throw new InvalidClaimsError('expertId', 'role "expert" requires claim "expertId"');
  }

  return {
    sub,
    roles: uniqueRoles,
    jurisdiction,
    ...(creditCode !== undefined && { creditCode }),
    ...(expertId !== undefined && { expertId }),
    ...(name !== undefined && { name }),
  };
}
