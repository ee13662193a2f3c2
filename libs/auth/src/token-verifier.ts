import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, importSPKI, jwtVerify } from 'jose';
import { AuthConfig, loadAuthConfig } from './auth.config';
import { Principal } from './principal';
import { InvalidClaimsError, parseTokenClaims } from './token-claims';

/** The caller's token is missing, malformed, expired, wrongly signed or carries unacceptable claims: a 401. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * The token is authentic (signature, issuer, audience, expiry all hold) but the account behind it is not set up for the
 * platform: a claim is missing or malformed. A 403, since signing in again would not help; `claim` names the claim.
 */
export class ClaimsRefusedError extends Error {
  override readonly name = 'ClaimsRefusedError';

  constructor(
    readonly claim: string,
    message: string,
    /** Who the token is for, for the log line only. */
    readonly subject?: string,
  ) {
    super(message);
  }
}

/** The signing keys could not be fetched (JWKS down or broken): our problem, not the caller's, so a 503. */
export class KeySourceUnavailableError extends Error {
  override readonly name = 'KeySourceUnavailableError';
}

const MAX_TOKEN_LENGTH = 8192;

// jose error codes that mean "this token is not acceptable".
const TOKEN_ERRORS: Record<string, string> = {
  ERR_JWT_EXPIRED: 'token expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'token signature invalid',
  ERR_JWS_INVALID: 'token malformed',
  ERR_JWT_INVALID: 'token malformed',
  ERR_JOSE_ALG_NOT_ALLOWED: 'token algorithm not allowed',
  ERR_JOSE_NOT_SUPPORTED: 'token algorithm not supported',
  ERR_JWKS_NO_MATCHING_KEY: 'no signing key matches the token',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'several signing keys match the token',
};

let devFallbackLogged = false;

// Derived from jose's functions so the types hold across jose 5 (KeyLike) and 6 (CryptoKey).
type VerifyKey = ReturnType<typeof createRemoteJWKSet> | Awaited<ReturnType<typeof importSPKI>> | Uint8Array;

/** Verifies bearer tokens with jose and turns them into a Principal. Framework-free apart from the logger. */
export class TokenVerifier {
  private readonly algorithms: string[];
  private readonly key: Promise<VerifyKey>;

  constructor(readonly config: AuthConfig) {
    const source = config.key;
    switch (source.kind) {
      case 'jwks':
        this.algorithms = [...source.algorithms];
        this.key = Promise.resolve(createRemoteJWKSet(source.url));
        break;
      case 'public-key':
        this.algorithms = [source.algorithm];
        this.key = importSPKI(source.pem, source.algorithm);
        // Surfaced by verify(); keeps a bad key from crashing the process as an unhandled rejection.
        this.key.catch(() => undefined);
        break;
      case 'hs256':
        this.algorithms = ['HS256'];
        this.key = Promise.resolve(new TextEncoder().encode(source.secret));
        if (source.devFallback && !devFallbackLogged) {
          devFallbackLogged = true;
          new Logger('Auth').warn(
            'no AUTH_JWKS_URL / AUTH_PUBLIC_KEY / AUTH_HS256_SECRET set: accepting tokens signed with the public DEV secret (development only)',
          );
        }
        break;
    }
  }

  static fromEnv(env: Record<string, string | undefined> = process.env): TokenVerifier {
    return new TokenVerifier(loadAuthConfig(env));
  }

  /**
   * Resolves to the principal, or rejects with InvalidTokenError (401), ClaimsRefusedError (403) or
   * KeySourceUnavailableError (503).
   */
  async verify(token: string): Promise<Principal> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('token malformed');
    const key = await this.key;
    let payload: Record<string, unknown>;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockToleranceSeconds,
        // A token without exp would be valid forever.
        requiredClaims: ['exp', 'sub'],
      };
      // Two calls because jose's overloads tell a key-resolving function from a key.
      ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (error) {
      throw this.translate(error);
    }
    try {
      return new Principal(parseTokenClaims(payload));
    } catch (error) {
      if (error instanceof InvalidClaimsError) {
        const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
        throw new ClaimsRefusedError(error.claim, `token claims invalid: ${error.message}`, sub);
      }
      throw error;
    }
  }

  private translate(error: unknown): Error {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && Object.hasOwn(TOKEN_ERRORS, code)) return new InvalidTokenError(TOKEN_ERRORS[code]);
    // jose's own wording names the claim and what was wrong with it, e.g. unexpected "iss" claim value.
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return new InvalidTokenError(`token rejected: ${(error as Error).message}`);
    // Anything else while fetching keys (timeout, refused connection, non-200, bad JSON) is the key source's fault.
    if (this.config.key.kind === 'jwks') {
      return new KeySourceUnavailableError(`signing keys unavailable from ${this.config.key.url}: ${(error as Error)?.message ?? error}`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
