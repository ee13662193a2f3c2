import { Logger } from '@nestjs/common';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { InvalidClaimsError } from './token-claims';
import { TokenVerifier } from './token-verifier';
import { issueDevToken } from './dev-token';

describe('issueDevToken', () => {
  // The verifier's dev-fallback warning is expected here.
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('signs HS256 with the dev secret by default, with issuer, audience and an 8h lifetime', async () => {
    const token = await issueDevToken({ roles: ['center-staff'], jurisdiction: '220100' }, { NODE_ENV: 'development' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({ sub: 'dev-center-staff-220100', roles: ['center-staff'], jurisdiction: '220100' });
    expect(payload).toMatchObject({ iss: 'jl-filing-dev', aud: 'jl-filing' });
    expect(payload.exp! - payload.iat!).toBe(8 * 3600);

    // The verifier's dev fallback accepts exactly these tokens.
    const verifier = TokenVerifier.fromEnv({ NODE_ENV: 'development' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'dev-center-staff-220100' });
  });

  it('carries the bound identifiers and honours sub, name and ttl', async () => {
    const token = await issueDevToken(
      { roles: ['applicant'], jurisdiction: '220200', sub: 'org-1', creditCode: '91220101MA0Y2K3X4L', name: '某公司', ttl: 60 },
      {},
    );
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({ sub: 'org-1', creditCode: '91220101MA0Y2K3X4L', name: '某公司' });
    expect(payload).not.toHaveProperty('expertId');
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it('refuses claims the verifier would reject', async () => {
    await expect(issueDevToken({ roles: ['expert'], jurisdiction: '220100' }, {})).rejects.toThrow(InvalidClaimsError);
    await expect(issueDevToken({ roles: ['admin'], jurisdiction: '999999' }, {})).rejects.toThrow(/jurisdiction/);
  });

  it('refuses in production', async () => {
    await expect(issueDevToken({ roles: ['admin'], jurisdiction: '220000' }, { NODE_ENV: 'production' })).rejects.toThrow(/development only/);
  });
});
