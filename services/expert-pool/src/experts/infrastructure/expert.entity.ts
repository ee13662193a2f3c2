import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export const EXPERT_STATUSES = ['active', 'suspended', 'removed'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

export interface OrganisationRef {
  name: string;
  creditCode?: string | null;
}
export interface FormerEmployer extends OrganisationRef {
  from?: string | null;
  to: string;
}
export interface DeclaredConflict extends OrganisationRef {
  from?: string | null;
  to?: string | null;
  /** e.g. shares (持股), advice, training, helped write the application. */
  nature: string;
}
export interface RelativeEmployer extends OrganisationRef {
  relation?: string | null;
}
export interface ServiceRecord {
  caseId: string;
  applicantName: string;
  applicantCreditCode?: string | null;
  servedOn: string;
  groupId?: string;
}

/** An evaluation expert (技术评估专家) in one level's expert database (专家库). */
@Entity({ name: 'expert' })
export class Expert {
  @PrimaryColumn('uuid') id!: string;
  /** Whose database: 220000 (province) or a city-level jurisdiction. */
  @Column('text') level!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) gender!: 'male' | 'female' | null;
  /** 居民身份证号: stored in full, masked in every response except to the discipline officer. */
  @Column('text', { name: 'id_number' }) idNumber!: string;
  @Column('jsonb') employer!: OrganisationRef;
  /** 职称 (professional title), e.g. 高级工程师. */
  @Column('text', { nullable: true }) title!: string | null;
  /** 职业技能等级 1–5 (1 = 一级/高级技师). */
  @Column('int', { name: 'skill_level', nullable: true }) skillLevel!: number | null;
  @Column('jsonb', { name: 'occupation_codes' }) occupationCodes!: string[];
  /** 市州 the expert lives or works in. */
  @Column('text') region!: string;
  @Column('jsonb') contact!: { phone: string; email?: string | null };
  @Column('text') status!: ExpertStatus;
  @Column('text', { name: 'status_reason', nullable: true }) statusReason!: string | null;
  @Column('date', { name: 'term_start' }) termStart!: string;
  @Column('date', { name: 'term_end', nullable: true }) termEnd!: string | null;
  @Column('jsonb', { name: 'former_employers' }) formerEmployers!: FormerEmployer[];
  @Column('jsonb', { name: 'declared_conflicts' }) declaredConflicts!: DeclaredConflict[];
  @Column('jsonb', { name: 'relatives_employers' }) relativesEmployers!: RelativeEmployer[];
  @Column('jsonb', { name: 'service_history' }) serviceHistory!: ServiceRecord[];
  /**
   * The identity-provider account (its token subject, `sub`) that acts as this expert, linked by centre staff. The
   * account's `expertId` claim must name this record, and expert-pool refuses a token whose claim names a record
   * linked to another account (README: how an expert account is provisioned).
   */
  @Column('text', { name: 'account_subject', nullable: true }) accountSubject!: string | null;
  /** The account's user name at the provider, for people reading the record. */
  @Column('text', { name: 'account_username', nullable: true }) accountUsername!: string | null;
  @Column('timestamptz', { name: 'account_linked_at', nullable: true }) accountLinkedAt!: Date | null;
  @Column('text', { name: 'account_linked_by', nullable: true }) accountLinkedBy!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
