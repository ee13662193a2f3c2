import { PROVINCE_CODE, Role, findJurisdiction } from '@filing/contracts';
import { TokenClaims } from './token-claims';

/** The verified caller of a request: the token's claims plus the checks services make most often. */
export class Principal implements TokenClaims {
  readonly sub: string;
  readonly roles: Role[];
  readonly jurisdiction: string;
  readonly creditCode?: string;
  readonly expertId?: string;
  readonly name?: string;

  constructor(claims: TokenClaims) {
    this.sub = claims.sub;
    this.roles = [...claims.roles];
    this.jurisdiction = claims.jurisdiction;
    if (claims.creditCode !== undefined) this.creditCode = claims.creditCode;
    if (claims.expertId !== undefined) this.expertId = claims.expertId;
    if (claims.name !== undefined) this.name = claims.name;
    Object.freeze(this.roles);
    Object.freeze(this);
  }

  /** True when the principal holds at least one of the given roles. */
  hasRole(...roles: Role[]): boolean {
    return roles.some((role) => this.roles.includes(role));
  }

  /** Provincial principals (吉林省) act for the whole province. */
  isProvince(): boolean {
    return this.jurisdiction === PROVINCE_CODE;
  }

  /**
   * A city principal acts only in its own jurisdiction; a provincial one in every known jurisdiction,
   * because the province re-checks (复核) city cases. Role and ownership checks are still the service's.
   */
  canActInJurisdiction(code: string): boolean {
    if (code === this.jurisdiction) return true;
    return this.isProvince() && findJurisdiction(code) !== undefined;
  }
}
