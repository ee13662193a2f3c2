// Development sign-in: the console server lists demo identities and issues development tokens for them
// (`/api/dev/…`, mounted only outside production). The token lives in this tab's sessionStorage.
import { request } from '../api/http';
import { sessionFromToken, type Session, type SignInProvider } from './session';

const KEY = 'jl-filing.session';

export interface DemoIdentity {
  id: string;
  group: string;
  label: string;
  description: string;
  roles: string[];
  jurisdiction: string;
}

export class DevSignIn implements SignInProvider {
  readonly kind = 'development';

  async restore(): Promise<Session | null> {
    return this.stored();
  }

  private stored(): Session | null {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    try {
      const s = JSON.parse(raw) as Session;
      if (s.expiresAt > Date.now() + 60_000) return s;
    } catch {
      // a damaged entry is dropped below
    }
    sessionStorage.removeItem(KEY);
    return null;
  }

  identities(): Promise<DemoIdentity[]> {
    return fetch('/api/dev/identities').then(async (r) => {
      if (r.status === 404) return [];
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return ((await r.json()) as { items: DemoIdentity[] }).items;
    });
  }

  async signIn(identityId: string): Promise<Session> {
    const { token } = await request<{ token: string }>('POST', 'dev', '/sign-in', { body: { identity: identityId } });
    // The token names the identity (its `name` claim), so the header can show who is signed in.
    const s = sessionFromToken(token, this.kind);
    sessionStorage.setItem(KEY, JSON.stringify(s));
    return s;
  }

  async signOut(): Promise<void> {
    sessionStorage.removeItem(KEY);
  }

  async forget(): Promise<void> {
    sessionStorage.removeItem(KEY);
  }

  /** A development token lives 8 h and is not renewed: nothing changes by itself. */
  onChange(): () => void {
    return () => undefined;
  }
}
