import { describe, expect, it } from 'vitest';
import { parseOidcSettings, securityHeaders } from './sign-in-settings';

describe('how the console server has the page sign in', () => {
  it('reads OIDC_ISSUER and OIDC_CLIENT_ID (default jl-filing-console), and refuses an issuer that is not https off loopback', () => {
    expect(parseOidcSettings({})).toBeUndefined();
    expect(parseOidcSettings({ OIDC_ISSUER: 'http://127.0.0.1:8180/realms/jl-filing/' })).toEqual({
      issuer: 'http://127.0.0.1:8180/realms/jl-filing',
      clientId: 'jl-filing-console',
    });
    expect(parseOidcSettings({ OIDC_ISSUER: 'https://idp.example.gov.cn/realms/jl-filing', OIDC_CLIENT_ID: 'console-2' })?.clientId).toBe('console-2');
    expect(() => parseOidcSettings({ OIDC_ISSUER: 'http://idp.example.gov.cn/realms/jl-filing' })).toThrow(/must use https/);
    expect(() => parseOidcSettings({ OIDC_ISSUER: 'idp' })).toThrow(/must be a URL/);
  });

  it('lets the page call the issuer’s origin (discovery, token, renewal) and nothing else beyond its own', () => {
    expect(securityHeaders({ issuer: 'https://idp.example.gov.cn/realms/jl-filing' })['content-security-policy']).toContain(
      "connect-src 'self' https://idp.example.gov.cn;",
    );
    expect(securityHeaders()['content-security-policy']).toContain("connect-src 'self';");
  });
});
