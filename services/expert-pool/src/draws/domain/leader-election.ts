/** One member's vote for the group leader (组长) in one round. */
export interface LeaderVote {
  round: number;
  voterExpertId: string;
  candidateExpertId: string;
}

export type RoundOutcome =
  | { state: 'open'; votesCast: number; voters: number }
  | { state: 'elected'; leaderExpertId: string; votes: number; voters: number }
  | { state: 'no-majority'; tally: Record<string, number>; voters: number };

/**
 * Tallies a round once every member has voted: a candidate with more than half of the votes is elected; otherwise
 * the round ends without a leader and the group votes again.
 */
export function tallyRound(memberIds: readonly string[], votes: readonly LeaderVote[], round: number): RoundOutcome {
  const cast = votes.filter((v) => v.round === round);
  if (cast.length < memberIds.length) return { state: 'open', votesCast: cast.length, voters: memberIds.length };
  const tally: Record<string, number> = {};
  for (const v of cast) tally[v.candidateExpertId] = (tally[v.candidateExpertId] ?? 0) + 1;
  const [leader, top] = Object.entries(tally).sort((a, b) => b[1] - a[1])[0];
  if (top * 2 > memberIds.length) return { state: 'elected', leaderExpertId: leader, votes: top, voters: memberIds.length };
  return { state: 'no-majority', tally, voters: memberIds.length };
}
