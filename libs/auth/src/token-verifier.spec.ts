import { Logger } from '@nestjs/common';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { DEV_HS256_SECRET, loadAuthConfig } from './auth.config';
import { issueDevToken } from './dev-token';
import { Principal } from './principal';
import { ClaimsRefusedError, InvalidTokenError, TokenVerifier } from './token-verifier';

const SECRET = 'a-real-looking-secret-of-32-chars-or-more';
const CLAIMS = { roles: ['center-staff'], jurisdiction: '220100' };

const sign = (claims: Record<string, unknown>, alg = 'HS256') =>
  new SignJWT(claims).setProtectedHeader({ alg }).setSubject('u1').setIssuer('jl-filing-dev').setAudience('jl-filing');

const secretKey = (s: string) => new TextEncoder().encode(s);

describe('TokenVerifier', () => {
  it('logs the dev-secret fallback once, however many verifiers are built', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    TokenVerifier.fromEnv({ NODE_ENV: 'test' });
    TokenVerifier.fromEnv({ NODE_ENV: 'test' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/DEV secret/);
    warn.mockRestore();
  });

  describe('HS256', () => {
    const verifier = TokenVerifier.fromEnv({ AUTH_HS256_SECRET: SECRET });

    it('returns the principal of a valid token', async () => {
      const token = await sign(CLAIMS).setExpirationTime('5m').sign(secretKey(SECRET));
      const principal = await verifier.verify(token);
      expect(principal).toBeInstanceOf(Principal);
      expect(principal).toMatchObject({ sub: 'u1', roles: ['center-staff'], jurisdiction: '220100' });
    });

    it('accepts dev tokens signed with the configured secret', async () => {
      const token = await issueDevToken({ roles: ['approver'], jurisdiction: '220000' }, { AUTH_HS256_SECRET: SECRET });
      await expect(verifier.verify(token)).resolves.toMatchObject({ roles: ['approver'] });
    });

    it('tolerates a little clock skew but not an expired token', async () => {
      const skewed = await sign(CLAIMS).setExpirationTime('10s ago').sign(secretKey(SECRET));
      await expect(verifier.verify(skewed)).resolves.toBeInstanceOf(Principal);
      const expired = await sign(CLAIMS).setExpirationTime('5m ago').sign(secretKey(SECRET));
      await expect(verifier.verify(expired)).rejects.toThrow(new InvalidTokenError('token expired'));
    });

    it.each<[string, () => Promise<string>, RegExp]>([
      ['a wrong signature', () => sign(CLAIMS).setExpirationTime('5m').sign(secretKey(DEV_HS256_SECRET)), /signature invalid/],
      ['no exp', () => sign(CLAIMS).sign(secretKey(SECRET)), /"exp" claim/],
      ['another issuer', () => sign(CLAIMS).setIssuer('evil').setExpirationTime('5m').sign(secretKey(SECRET)), /"iss"/],
      ['another audience', () => sign(CLAIMS).setAudience('x').setExpirationTime('5m').sign(secretKey(SECRET)), /"aud"/],
      ['garbage', async () => 'not.a.token', /malformed/],
      ['an empty string', async () => '', /malformed/],
      [
        'alg none',
        async () => {
          const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
          const exp = Math.floor(Date.now() / 1000) + 300;
          return `${b64({ alg: 'none' })}.${b64({ ...CLAIMS, sub: 'u1', iss: 'jl-filing-dev', aud: 'jl-filing', exp })}.`;
        },
        /./,
      ],
    ])('rejects %s with InvalidTokenError', async (_case, makeToken, message) => {
      const promise = verifier.verify(await makeToken());
      await expect(promise).rejects.toBeInstanceOf(InvalidTokenError);
      await expect(promise).rejects.toThrow(message);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an unknown role', { roles: ['root'], jurisdiction: '220100' }, 'roles'],
      ['no jurisdiction', { roles: ['center-staff'] }, 'jurisdiction'],
      ['a malformed jurisdiction', { roles: ['center-staff'], jurisdiction: '2201' }, 'jurisdiction'],
      ['an expert without expertId', { roles: ['expert'], jurisdiction: '220100' }, 'expertId'],
    ])('refuses a well-signed token with %s as ClaimsRefusedError naming the claim', async (_case, claims, claim) => {
      const promise = verifier.verify(await sign(claims).setExpirationTime('5m').sign(secretKey(SECRET)));
      await expect(promise).rejects.toBeInstanceOf(ClaimsRefusedError);
      await expect(promise).rejects.toMatchObject({ claim, subject: 'u1', message: expect.stringContaining(`"${claim}"`) });
    });
  });

  describe('AUTH_PUBLIC_KEY', () => {
    it('verifies ES256 tokens and refuses an HS256 token signed with the PEM text (algorithm confusion)', async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const pem = await exportSPKI(publicKey);
      const verifier = new TokenVerifier(loadAuthConfig({ AUTH_PUBLIC_KEY: pem }));

      const good = await sign(CLAIMS, 'ES256').setExpirationTime('5m').sign(privateKey);
      await expect(verifier.verify(good)).resolves.toMatchObject({ jurisdiction: '220100' });

      const confused = await sign(CLAIMS).setExpirationTime('5m').sign(secretKey(pem));
      await expect(verifier.verify(confused)).rejects.toThrow(new InvalidTokenError('token algorithm not allowed'));
    });

    it('verifies RS256 tokens', async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      const verifier = TokenVerifier.fromEnv({ AUTH_PUBLIC_KEY: await exportSPKI(publicKey), AUTH_ISSUER: 'https://idp' });
      const token = await sign(CLAIMS, 'RS256').setIssuer('https://idp').setExpirationTime('5m').sign(privateKey);
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'u1' });
    });
  });
});
