// Who sits in a case's expert group, as intake learns it from expert-pool's events: the members may read the case's
// materials. Pure domain code.

export interface GroupMemberRef {
  expertId: string;
  name: string;
}

export interface MemberReplacement {
  groupId: string;
  replacedExpertId: string;
  replacement: GroupMemberRef;
  replacedAt: string;
}

export interface GroupFormation {
  groupId: string;
  members: GroupMemberRef[];
  formedAt: string;
}

/**
 * The current members: the list formed at the kick-off, then every replacement of the same group made after it, in
 * time order. A replacement before the kick-off is already reflected in the formed list; the events come on two
 * topics with no order between them, so either may arrive first and the result is the same.
 */
export function currentMembers(formed: GroupFormation | null, replacements: readonly MemberReplacement[]): GroupMemberRef[] {
  if (!formed) return [];
  let members = [...formed.members];
  const after = replacements
    .filter((r) => r.groupId === formed.groupId && Date.parse(r.replacedAt) > Date.parse(formed.formedAt))
    .sort((a, b) => Date.parse(a.replacedAt) - Date.parse(b.replacedAt));
  for (const r of after) {
    if (!members.some((m) => m.expertId === r.replacedExpertId) || members.some((m) => m.expertId === r.replacement.expertId)) continue;
    members = members.map((m) => (m.expertId === r.replacedExpertId ? { ...r.replacement } : m));
  }
  return members;
}
