import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GroupFormation, GroupMemberRef, MemberReplacement } from '../domain/expert-group';

/** A case's expert group as expert-pool reported it (group formed at the kick-off, members replaced after). */
@Entity({ name: 'expert_group' })
export class ExpertGroup {
  @PrimaryColumn('uuid', { name: 'application_id' }) applicationId!: string;
  /** Null until the group-formed event arrives (a replacement may come first). */
  @Column('jsonb', { nullable: true }) formation!: GroupFormation | null;
  @Column('jsonb') replacements!: MemberReplacement[];
  /** The current members (derived from the two above, kept for the access check). */
  @Column('jsonb') members!: GroupMemberRef[];
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
