import { Principal } from '@filing/auth';
import { Draw } from './infrastructure/draw.entity';
import { isCentreStaff, isMember, isOfficer, isReserve } from './draw-access';

const FORMED: Draw['status'][] = ['FORMED', 'LEADER_ELECTED'];

/** Whether the caller may see who is in the group: sealed until the kick-off but to the officer and the members. */
export function seesIdentities(d: Draw, p: Principal): boolean {
  if (isOfficer(d, p) || isMember(d, p)) return true;
  return FORMED.includes(d.status) && isCentreStaff(d, p);
}

export { canSeeDraw } from './draw-access';

/** A draw as the caller may see it: everyone sees counts and the commitment; identities only per `seesIdentities`. */
export function drawView(d: Draw, p: Principal) {
  const identities = seesIdentities(d, p);
  const officer = isOfficer(d, p);
  return {
    id: d.id,
    caseId: d.caseId,
    caseJurisdiction: d.caseJurisdiction,
    databaseLevel: d.databaseLevel,
    status: d.status,
    applicationKind: d.applicationKind,
    applicant: d.applicant,
    occupations: d.occupations,
    requirements: d.requirements,
    workPlan: d.workPlan,
    plannedOnsiteDate: d.plannedOnsiteDate,
    requestedAt: d.requestedAt,
    commitment: d.commitment
      ? {
          commitment: d.commitment,
          snapshotHash: d.snapshotHash,
          committedAt: d.committedAt,
          eligibleCount: d.eligibleCount ?? 0,
          excludedCount: d.excludedCount ?? 0,
          superseded: d.supersededCommitments.map((s) => ({ commitment: s.commitment, committedAt: s.committedAt, supersededAt: s.supersededAt })),
        }
      : null,
    drawnAt: d.drawnAt,
    failedAttempts: officer ? d.failedAttempts : d.failedAttempts.length,
    officerEntropy: d.drawnAt ? d.officerEntropy : null,
    groupId: d.groupId,
    group: d.groupId
      ? identities
        ? {
            sealed: false,
            members: d.members.map((m) => ({ expertId: m.expertId, name: m.name, occupationCodes: m.occupationCodes, state: m.state })),
            ...(officer
              ? { reserves: d.reserves.map((r, i) => ({ rank: i + 1, expertId: r.expertId, name: r.name, occupationCodes: r.occupationCodes })) }
              : {}),
            reserveCount: d.reserves.length,
            replacements: d.replacements,
            votes: d.votes,
            electionRound: d.electionRound,
            election: d.election,
            leaderExpertId: d.leaderExpertId,
            leaderElection: d.leaderElection,
            kickOffMeeting: d.kickOffMeeting,
            // The officer and, once the group is formed, the centre see every declaration; a member sees their own.
            declarations: officer || FORMED.includes(d.status) ? d.declarations : d.declarations.filter((x) => x.expertId === p.expertId),
          }
        : {
            sealed: true,
            memberCount: d.members.length,
            reserveCount: d.reserves.length,
            replacementCount: d.replacements.length,
            leaderElected: d.leaderExpertId !== null,
            ...(isReserve(d, p) ? { yourReserveRank: d.reserves.findIndex((r) => r.expertId === p.expertId) + 1 } : {}),
          }
      : null,
    formedAt: d.formedAt,
    leaderElectedAt: d.leaderElectedAt,
    seedRevealedAt: d.seedRevealedAt,
    // The seed itself is published by the verification endpoint once revealed.
    verification: `/draws/${d.id}/verification`,
  };
}
