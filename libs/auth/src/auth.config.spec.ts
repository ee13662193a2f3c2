import { KeyObject, generateKeyPairSync } from 'node:crypto';
import { AuthConfigError, DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_HS256_SECRET, loadAuthConfig } from './auth.config';

const SECRET = 'a-real-looking-secret-of-32-chars-or-more';

const spki = (publicKey: KeyObject) => publicKey.export({ type: 'spki', format: 'pem' }).toString();
const pem = {
  rsa: () => spki(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey),
  ec: (namedCurve: string) => spki(generateKeyPairSync('ec', { namedCurve }).publicKey),
  ed25519: () => spki(generateKeyPairSync('ed25519').publicKey),
};

describe('loadAuthConfig', () => {
  it('reads a JWKS URL with default issuer and audience', () => {
    const config = loadAuthConfig({ AUTH_JWKS_URL: 'https://idp.jl.gov.cn/jwks.json' });
    expect(config.key).toEqual({ kind: 'jwks', url: new URL('https://idp.jl.gov.cn/jwks.json'), algorithms: ['RS256'] });
    expect(config.issuer).toBe(DEFAULT_ISSUER);
    expect(config.audience).toBe(DEFAULT_AUDIENCE);
    expect(config.clockToleranceSeconds).toBeLessThanOrEqual(60);
  });

  it('takes issuer and audience from the environment', () => {
    const config = loadAuthConfig({ AUTH_HS256_SECRET: SECRET, AUTH_ISSUER: 'https://idp', AUTH_AUDIENCE: 'filing' });
    expect(config).toMatchObject({ issuer: 'https://idp', audience: 'filing', key: { kind: 'hs256', secret: SECRET, devFallback: false } });
  });

  it('picks RS256 or ES256 from the public key, and accepts escaped newlines', () => {
    expect(loadAuthConfig({ AUTH_PUBLIC_KEY: pem.rsa() }).key).toMatchObject({ kind: 'public-key', algorithm: 'RS256' });
    const ec = pem.ec('prime256v1').replace(/\n/g, '\\n');
    expect(loadAuthConfig({ AUTH_PUBLIC_KEY: ec }).key).toMatchObject({ kind: 'public-key', algorithm: 'ES256' });
  });

  it.each([
    ['nothing set (production)', { NODE_ENV: 'production' }, /no token verification key configured/],
    ['nothing set (NODE_ENV unset)', {}, /AUTH_DEV_MODE=true/],
    ['AUTH_DEV_MODE in production', { NODE_ENV: 'production', AUTH_DEV_MODE: 'true' }, /no token verification key/],
    ['two sources', { AUTH_JWKS_URL: 'https://idp/jwks', AUTH_HS256_SECRET: SECRET }, /exactly one/],
    ['a bad URL', { AUTH_JWKS_URL: 'not a url' }, /AUTH_JWKS_URL is not a URL/],
    ['a non-http URL', { AUTH_JWKS_URL: 'file:///etc/jwks.json' }, /http\(s\)/],
    ['a bad PEM', { AUTH_PUBLIC_KEY: 'hello' }, /AUTH_PUBLIC_KEY is not a PEM/],
    ['an Ed25519 key', { AUTH_PUBLIC_KEY: pem.ed25519() }, /RSA key \(RS256\) or a P-256/],
    ['a P-384 key', { AUTH_PUBLIC_KEY: pem.ec('secp384r1') }, /P-256/],
    ['a short secret', { AUTH_HS256_SECRET: 'short' }, /at least 32/],
    [
      'the dev secret in production',
      { NODE_ENV: 'production', AUTH_HS256_SECRET: DEV_HS256_SECRET },
      /AUTH_HS256_SECRET is a secret published with the platform/,
    ],
    ['any shared secret in production', { NODE_ENV: 'production', AUTH_HS256_SECRET: SECRET }, /development convenience.*AUTH_JWKS_URL/],
    [
      'the old compose default in production',
      { NODE_ENV: 'production', AUTH_HS256_SECRET: 'compose-demo-secret-change-me-0123456789' },
      /published with the platform/,
    ],
    ['plain http to another host', { AUTH_JWKS_URL: 'http://idp.jl.gov.cn/jwks.json' }, /https outside loopback/],
    ['plain http to a private address', { AUTH_JWKS_URL: 'http://10.0.0.7:8080/certs' }, /https outside loopback/],
    ['a symmetric pinned algorithm', { AUTH_JWKS_URL: 'https://idp/jwks', AUTH_ALGORITHMS: 'HS256' }, /asymmetric only/],
    ['alg none', { AUTH_JWKS_URL: 'https://idp/jwks', AUTH_ALGORITHMS: 'none' }, /asymmetric only/],
    ['a pin that contradicts the key', { AUTH_PUBLIC_KEY: pem.rsa(), AUTH_ALGORITHMS: 'ES256' }, /does not match the RS256 key/],
    ['a pin beside a shared secret', { AUTH_HS256_SECRET: SECRET, AUTH_ALGORITHMS: 'RS256' }, /does not apply/],
    ['a bad clock tolerance', { AUTH_HS256_SECRET: SECRET, AUTH_CLOCK_TOLERANCE_SECONDS: '-1' }, /AUTH_CLOCK_TOLERANCE_SECONDS/],
    ['a huge clock tolerance', { AUTH_HS256_SECRET: SECRET, AUTH_CLOCK_TOLERANCE_SECONDS: '86400' }, /0 to 300/],
  ])('throws a clear error for %s', (_case, env, message) => {
    expect(() => loadAuthConfig(env)).toThrow(AuthConfigError);
    expect(() => loadAuthConfig(env)).toThrow(message);
  });

  it('pins the JWKS algorithm: RS256 by default, ES256 or both when asked', () => {
    expect(loadAuthConfig({ AUTH_JWKS_URL: 'https://idp/jwks' }).key).toMatchObject({ algorithms: ['RS256'] });
    expect(loadAuthConfig({ AUTH_JWKS_URL: 'https://idp/jwks', AUTH_ALGORITHMS: 'ES256' }).key).toMatchObject({ algorithms: ['ES256'] });
    expect(loadAuthConfig({ AUTH_JWKS_URL: 'https://idp/jwks', AUTH_ALGORITHMS: 'RS256, ES256' }).key).toMatchObject({ algorithms: ['RS256', 'ES256'] });
  });

  it.each(['http://127.0.0.1:8180/certs', 'http://localhost:8180/certs', 'http://[::1]:8180/certs', 'http://127.0.0.53/certs'])(
    'accepts plain http on loopback only: %s',
    (url) => {
      expect(loadAuthConfig({ AUTH_JWKS_URL: url, NODE_ENV: 'production' }).key).toMatchObject({ kind: 'jwks' });
    },
  );

  it('production accepts asymmetric keys only, with a configurable clock tolerance', () => {
    const config = loadAuthConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.jl.gov.cn/certs', AUTH_CLOCK_TOLERANCE_SECONDS: '0' });
    expect(config.key.kind).toBe('jwks');
    expect(config.clockToleranceSeconds).toBe(0);
    expect(loadAuthConfig({ NODE_ENV: 'production', AUTH_PUBLIC_KEY: pem.ec('prime256v1') }).key.kind).toBe('public-key');
  });

  it.each([{ NODE_ENV: 'development' }, { NODE_ENV: 'test' }, { AUTH_DEV_MODE: 'true' }, { AUTH_HS256_SECRET: '  ', NODE_ENV: 'test' }])(
    'falls back to the dev secret with %j',
    (env) => {
      expect(loadAuthConfig(env).key).toEqual({ kind: 'hs256', secret: DEV_HS256_SECRET, devFallback: true });
    },
  );
});
