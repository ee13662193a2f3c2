/** A member of the case's expert group, as expert-pool reported it. */
export interface GroupMember {
  expertId: string;
  name: string;
  occupationCodes: string[];
}
