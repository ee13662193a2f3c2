import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { ActorPart, ApplicationKind, DrawApplicantPart, OccupationPart } from '@filing/contracts';
import type { DrawRequirements, DrawSnapshot } from '../domain/draw-snapshot';
import type { RuleHit } from '../domain/avoidance';
import type { ElectionMethod, ElectionState, LeaderVote } from '../domain/leader-election';

/** QUEUED (in the officer's queue) → COMMITTED → DRAWN → FORMED (kick-off) → LEADER_ELECTED; or CANCELLED. */
export const DRAW_STATUSES = ['QUEUED', 'COMMITTED', 'DRAWN', 'FORMED', 'LEADER_ELECTED', 'CANCELLED'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];

export interface SeatedExpert {
  expertId: string;
  name: string;
  employer: string;
  occupationCodes: string[];
  /** drawn → confirmed (accepted the invitation). */
  state: 'drawn' | 'confirmed';
}

export interface Replacement {
  replacedExpertId: string;
  replacementExpertId: string;
  cause: 'declined' | 'recused';
  reason: string;
  by: string;
  at: string;
}

/** The conflict-of-interest declaration (回避声明) a member signs when answering the invitation. */
export interface ConflictDeclaration {
  expertId: string;
  /** false: the member states that no conflict exists; true: a conflict is declared and the member is recused. */
  hasConflict: boolean;
  statement: string;
  signedBy: { subject: string; name: string | null };
  signedAt: string;
}

/** The kick-off meeting (启动会) as recorded by the centre: who came, what was agreed (明确要求、统一标准). */
export interface KickOffMeeting {
  heldOn: string;
  place: string;
  presentExpertIds: string[];
  absentExpertIds: string[];
  requirements: string;
  /** The evaluation standard and version the group agreed to apply (assessment pins the version on the case). */
  standardVersion: string;
  recordedBy: { subject: string; role: string };
  recordedAt: string;
}

/** How the leader was elected (ADR 0020): the round, the votes and who was present. */
export interface LeaderElection {
  leaderExpertId: string;
  method: ElectionMethod;
  round: number;
  votes: number;
  presentCount: number;
  memberCount: number;
  abstentions: number;
  tally: Record<string, number>;
  /** For a centre decision: who decided and why. */
  decidedBy?: { subject: string; role: string };
  reason?: string;
  at: string;
}

export interface ExcludedExpert {
  expertId: string;
  name: string;
  hits: RuleHit[];
}

export interface SupersededCommitment {
  commitment: string;
  snapshotHash: string;
  seed: string;
  committedAt: string;
  supersededAt: string;
}

/** One draw request (专家抽取) and everything that follows from it: commitment, draw, group and leader. */
@Entity({ name: 'draw' })
export class Draw {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'case_jurisdiction' }) caseJurisdiction!: string;
  @Column('text', { name: 'database_level' }) databaseLevel!: string;
  @Column('text', { name: 'request_event_id' }) requestEventId!: string;
  @Column('text', { name: 'application_kind' }) applicationKind!: ApplicationKind;
  @Column('jsonb') applicant!: DrawApplicantPart;
  @Column('jsonb') occupations!: OccupationPart[];
  @Column('jsonb') requirements!: DrawRequirements;
  @Column('text', { name: 'work_plan' }) workPlan!: string;
  @Column('text', { name: 'planned_onsite_date', nullable: true }) plannedOnsiteDate!: string | null;
  @Column('jsonb', { name: 'requested_by' }) requestedBy!: ActorPart;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('text') status!: DrawStatus;

  /** Loaded only where needed (it can be megabytes): see DrawRepository.forUpdate(…, { secrets: true }). */
  @Column('jsonb', { nullable: true, select: false }) snapshot!: DrawSnapshot | null;
  @Column('text', { name: 'snapshot_hash', nullable: true }) snapshotHash!: string | null;
  /** The secret server seed: never shown before it is revealed after the comprehensive opinion. */
  @Column('text', { nullable: true, select: false }) seed!: string | null;
  @Column('text', { nullable: true }) commitment!: string | null;
  @Column('timestamptz', { name: 'committed_at', nullable: true }) committedAt!: Date | null;
  @Column('text', { name: 'committed_by', nullable: true }) committedBy!: string | null;
  @Column('jsonb', { nullable: true, select: false }) exclusions!: ExcludedExpert[] | null;
  @Column('int', { name: 'eligible_count', nullable: true }) eligibleCount!: number | null;
  @Column('int', { name: 'excluded_count', nullable: true }) excludedCount!: number | null;
  @Column('jsonb', { name: 'superseded_commitments' }) supersededCommitments!: SupersededCommitment[];

  /** Attempts that could not meet the requirements in the drawn order (nothing drawn), with the entropy used. */
  @Column('jsonb', { name: 'failed_attempts' }) failedAttempts!: { officerEntropy: string; requirement: string; message: string; by: string; at: string }[];
  @Column('text', { name: 'officer_entropy', nullable: true }) officerEntropy!: string | null;
  @Column('timestamptz', { name: 'drawn_at', nullable: true }) drawnAt!: Date | null;
  @Column('text', { name: 'drawn_by', nullable: true }) drawnBy!: string | null;
  @Column('uuid', { name: 'group_id', nullable: true }) groupId!: string | null;
  /** The draw's result as drawn (what verification recomputes), before any replacement. */
  @Column('jsonb', { name: 'drawn_members', nullable: true }) drawnMembers!: string[] | null;
  @Column('jsonb', { name: 'drawn_reserves', nullable: true }) drawnReserves!: string[] | null;
  /** The group as it stands. */
  @Column('jsonb') members!: SeatedExpert[];
  /** Ranked reserves not yet used. */
  @Column('jsonb') reserves!: SeatedExpert[];
  @Column('jsonb') replacements!: Replacement[];

  @Column('timestamptz', { name: 'formed_at', nullable: true }) formedAt!: Date | null;
  @Column('jsonb') declarations!: ConflictDeclaration[];
  @Column('jsonb', { name: 'kick_off_meeting', nullable: true }) kickOffMeeting!: KickOffMeeting | null;
  @Column('jsonb') votes!: (LeaderVote & { at: string })[];
  @Column('int', { name: 'election_round' }) electionRound!: number;
  /** The stage of the current round; null until the kick-off meeting is recorded. */
  @Column('jsonb', { nullable: true }) election!: ElectionState | null;
  @Column('jsonb', { name: 'leader_election', nullable: true }) leaderElection!: LeaderElection | null;
  @Column('text', { name: 'leader_expert_id', nullable: true }) leaderExpertId!: string | null;
  @Column('timestamptz', { name: 'leader_elected_at', nullable: true }) leaderElectedAt!: Date | null;
  @Column('timestamptz', { name: 'seed_revealed_at', nullable: true }) seedRevealedAt!: Date | null;
  @VersionColumn() version!: number;
}
