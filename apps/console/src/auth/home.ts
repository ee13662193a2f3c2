// Where a person goes once signed in, whichever provider signed them in.
/** Where a signed-in person starts: an applicant at their applications, an official at their workbench (工作台). */
export function homeOf(roles: string[]): string {
  if (roles.includes('applicant')) return '/applicant/applications';
  return roles.length ? '/workbench' : '/notices';
}

/** A path inside the console to return to after signing in (never another site, never the sign-in pages). */
export function safeNext(next: string | null | undefined): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') && !next.startsWith('/signed-in') ? next : null;
}
