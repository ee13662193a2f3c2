import { currentMembers, GroupFormation, MemberReplacement } from './expert-group';

const formed: GroupFormation = {
  groupId: 'g1',
  formedAt: '2025-10-20T02:00:00.000Z',
  members: [
    { expertId: 'a', name: '王建国' },
    { expertId: 'b', name: '李秀兰' },
    { expertId: 'c', name: '张志强' },
  ],
};
const replaced = (replacedExpertId: string, by: string, at: string, groupId = 'g1'): MemberReplacement => ({
  groupId,
  replacedExpertId,
  replacement: { expertId: by, name: `专家${by}` },
  replacedAt: at,
});

describe('the expert group intake keeps', () => {
  it('has no members before the kick-off', () => {
    expect(currentMembers(null, [replaced('a', 'd', '2025-10-20T01:00:00.000Z')])).toEqual([]);
  });

  it('takes the formed list as it is: a decline before the kick-off is already reflected in it', () => {
    expect(currentMembers(formed, [replaced('x', 'a', '2025-10-20T01:00:00.000Z')]).map((m) => m.expertId)).toEqual(['a', 'b', 'c']);
  });

  it('applies recusals after the kick-off in time order, whichever event arrived first', () => {
    const later = [
      replaced('b', 'e', '2025-10-22T01:00:00.000Z'),
      replaced('a', 'd', '2025-10-21T01:00:00.000Z'),
      replaced('d', 'f', '2025-10-23T01:00:00.000Z'),
    ];
    expect(currentMembers(formed, later).map((m) => m.expertId)).toEqual(['f', 'e', 'c']);
    expect(currentMembers(formed, [...later].reverse()).map((m) => m.expertId)).toEqual(['f', 'e', 'c']);
  });

  it('ignores a replacement of another group or of someone not in the group', () => {
    expect(
      currentMembers(formed, [replaced('a', 'd', '2025-10-21T01:00:00.000Z', 'g0'), replaced('z', 'd', '2025-10-21T01:00:00.000Z')]).map((m) => m.expertId),
    ).toEqual(['a', 'b', 'c']);
  });
});
