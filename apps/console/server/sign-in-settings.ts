// How the console signs in, from the console server's environment, and the security headers that allow it.

export interface OidcSettings {
  issuer: string;
  clientId: string;
}

/** The security headers; with an identity provider the page may also call its endpoints (discovery, token, renewal). */
export function securityHeaders(oidc?: { issuer: string }): Record<string, string> {
  const connect = ["'self'", ...(oidc ? [new URL(oidc.issuer).origin] : [])].join(' ');
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    // antd injects its styles at run time (CSS-in-JS), hence 'unsafe-inline' for styles only.
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src ${connect}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`,
  };
}

/** OIDC_ISSUER (https unless on loopback) and OIDC_CLIENT_ID (default jl-filing-console, the realm's console client). */
export function parseOidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim() || (issuer ? 'jl-filing-console' : undefined);
  if (!issuer) return undefined;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`configuration: OIDC_ISSUER must be a URL, got ${issuer}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new Error(`configuration: OIDC_ISSUER must use https (plain http only on loopback), got ${issuer}`);
  return { issuer: issuer.replace(/\/+$/, ''), clientId: clientId! };
}
