import { ElectionState, hasQuorum, LeaderVote, tallyRound } from './leader-election';

const open = (present: string[]): ElectionState => ({ stage: 'open', candidates: [...present].sort() });
const votes = (round: number, pairs: [string, string | null][]): LeaderVote[] =>
  pairs.map(([voterExpertId, candidateExpertId]) => ({ round, voterExpertId, candidateExpertId }));

describe('the leader election among the members present (ADR 0020)', () => {
  const present = ['a', 'b', 'c', 'd'];

  it('needs more than half of the group present', () => {
    expect(hasQuorum(3, 5)).toBe(true);
    expect(hasQuorum(2, 5)).toBe(false);
    expect(hasQuorum(2, 4)).toBe(false);
    expect(hasQuorum(3, 4)).toBe(true);
  });

  it('stays open until every present member has voted or abstained; absent members are not waited for', () => {
    const cast = votes(1, [
      ['a', 'b'],
      ['b', 'b'],
    ]);
    expect(tallyRound(open(present), present, cast, 1)).toEqual({ state: 'open', votesCast: 2, voters: 4 });
    // A vote by someone not present (e.g. recorded before a reconvened meeting) does not count.
    expect(tallyRound(open(['a', 'b']), ['a', 'b'], [...cast, { round: 1, voterExpertId: 'e', candidateExpertId: 'a' }], 1)).toMatchObject({
      state: 'elected',
      leaderExpertId: 'b',
      voters: 2,
    });
  });

  it('elects in round 1 a candidate with votes from more than half of those present, counting abstentions', () => {
    const cast = votes(1, [
      ['a', 'b'],
      ['b', 'b'],
      ['c', 'b'],
      ['d', null],
    ]);
    expect(tallyRound(open(present), present, cast, 1)).toEqual({
      state: 'elected',
      leaderExpertId: 'b',
      method: 'majority',
      votes: 3,
      voters: 4,
      abstentions: 1,
      tally: { b: 3 },
    });
  });

  it('a half is not a majority: two votes of four with two abstentions go to a runoff with the front-runner and the next', () => {
    const cast = votes(1, [
      ['a', 'b'],
      ['b', 'b'],
      ['c', null],
      ['d', null],
    ]);
    expect(tallyRound(open(present), present, cast, 1)).toMatchObject({ state: 'runoff', candidates: ['b'], abstentions: 2 });
    const spread = votes(1, [
      ['a', 'b'],
      ['b', 'b'],
      ['c', 'c'],
      ['d', 'a'],
    ]);
    expect(tallyRound(open(present), present, spread, 1)).toMatchObject({ state: 'runoff', candidates: ['b', 'a', 'c'] });
  });

  it('a tie in round 1 goes to a runoff among the tied; the runoff elects by most votes', () => {
    const tie = votes(1, [
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'a'],
      ['d', 'b'],
    ]);
    const first = tallyRound(open(present), present, tie, 1);
    expect(first).toEqual({ state: 'runoff', candidates: ['a', 'b'], tally: { a: 2, b: 2 }, abstentions: 0, voters: 4 });
    const runoff: ElectionState = { stage: 'runoff', candidates: ['a', 'b'] };
    const second = votes(2, [
      ['a', 'a'],
      ['b', null],
      ['c', 'a'],
      ['d', 'b'],
    ]);
    expect(tallyRound(runoff, present, [...tie, ...second], 2)).toEqual({
      state: 'elected',
      leaderExpertId: 'a',
      method: 'runoff',
      votes: 2,
      voters: 4,
      abstentions: 1,
      tally: { a: 2, b: 1 },
    });
  });

  it('a tied runoff, or one where everyone abstains, goes to the centre among the tied', () => {
    const runoff: ElectionState = { stage: 'runoff', candidates: ['a', 'b', 'c'] };
    const tied = votes(2, [
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
      ['d', 'b'],
    ]);
    expect(tallyRound(runoff, present, tied, 2)).toMatchObject({ state: 'elected', method: 'runoff', leaderExpertId: 'b', votes: 2 });
    const even = votes(2, [
      ['a', 'a'],
      ['b', 'b'],
      ['c', null],
      ['d', null],
    ]);
    expect(tallyRound(runoff, present, even, 2)).toEqual({
      state: 'centre-decision',
      candidates: ['a', 'b'],
      tally: { a: 1, b: 1 },
      abstentions: 2,
      voters: 4,
    });
    const silent = votes(2, [
      ['a', null],
      ['b', null],
      ['c', null],
      ['d', null],
    ]);
    expect(tallyRound(runoff, present, silent, 2)).toMatchObject({ state: 'centre-decision', candidates: ['a', 'b', 'c'], abstentions: 4 });
  });

  it('when nobody gets a vote in round 1 the runoff is among everyone present', () => {
    const silent = votes(1, [
      ['a', null],
      ['b', null],
      ['c', null],
      ['d', null],
    ]);
    expect(tallyRound(open(present), present, silent, 1)).toMatchObject({ state: 'runoff', candidates: ['a', 'b', 'c', 'd'] });
  });
});
