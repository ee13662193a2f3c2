import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setTokenSource } from '../api/http';
import { DevSignIn } from './dev-sign-in';
import type { OidcSignIn } from './oidc-sign-in';
import type { Session, SignInProvider } from './session';

/** What the console server says about sign-in (`/api/console/settings`): one build serves either mode. */
export type SignInSettings = { kind: 'oidc'; issuer: string; clientId: string } | { kind: 'development' } | { kind: 'none' };

/** The provider in use, chosen at start from the console server's settings (`configureSignIn`). */
export let signInProvider: SignInProvider | null = null;
let initialSession: Session | null = null;

/** Reads the console server's settings, sets up the provider and restores this tab's session; before the first render. */
export async function configureSignIn(): Promise<SignInSettings> {
  let settings: SignInSettings = { kind: 'none' };
  try {
    const res = await fetch('/api/console/settings');
    if (res.ok) settings = ((await res.json()) as { signIn?: SignInSettings }).signIn ?? settings;
  } catch {
    // the public pages still work; signing in says the server is not answering
  }
  if (settings.kind === 'oidc') {
    // Loaded only in this mode: the development build's public pages do not carry the OpenID Connect client.
    const { OidcSignIn } = await import('./oidc-sign-in');
    signInProvider = new OidcSignIn({ issuer: settings.issuer, clientId: settings.clientId });
  } else if (settings.kind === 'development') signInProvider = new DevSignIn();
  initialSession = (await signInProvider?.restore().catch(() => null)) ?? null;
  return settings;
}

export const devSignIn = (): DevSignIn | null => (signInProvider instanceof DevSignIn ? signInProvider : null);
export const oidcSignIn = (): OidcSignIn | null => (signInProvider?.kind === 'oidc' ? (signInProvider as OidcSignIn) : null);

interface AuthState {
  session: Session | null;
  setSession(s: Session | null): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null>(initialSession);
  const setSession = useCallback((s: Session | null) => setSessionState(s), []);
  const signOut = useCallback(async () => {
    await signInProvider?.signOut();
    setSessionState(null);
  }, []);
  // Renewed silently or ended by the provider: the pages follow.
  useEffect(() => signInProvider?.onChange(setSessionState), []);
  // The API layer reads the token at call time; a refused token ends the session here.
  setTokenSource(
    () => (session && session.expiresAt > Date.now() ? session.accessToken : null),
    () => {
      void signInProvider?.forget();
      setSessionState(null);
    },
  );
  const value = useMemo(() => ({ session, setSession, signOut }), [session, setSession, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
