import { Principal } from './principal';

/** The bits of an HTTP request the auth layer reads and writes; framework-neutral on purpose. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  /** Set by AuthGuard on every route that is not @Public(). */
  principal?: Principal;
}
