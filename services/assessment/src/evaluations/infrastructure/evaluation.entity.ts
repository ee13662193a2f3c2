import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CaseStage, OccupationPart } from '@filing/contracts';

import type { GroupMember } from '../domain/group-member';

export type { GroupMember };

/**
 * The expert group's evaluation of one case, built from review's and expert-pool's events. Facts arrive on several
 * topics in no guaranteed order, so every column but the case id may still be empty.
 */
@Entity({ name: 'evaluation' })
export class Evaluation {
  @PrimaryColumn('text', { name: 'case_id' }) caseId!: string;
  @Column('text', { nullable: true }) jurisdiction!: string | null;
  @Column('text', { name: 'institution_kind', nullable: true }) institutionKind!: 'employer' | 'social-org' | null;
  @Column('text', { name: 'application_kind', nullable: true }) applicationKind!: 'new-filing' | 'add-occupation' | null;
  @Column('jsonb', { nullable: true }) applicant!: { name: string; creditCode: string } | null;
  @Column('jsonb', { nullable: true }) occupations!: OccupationPart[] | null;
  @Column('text', { name: 'group_id', nullable: true }) groupId!: string | null;
  @Column('jsonb') members!: GroupMember[];
  @Column('text', { name: 'leader_expert_id', nullable: true }) leaderExpertId!: string | null;
  @Column('timestamptz', { name: 'formed_at', nullable: true }) formedAt!: Date | null;
  /** The standard version pinned when the evaluation started (the group's formation); see docs/adr. */
  @Column('integer', { name: 'standard_seq', nullable: true }) standardSeq!: number | null;
  @Column('date', { name: 'standard_pinned_for', nullable: true }) standardPinnedFor!: string | null;
  /** Last stage review reported (review.case.stage-changed). */
  @Column('text', { nullable: true }) stage!: CaseStage | null;
  /** 1 for the first materials review; +1 each time the case is returned (退回) so a resubmission gets a new round. */
  @Column('integer', { name: 'preliminary_round' }) preliminaryRound!: number;
  /** 1 for the first comprehensive opinion; +1 each time the provincial re-check sends it back to the group (退回专家组). */
  @Column('integer', { name: 'comprehensive_round', default: 1 }) comprehensiveRound!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
