// What expert-pool answers about draws (its OpenAPI document names no response types).
import type { Occupation } from '../intake/views';

export type DrawStatus = 'QUEUED' | 'COMMITTED' | 'DRAWN' | 'FORMED' | 'LEADER_ELECTED' | 'CANCELLED';

export interface DrawSummary {
  id: string;
  caseId: string;
  caseJurisdiction: string;
  databaseLevel: string;
  status: DrawStatus;
  applicationKind: string;
  applicant: { name: string; creditCode: string; kind: string };
  occupations: Occupation[];
  requirements: { groupSize: number; reserves: number; maxPerEmployer?: number; occupationCodes?: string[] };
  workPlan: string;
  plannedOnsiteDate?: string;
  requestedAt: string;
  commitment: { commitment: string; snapshotHash: string; committedAt: string; eligibleCount: number; excludedCount: number } | null;
  drawnAt: string | null;
  groupId: string | null;
  group:
    | {
        sealed: false;
        members: { expertId: string; name: string; occupationCodes: string[]; state: string }[];
        reserves?: { rank: number; expertId: string; name: string; occupationCodes: string[] }[];
        reserveCount: number;
        replacements: { replacedExpertId: string; replacementExpertId: string; cause: 'declined' | 'recused'; reason: string; by: string; at: string }[];
        leaderExpertId: string | null;
        /** `candidateExpertId: null` is an abstention (弃权). */
        votes?: { round: number; voterExpertId: string; candidateExpertId: string | null; at: string }[];
        electionRound?: number;
        election?: { stage: 'open' | 'runoff' | 'centre-decision'; candidates: string[] } | null;
        leaderElection?: LeaderElection | null;
        kickOffMeeting?: KickOffMeeting | null;
        declarations?: ConflictDeclaration[];
      }
    | { sealed: true; memberCount: number; reserveCount: number; leaderElected: boolean; yourReserveRank?: number }
    | null;
  formedAt: string | null;
  leaderElectedAt: string | null;
  seedRevealedAt: string | null;
  /** The kick-off meeting's minutes, for those who see the group (GET /draws/:id only). */
  kickOffMinutes?: KickOffMinutes[];
}

/** 回避声明: what a member signed when answering the invitation. */
export interface ConflictDeclaration {
  expertId: string;
  hasConflict: boolean;
  statement: string;
  signedBy: { subject: string; name: string | null };
  signedAt: string;
}

/** 启动会: when and where, who came, the requirements and the standard version agreed. */
export interface KickOffMeeting {
  heldOn: string;
  place: string;
  presentExpertIds: string[];
  absentExpertIds: string[];
  requirements: string;
  standardVersion: string;
  recordedBy: { subject: string; role: string };
  recordedAt: string;
}

/** How the leader was elected (ADR 0020). */
export interface LeaderElection {
  leaderExpertId: string;
  method: 'majority' | 'runoff' | 'centre-decision';
  round: number;
  votes: number;
  presentCount: number;
  memberCount: number;
  abstentions: number;
  tally: Record<string, number>;
  decidedBy?: { subject: string; role: string };
  reason?: string;
  at: string;
}

export interface KickOffMinutes {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { subject: string; role: string };
  uploadedAt: string;
  download: string;
}

export interface DrawExclusions {
  drawId: string;
  committedAt: string | null;
  eligibleCount: number;
  excludedCount: number;
  byRule: Record<string, number>;
  excluded: { expertId: string; hits: { rule: string; detail: string }[] }[];
}

export interface DrawVerification {
  drawId: string;
  commitment: string;
  committedAt: string;
  drawnAt: string | null;
  state: 'sealed' | 'revealed';
  seedRevealedAt?: string;
  report?: { match: boolean; mismatches: string[] };
  published?: { seed: string; officerEntropy: string };
}

/** An expert of the caller's level's database (专家库); the ID number masked. */
export interface ExpertRecord {
  id: string;
  level: string;
  name: string;
  gender: 'male' | 'female' | null;
  idNumber: string;
  employer: { name: string; creditCode: string | null };
  title: string | null;
  skillLevel: number | null;
  occupationCodes: string[];
  region: string;
  contact: { phone: string; email: string | null };
  status: 'active' | 'suspended' | 'removed';
  statusReason: string | null;
  termStart: string;
  termEnd: string | null;
  account: { subject: string; username: string | null } | null;
  version: number;
}

export interface ExpertList {
  level: string;
  total: number;
  items: ExpertRecord[];
}

/** A bulk import (批量导入) and its progress; `checked` is a check that found every row valid and imported nothing. */
export interface ImportJob {
  id: string;
  level: string;
  format: 'csv' | 'xlsx' | 'json';
  mode: 'all' | 'partial' | 'check';
  status: 'running' | 'completed' | 'checked' | 'rejected' | 'failed';
  total: number;
  validated: number;
  imported: number;
  errors: { row: number; line?: number; problems: string[] }[];
  failure: string | null;
}
