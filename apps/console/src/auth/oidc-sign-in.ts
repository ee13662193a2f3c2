// Sign-in through the province's identity provider (统一身份认证; locally Keycloak): OpenID Connect authorization code
// + PKCE with oidc-client-ts, as the public client the console server names in its settings. The provider's tokens
// stay in this tab's sessionStorage (oidc-client-ts's user store), never in a cookie of ours; the access token is
// renewed before it expires with the refresh token; signing out ends the session at the provider (end_session).
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { sessionFromToken, type Session, type SignInProvider } from './session';

export interface OidcSettings {
  issuer: string;
  clientId: string;
}

/** Where the provider sends the browser back to (registered as a redirect URI of the client). */
export const CALLBACK_PATH = '/signed-in';

export class OidcSignIn implements SignInProvider {
  readonly kind = 'oidc';
  private readonly manager: UserManager;
  private listeners: ((s: Session | null) => void)[] = [];
  /** signinRedirectCallback may run once per redirect (React's StrictMode mounts the callback page twice). */
  private completing?: Promise<{ session: Session; next?: string }>;

  constructor(readonly settings: OidcSettings) {
    const origin = window.location.origin;
    this.manager = new UserManager({
      authority: settings.issuer,
      client_id: settings.clientId,
      redirect_uri: `${origin}${CALLBACK_PATH}`,
      post_logout_redirect_uri: `${origin}/notices`,
      response_type: 'code',
      scope: 'openid profile',
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      // Renewal a minute before the access token expires, by the refresh token (no hidden iframe, no third-party cookie).
      automaticSilentRenew: true,
      accessTokenExpiringNotificationTimeInSeconds: 60,
    });
    this.manager.events.addUserLoaded((user) => this.emit(this.sessionOf(user)));
    this.manager.events.addUserUnloaded(() => this.emit(null));
    this.manager.events.addAccessTokenExpired(() => this.emit(null));
    this.manager.events.addSilentRenewError(() => {
      // The provider ended the session (signed out elsewhere, idle too long): sign in again.
      void this.manager.removeUser();
    });
  }

  /** Who the provider is, for the sign-in page (the host of the issuer). */
  get providerHost(): string {
    return new URL(this.settings.issuer).host;
  }

  async restore(): Promise<Session | null> {
    const user = await this.manager.getUser();
    if (!user) return null;
    if (user.expired) {
      // Still signed in at the provider: a refresh token brings a fresh access token.
      try {
        const renewed = await this.manager.signinSilent();
        if (renewed) return this.sessionOf(renewed);
      } catch {
        // the provider's session is over
      }
      await this.manager.removeUser();
      return null;
    }
    return this.sessionOf(user);
  }

  /** To the provider's login page; back at CALLBACK_PATH, then on to `next`. */
  async signIn(next?: string): Promise<void> {
    await this.manager.signinRedirect({ state: { next } });
  }

  /** On the callback page: the code exchanged for tokens (PKCE verifier checked by the provider). */
  completeSignIn(): Promise<{ session: Session; next?: string }> {
    this.completing ??= this.manager.signinRedirectCallback().then((user) => ({
      session: this.sessionOf(user),
      next: (user.state as { next?: string } | undefined)?.next,
    }));
    return this.completing;
  }

  async signOut(): Promise<void> {
    // Leaves the page: the provider ends its session and sends the browser to post_logout_redirect_uri.
    await this.manager.signoutRedirect();
  }

  async forget(): Promise<void> {
    await this.manager.removeUser();
  }

  onChange(listener: (s: Session | null) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private emit(s: Session | null): void {
    for (const l of this.listeners) l(s);
  }

  private sessionOf(user: User): Session {
    const s = sessionFromToken(user.access_token, this.kind);
    // The access token says who acts (roles, jurisdiction); the ID token's name where the access token has none.
    if (!s.user.name && typeof user.profile.name === 'string') s.user.name = user.profile.name;
    if (user.expires_at) s.expiresAt = user.expires_at * 1000;
    return s;
  }
}
