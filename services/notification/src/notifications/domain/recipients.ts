// Who a signed-in person is, as a notification addresses them (RECIPIENT_ID_PATTERN in libs/contracts).

/** The claims of a signed-in person that name them (structurally libs/auth's Principal). */
export interface RecipientClaims {
  sub: string;
  roles: readonly string[];
  jurisdiction: string;
  creditCode?: string;
  expertId?: string;
}

/** Every recipient id a person reads the notices of: their account, institution, expert record and roles. */
export function recipientIdsOf(p: RecipientClaims): string[] {
  const ids = [`subject:${p.sub}`];
  if (p.creditCode && p.roles.includes('applicant')) ids.push(`institution:${p.creditCode}`);
  if (p.expertId && p.roles.includes('expert')) ids.push(`expert:${p.expertId}`);
  for (const role of p.roles) if (role !== 'applicant' && role !== 'expert') ids.push(`role:${role}@${p.jurisdiction}`);
  return ids;
}

/** The one recipient id whose channel preferences a person sets: the expert record, the institution, or the account. */
export function preferenceIdOf(p: RecipientClaims): string {
  if (p.expertId && p.roles.includes('expert')) return `expert:${p.expertId}`;
  if (p.creditCode && p.roles.includes('applicant')) return `institution:${p.creditCode}`;
  return `subject:${p.sub}`;
}
