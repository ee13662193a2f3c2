import { Role } from '@filing/contracts';
import { SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_HS256_SECRET, isProduction } from './auth.config';
import { parseTokenClaims } from './token-claims';

export interface DevTokenOptions {
  roles: Role[];
  jurisdiction: string;
  /** Defaults to dev-<roles>-<jurisdiction>. */
  sub?: string;
  creditCode?: string;
  expertId?: string;
  name?: string;
  /** A jose time span ('30m', '8h', '7d'; '1h ago' makes an expired token) or seconds from now. Default '8h'. */
  ttl?: string | number;
}

/**
 * Signs a development token (HS256) with AUTH_HS256_SECRET, or the public DEV_HS256_SECRET when that is unset,
 * so every role can be tried locally. Refuses with NODE_ENV=production.
 */
export async function issueDevToken(options: DevTokenOptions, env: Record<string, string | undefined> = process.env): Promise<string> {
  if (isProduction(env)) throw new Error('dev tokens are for development only; refusing with NODE_ENV=production');

  // The same checks as the verifier, so the issuer cannot mint a token services would reject.
  const claims = parseTokenClaims({
    sub: options.sub ?? `dev-${options.roles.join('+')}-${options.jurisdiction}`,
    roles: options.roles,
    jurisdiction: options.jurisdiction,
    creditCode: options.creditCode,
    expertId: options.expertId,
    name: options.name,
  });
  const { sub, ...custom } = claims;
  const ttl = options.ttl ?? '8h';
  const secret = env.AUTH_HS256_SECRET?.trim() || DEV_HS256_SECRET;

  return (
    new SignJWT(custom)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(env.AUTH_ISSUER?.trim() || DEFAULT_ISSUER)
      .setAudience(env.AUTH_AUDIENCE?.trim() || DEFAULT_AUDIENCE)
      .setIssuedAt()
      // jose reads a number as an absolute time, so seconds-from-now become one.
      .setExpirationTime(typeof ttl === 'number' ? Math.floor(Date.now() / 1000) + ttl : ttl)
      .sign(new TextEncoder().encode(secret))
  );
}
