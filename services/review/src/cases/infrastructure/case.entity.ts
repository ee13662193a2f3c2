import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ApplicationKind, CaseStage, InstitutionPart, OccupationOutcomePart, OccupationPart } from '@filing/contracts';

export interface ExpertRequestData {
  workPlan: string;
  groupSize: number;
  reserves: number;
  maxPerEmployer?: number;
  occupationCodes: string[];
  databaseLevel: string;
  plannedOnsiteDate?: string;
}

export interface ExpertGroupData {
  groupId: string;
  drawId: string;
  databaseLevel: string;
  members: { expertId: string; name: string; occupationCodes: string[] }[];
  leaderExpertId?: string;
  replacements: { replacedExpertId: string; replacementExpertId: string; cause: string; at: string }[];
}

export interface OpinionData {
  opinionId: string;
  result: 'pass' | 'fail';
  summary: string;
  total?: number;
  leaderExpertId: string;
  submittedAt: string;
  /** Comprehensive: the round (+1 after each return to the group) and the outcome per applied occupation. */
  round?: number;
  occupationOutcomes?: OccupationOutcomePart[];
  overrideReason?: string;
}

export interface ApprovalData {
  decision: 'approved' | 'not-approved';
  approvalBody: 'local-hrss-bureau' | 'director-office-meeting';
  meetingReference?: string;
  by: string;
  at: string;
}

export interface NoticeData {
  noticeId: string;
  startDate: string;
  endDate: string;
  workingDays: number;
  /** Objections (异议) received and not yet resolved; while any is open the filing notice is held. */
  openObjections: string[];
  resolvedObjections: { objectionId: string; outcome: 'upheld' | 'dismissed'; struckOccupationCodes: string[] }[];
}

/** Why an approved case has no public notice yet: publication waits for a year of the working-day calendar. */
export interface NoticeWaitingData {
  reason: 'calendar';
  year: number;
  since: string;
}

export interface DrawSeedData {
  drawId: string;
  commitment: string;
  seed: string;
  revealedAt: string;
}

/** A filing case (案件): one per application, owned by the review instance of its jurisdiction. */
@Entity({ name: 'review_case' })
export class ReviewCase {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'application_kind' }) applicationKind!: ApplicationKind;
  @Column('text') stage!: CaseStage;
  @Column('jsonb') institution!: InstitutionPart;
  @Column('jsonb') occupations!: OccupationPart[];
  @Column('text', { name: 'existing_filing_number', nullable: true }) existingFilingNumber!: string | null;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
  @Column('timestamptz', { name: 'stage_entered_at' }) stageEnteredAt!: Date;
  /** How often the materials were returned (退回); the applicant resubmits each time. */
  @Column('integer', { name: 'return_count', default: 0 }) returnCount!: number;
  @Column('integer', { name: 'resubmission_round', default: 0 }) resubmissionRound!: number;
  @Column('jsonb', { name: 'expert_request', nullable: true }) expertRequest!: ExpertRequestData | null;
  @Column('jsonb', { name: 'expert_group', nullable: true }) expertGroup!: ExpertGroupData | null;
  /** The latest opinion of each kind (初评 / 技术 / 综合). */
  @Column('jsonb', { default: {} }) opinions!: Partial<Record<'preliminary' | 'technical' | 'comprehensive', OpinionData>>;
  @Column('jsonb', { nullable: true }) approval!: ApprovalData | null;
  @Column('jsonb', { nullable: true }) notice!: NoticeData | null;
  @Column('jsonb', { name: 'notice_waiting', nullable: true }) noticeWaiting!: NoticeWaitingData | null;
  /** The draw's seed once revealed after the comprehensive opinion, so the draw can be verified (docs/architecture.md §8). */
  @Column('jsonb', { name: 'draw_seed', nullable: true }) drawSeed!: DrawSeedData | null;
  /** Why the case last moved (return reasons, rejection reason...). */
  @Column('text', { name: 'last_reason', nullable: true }) lastReason!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
