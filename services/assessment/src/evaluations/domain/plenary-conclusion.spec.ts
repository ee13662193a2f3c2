import { concludePlenary, PlenaryFacts, PlenaryInput } from './plenary-conclusion';

const members = ['E1', 'E2', 'E3', 'E4', 'E5'].map((expertId, i) => ({ expertId, name: `专家${i + 1}`, occupationCodes: [] }));
const lathe = { code: '6-18-01-01', name: '车工', levels: [5, 4, 3, 2] };
const welder = { code: '6-18-02-04', name: '焊工', levels: [5, 4] };

const facts = (over: Partial<PlenaryFacts> = {}): PlenaryFacts => ({
  members,
  leaderExpertId: 'E1',
  applied: [lathe, welder],
  scoreResult: 'pass',
  vetoed: false,
  today: '2025-10-10',
  ...over,
});

const input = (over: Partial<PlenaryInput> = {}): PlenaryInput => ({
  meeting: { date: '2025-10-10', place: '长春市人民大街 3288 号 5 楼会议室', attendees: ['E1', 'E2', 'E3', 'E4'] },
  result: 'pass',
  occupations: [
    { code: lathe.code, levels: [5, 4, 3], reason: '二级（技师）考评员不足' },
    { code: welder.code, levels: [], reason: '焊接实操工位不足' },
  ],
  ...over,
});

const problems = (i: PlenaryInput, f = facts()) => {
  const r = concludePlenary(i, f);
  if (r.ok) throw new Error('expected a refusal');
  return r.problems;
};

describe('the plenary conclusion (综合评审会)', () => {
  it('passes 车工 at levels 5–3 and not 焊工, with the meeting and its attendees named', () => {
    const r = concludePlenary(input(), facts());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.conclusion.occupationOutcomes).toEqual([
      { code: lathe.code, name: '车工', result: 'pass', appliedLevels: [5, 4, 3, 2], levels: [5, 4, 3], reason: '二级（技师）考评员不足' },
      { code: welder.code, name: '焊工', result: 'fail', appliedLevels: [5, 4], levels: [], reason: '焊接实操工位不足' },
    ]);
    expect(r.conclusion.meeting.attendees.map((a) => a.name)).toEqual(['专家1', '专家2', '专家3', '专家4']);
    expect(r.conclusion).toMatchObject({ result: 'pass', scoreResult: 'pass' });
    expect(r.conclusion.overrideReason).toBeUndefined();
  });

  it('refuses a result that departs from the score arithmetic without a reason, and keeps the reason when given', () => {
    const failAll = [
      { code: lathe.code, levels: [], reason: '考评员不足' },
      { code: welder.code, levels: [], reason: '工位不足' },
    ];
    expect(problems(input({ result: 'fail', occupations: failAll }))).toEqual([expect.stringContaining('overrideReason')]);
    expect(problems(input({ result: 'fail', occupations: failAll, overrideReason: '   ' }))).toEqual([expect.stringContaining('须写明理由')]);
    const r = concludePlenary(input({ result: 'fail', occupations: failAll, overrideReason: '现场发现考核场地系临时租用' }), facts());
    expect(r.ok && r.conclusion).toMatchObject({ result: 'fail', scoreResult: 'pass', overrideReason: '现场发现考核场地系临时租用' });
  });

  it('never passes over a veto (一票否决), whatever the reason', () => {
    expect(problems(input({ overrideReason: '否决项情况已整改' }), facts({ scoreResult: 'fail', vetoed: true }))).toEqual([
      expect.stringContaining('一票否决'),
    ]);
  });

  it('needs one outcome per applied occupation, within the applied levels, with a reason for what did not pass', () => {
    expect(problems(input({ occupations: [{ code: lathe.code, levels: [5, 4, 3, 2] }] }))).toEqual([expect.stringContaining('缺少申报职业 焊工')]);
    expect(
      problems(
        input({
          occupations: [
            { code: lathe.code, levels: [5, 4, 3, 2, 1] },
            { code: welder.code, levels: [5, 4] },
            { code: '4-07-05-02', levels: [5] },
          ],
        }),
      ),
    ).toEqual([expect.stringContaining('4-07-05-02 不是本案申报的职业'), expect.stringContaining('未申报等级 1')]);
    expect(
      problems(
        input({
          occupations: [
            { code: lathe.code, levels: [5, 4, 3] },
            { code: welder.code, levels: [] },
          ],
        }),
      ),
    ).toEqual([expect.stringContaining('车工 6-18-01-01 未全部通过'), expect.stringContaining('焊工 6-18-02-04 不通过，须写明理由')]);
  });

  it('keeps the result consistent with the occupations: pass needs one passed, fail allows none', () => {
    const none = [
      { code: lathe.code, levels: [], reason: 'a' },
      { code: welder.code, levels: [], reason: 'b' },
    ];
    expect(problems(input({ occupations: none }))).toEqual([expect.stringContaining('没有任何职业通过')]);
    expect(problems(input({ result: 'fail', overrideReason: '理由' }))).toEqual([expect.stringContaining('不能有通过的职业')]);
  });

  it('needs the leader and more than half of the group at the meeting, all of them members, on a day not to come', () => {
    expect(problems(input({ meeting: { date: '2025-10-11', attendees: ['E2', 'E3', 'X9'] } }))).toEqual([
      expect.stringContaining('X9 不是专家组成员'),
      expect.stringContaining('组长须出席'),
      expect.stringContaining('晚于今天'),
    ]);
    expect(problems(input({ meeting: { date: '2025-10-09', attendees: ['E1', 'E2'] } }))).toEqual([expect.stringContaining('未超过专家组 5 人的半数')]);
  });
});
