/**
 * The leader election at the kick-off meeting (推选一名组长, procedure §二(三)1), as ADR 0020 states it:
 * - only the members recorded present vote, and only for a present member; each votes or abstains once per round;
 *   absent members neither vote nor block; the meeting elects only when more than half of the group is present;
 * - round 1 (open): a candidate with votes from more than half of the members present is elected;
 * - otherwise a runoff among the leaders of round 1 (those tied for the most votes, or the front-runner and those tied
 *   second; everyone present when nobody got a vote): the most votes elects;
 * - a runoff that ties at the top (or where everyone abstains) goes to the centre, which names one of the tied
 *   candidates with a recorded reason.
 */

/** One present member's vote in one round; `candidateExpertId: null` is an abstention (弃权). */
export interface LeaderVote {
  round: number;
  voterExpertId: string;
  candidateExpertId: string | null;
}

/** open = round 1 among everyone present; runoff = among `candidates`; centre-decision = the centre names one. */
export type ElectionStage = 'open' | 'runoff' | 'centre-decision';

export interface ElectionState {
  stage: ElectionStage;
  /** Who may be voted for in this stage (every present member in the open round). */
  candidates: string[];
}

export type ElectionMethod = 'majority' | 'runoff' | 'centre-decision';

export type RoundOutcome =
  | { state: 'open'; votesCast: number; voters: number }
  | {
      state: 'elected';
      leaderExpertId: string;
      method: Exclude<ElectionMethod, 'centre-decision'>;
      votes: number;
      voters: number;
      abstentions: number;
      tally: Record<string, number>;
    }
  | { state: 'runoff'; candidates: string[]; tally: Record<string, number>; abstentions: number; voters: number }
  | { state: 'centre-decision'; candidates: string[]; tally: Record<string, number>; abstentions: number; voters: number };

/** The meeting elects only when more than half of the group's members are present. */
export function hasQuorum(presentCount: number, memberCount: number): boolean {
  return presentCount * 2 > memberCount;
}

function count(cast: readonly LeaderVote[]): { tally: Record<string, number>; abstentions: number } {
  const tally: Record<string, number> = {};
  let abstentions = 0;
  for (const v of cast) {
    if (v.candidateExpertId === null) abstentions += 1;
    else tally[v.candidateExpertId] = (tally[v.candidateExpertId] ?? 0) + 1;
  }
  return { tally, abstentions };
}

/** Candidates grouped by their number of votes, most first, each group sorted (the order never depends on input order). */
function ranks(tally: Record<string, number>): string[][] {
  const byVotes = new Map<number, string[]>();
  for (const [id, n] of Object.entries(tally)) byVotes.set(n, [...(byVotes.get(n) ?? []), id]);
  return [...byVotes.entries()].sort((a, b) => b[0] - a[0]).map(([, ids]) => ids.sort());
}

/**
 * Tallies the current round once every present member has voted or abstained. `present` are the members recorded
 * present at the meeting; `votes` may hold earlier rounds (only `round` counts).
 */
export function tallyRound(state: ElectionState, present: readonly string[], votes: readonly LeaderVote[], round: number): RoundOutcome {
  const cast = votes.filter((v) => v.round === round && present.includes(v.voterExpertId));
  if (cast.length < present.length) return { state: 'open', votesCast: cast.length, voters: present.length };
  const { tally, abstentions } = count(cast);
  const ranked = ranks(tally);
  const top = ranked[0] ?? [];
  const topVotes = top.length ? tally[top[0]] : 0;
  const voters = present.length;
  if (state.stage === 'open') {
    if (top.length === 1 && topVotes * 2 > present.length) {
      return { state: 'elected', leaderExpertId: top[0], method: 'majority', votes: topVotes, voters, abstentions, tally };
    }
    const candidates = top.length === 0 ? [...present].sort() : top.length > 1 ? top : [...top, ...(ranked[1] ?? [])];
    return { state: 'runoff', candidates, tally, abstentions, voters };
  }
  if (top.length === 1) return { state: 'elected', leaderExpertId: top[0], method: 'runoff', votes: topVotes, voters, abstentions, tally };
  return { state: 'centre-decision', candidates: top.length ? top : [...state.candidates].sort(), tally, abstentions, voters };
}
