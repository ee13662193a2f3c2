// Who is signed in, whatever signed them in. The console reads only this; the development sign-in (dev-sign-in.ts)
// is one provider, and OpenID Connect can be another behind the same interface.

export type Role = 'applicant' | 'center-staff' | 'discipline-officer' | 'expert' | 'approver' | 'admin';

export interface SignedInUser {
  sub: string;
  name?: string;
  roles: Role[];
  jurisdiction: string;
  creditCode?: string;
  expertId?: string;
}

export interface Session {
  user: SignedInUser;
  /** The bearer token the services accept. Held in memory and sessionStorage only, never in a cookie. */
  accessToken: string;
  expiresAt: number;
  /** Which provider made it, e.g. `development` or `oidc`. */
  provider: string;
}

export interface SignInProvider {
  readonly kind: 'development' | 'oidc';
  /** The session restored after a reload of this tab, if still valid. */
  restore(): Promise<Session | null>;
  /** Ends the session (at the provider too, which may leave the page); the console forgets it either way. */
  signOut(): Promise<void>;
  /** Forgets the session here only (a token the services refused). */
  forget(): Promise<void>;
  /** Tells the console when the provider renews or ends the session by itself (silent renewal, expiry). */
  onChange(listener: (s: Session | null) => void): () => void;
}

/** Reads the claims of a JWT (for display and routing only: the services verify the signature). */
export function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

export function sessionFromToken(token: string, provider: string): Session {
  const c = claimsOf(token);
  return {
    accessToken: token,
    provider,
    expiresAt: typeof c.exp === 'number' ? c.exp * 1000 : Date.now() + 3600_000,
    user: {
      sub: String(c.sub ?? ''),
      name: typeof c.name === 'string' ? c.name : undefined,
      roles: (Array.isArray(c.roles) ? c.roles : []) as Role[],
      jurisdiction: String(c.jurisdiction ?? ''),
      creditCode: typeof c.creditCode === 'string' ? c.creditCode : undefined,
      expertId: typeof c.expertId === 'string' ? c.expertId : undefined,
    },
  };
}
