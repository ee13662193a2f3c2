import { createPublicKey } from 'node:crypto';

/**
 * Development-only HS256 secret, shared by the dev token issuer and the verifier's dev fallback.
 * Public on purpose: it must never protect anything real, so production refuses it.
 */
export const DEV_HS256_SECRET = 'dev-only-secret-change-me-0123456789abcdef';
/**
 * Secrets that were ever published with the platform (the dev secret, the old docker-compose default). Whoever holds
 * the repository holds them, so production refuses to start when any auth setting carries one.
 */
export const KNOWN_DEFAULT_SECRETS: readonly string[] = [DEV_HS256_SECRET, 'compose-demo-secret-change-me-0123456789'];
export const DEFAULT_ISSUER = 'jl-filing-dev';
export const DEFAULT_AUDIENCE = 'jl-filing';
/** Small allowance for clock skew between the identity provider and our pods. */
export const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_CLOCK_TOLERANCE_SECONDS = 300;
/** 256 bits, the HS256 minimum worth having. */
const MIN_HS256_SECRET_LENGTH = 32;

export type AsymmetricAlgorithm = 'RS256' | 'ES256';
const ASYMMETRIC: readonly AsymmetricAlgorithm[] = ['RS256', 'ES256'];

/** Where signing keys come from. Exactly one source is configured. */
export type AuthKeySource =
  | { kind: 'jwks'; url: URL; algorithms: AsymmetricAlgorithm[] }
  | { kind: 'public-key'; pem: string; algorithm: AsymmetricAlgorithm }
  | { kind: 'hs256'; secret: string; devFallback: boolean };

export interface AuthConfig {
  key: AuthKeySource;
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
}

/** Thrown at start-up so a service with no usable key configuration never serves a request. */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Loopback hosts, the only ones a JWKS may be fetched from over plain http (nothing leaves the machine). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** AUTH_ALGORITHMS pins what a JWKS may sign with: RS256 (Keycloak's default) unless the IdP signs ES256. */
function jwksAlgorithms(env: Env): AsymmetricAlgorithm[] {
  const raw = read(env, 'AUTH_ALGORITHMS');
  if (!raw) return ['RS256'];
  const algorithms = [
    ...new Set(
      raw
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
  const bad = algorithms.filter((a) => !(ASYMMETRIC as readonly string[]).includes(a));
  if (algorithms.length === 0 || bad.length > 0) {
    throw new AuthConfigError(`AUTH_ALGORITHMS must list RS256 and/or ES256 (asymmetric only), got ${JSON.stringify(raw)}`);
  }
  return algorithms as AsymmetricAlgorithm[];
}

function clockTolerance(env: Env): number {
  const raw = read(env, 'AUTH_CLOCK_TOLERANCE_SECONDS');
  if (raw === undefined) return CLOCK_TOLERANCE_SECONDS;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds > MAX_CLOCK_TOLERANCE_SECONDS) {
    throw new AuthConfigError(`AUTH_CLOCK_TOLERANCE_SECONDS must be a whole number of seconds from 0 to ${MAX_CLOCK_TOLERANCE_SECONDS}, got ${raw}`);
  }
  return seconds;
}

/** Production refuses any auth setting that carries a secret published with the platform. */
function refuseKnownDefaults(env: Env): void {
  if (!isProduction(env)) return;
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('AUTH_') && value && KNOWN_DEFAULT_SECRETS.includes(value.trim())) {
      throw new AuthConfigError(`${name} is a secret published with the platform; refusing it with NODE_ENV=production`);
    }
  }
}

export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

/** The dev secret may stand in for a key only in development or test, or when asked for, and never in production. */
export function isDevFallbackAllowed(env: Env = process.env): boolean {
  if (isProduction(env)) return false;
  return env.NODE_ENV === 'development' || env.NODE_ENV === 'test' || env.AUTH_DEV_MODE === 'true';
}

function publicKeyAlgorithm(pem: string): AsymmetricAlgorithm {
  let key;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new AuthConfigError('AUTH_PUBLIC_KEY is not a PEM public key (expected "-----BEGIN PUBLIC KEY-----", SPKI)');
  }
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new AuthConfigError('AUTH_PUBLIC_KEY must be an RSA key (RS256) or a P-256 EC key (ES256)');
}

function keySource(env: Env): AuthKeySource {
  const jwksUrl = read(env, 'AUTH_JWKS_URL');
  // PEM keys in env files often arrive with literal "\n".
  const pem = read(env, 'AUTH_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  const secret = read(env, 'AUTH_HS256_SECRET');

  const configured = [jwksUrl && 'AUTH_JWKS_URL', pem && 'AUTH_PUBLIC_KEY', secret && 'AUTH_HS256_SECRET'].filter(Boolean);
  if (configured.length > 1) {
    // Accepting several key sources at once would let a forgotten dev secret sign tokens beside the real IdP.
    throw new AuthConfigError(`set exactly one of AUTH_JWKS_URL, AUTH_PUBLIC_KEY, AUTH_HS256_SECRET; got ${configured.join(', ')}`);
  }

  if (jwksUrl) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new AuthConfigError(`AUTH_JWKS_URL is not a URL: ${jwksUrl}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new AuthConfigError(`AUTH_JWKS_URL must be http(s), got ${url.protocol}`);
    }
    // Keys fetched over plain http from another host could be swapped on the way: https unless nothing leaves the machine.
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      throw new AuthConfigError(`AUTH_JWKS_URL must use https outside loopback, got ${url.origin}`);
    }
    return { kind: 'jwks', url, algorithms: jwksAlgorithms(env) };
  }
  if (pem) {
    const algorithm = publicKeyAlgorithm(pem);
    const pinned = read(env, 'AUTH_ALGORITHMS');
    if (pinned && pinned !== algorithm) throw new AuthConfigError(`AUTH_ALGORITHMS=${pinned} does not match the ${algorithm} key in AUTH_PUBLIC_KEY`);
    return { kind: 'public-key', pem, algorithm };
  }
  if (secret) {
    // A shared secret can sign as well as verify: whoever holds it (a city namespace, say) could mint province tokens.
    if (isProduction(env)) {
      throw new AuthConfigError(
        'AUTH_HS256_SECRET is a development convenience; with NODE_ENV=production set AUTH_JWKS_URL (or AUTH_PUBLIC_KEY) so services hold no key that can sign',
      );
    }
    if (secret.length < MIN_HS256_SECRET_LENGTH) {
      throw new AuthConfigError(`AUTH_HS256_SECRET must be at least ${MIN_HS256_SECRET_LENGTH} characters`);
    }
    if (read(env, 'AUTH_ALGORITHMS')) throw new AuthConfigError('AUTH_ALGORITHMS pins asymmetric algorithms; it does not apply to AUTH_HS256_SECRET');
    return { kind: 'hs256', secret, devFallback: false };
  }
  if (isDevFallbackAllowed(env)) return { kind: 'hs256', secret: DEV_HS256_SECRET, devFallback: true };

  throw new AuthConfigError(
    'no token verification key configured: set AUTH_JWKS_URL (identity provider JWKS), AUTH_PUBLIC_KEY (PEM, RS256/ES256) ' +
      'or AUTH_HS256_SECRET' +
      (isProduction(env) ? '' : '; for local development set NODE_ENV=development or AUTH_DEV_MODE=true to use the dev secret'),
  );
}

/** Reads the auth configuration from the environment; throws AuthConfigError when it is missing or unusable. */
export function loadAuthConfig(env: Env = process.env): AuthConfig {
  refuseKnownDefaults(env);
  return {
    key: keySource(env),
    issuer: read(env, 'AUTH_ISSUER') ?? DEFAULT_ISSUER,
    audience: read(env, 'AUTH_AUDIENCE') ?? DEFAULT_AUDIENCE,
    clockToleranceSeconds: clockTolerance(env),
  };
}
