import { batchListProblem, batchNoticesProblem, batchTitle, commonWindow, MAX_NOTICES_PER_BATCH, BatchCandidate } from './notice-batch';

const n = (id: string, over: Partial<BatchCandidate> = {}): BatchCandidate => ({
  id,
  jurisdiction: '220100',
  status: 'open',
  endDate: '2025-10-13',
  institutionName: `机构${id}`,
  inBatch: null,
  ...over,
});
const cityStaff = (j: string) => j === '220100';

describe('notice batch rules', () => {
  it('refuses an empty list, a notice listed twice and more than the cap', () => {
    expect(batchListProblem([])).toMatchObject({ kind: 'invalid', code: 'NOTICE_BATCH_EMPTY' });
    expect(batchListProblem(['a', 'b', 'a'])).toMatchObject({ code: 'NOTICE_BATCH_DUPLICATE_NOTICE', noticeIds: ['a'] });
    const many = Array.from({ length: MAX_NOTICES_PER_BATCH + 1 }, (_, i) => `n${i}`);
    expect(batchListProblem(many)).toMatchObject({ code: 'NOTICE_BATCH_TOO_LARGE' });
    expect(batchListProblem(many.slice(1))).toBeUndefined();
  });

  it('refuses an unknown notice and one of another jurisdiction alike, mixed jurisdictions, closed and batched notices', () => {
    const today = '2025-10-01';
    expect(batchNoticesProblem(['a', 'b'], [n('a')], cityStaff, today)).toMatchObject({ kind: 'not-found', noticeIds: ['b'] });
    expect(batchNoticesProblem(['a', 'b'], [n('a'), n('b', { jurisdiction: '220200' })], cityStaff, today)).toMatchObject({
      kind: 'not-found',
      code: 'NOTICE_BATCH_NOTICE_NOT_FOUND',
      noticeIds: ['b'],
    });
    expect(batchNoticesProblem(['a', 'b'], [n('a'), n('b', { jurisdiction: '220200' })], () => true, today)).toMatchObject({
      kind: 'rule',
      code: 'NOTICE_BATCH_MIXED_JURISDICTIONS',
    });
    expect(batchNoticesProblem(['a', 'b'], [n('a'), n('b', { status: 'closed' })], cityStaff, today)).toMatchObject({
      kind: 'conflict',
      code: 'NOTICE_BATCH_NOTICE_NOT_OPEN',
      noticeIds: ['b'],
    });
    // Open still, but the window is over (the scheduler has not closed it yet): as closed.
    expect(batchNoticesProblem(['a'], [n('a')], cityStaff, '2025-10-14')).toMatchObject({ code: 'NOTICE_BATCH_NOTICE_NOT_OPEN' });
    expect(batchNoticesProblem(['a', 'b'], [n('a'), n('b', { inBatch: '公示〔2025〕第3号' })], cityStaff, today)).toMatchObject({
      code: 'NOTICE_BATCH_NOTICE_ALREADY_BATCHED',
      noticeIds: ['b'],
      message: expect.stringContaining('公示〔2025〕第3号'),
    });
    expect(batchNoticesProblem(['b', 'a'], [n('a'), n('b')], cityStaff, today)).toBeUndefined();
  });

  it('finds the common window, or none when any row differs', () => {
    const w = { startDate: '2025-09-29', endDate: '2025-10-13', workingDays: 5 };
    expect(commonWindow([w, { ...w }])).toEqual(w);
    expect(commonWindow([w, { ...w, endDate: '2025-10-14' }])).toBeNull();
  });

  it('titles the 公示 by its first institution and the count', () => {
    expect(batchTitle([{ institutionName: '甲公司', applicationKind: 'new-filing' }])).toBe('关于甲公司职业技能等级认定机构备案技术评估结果的公示');
    expect(
      batchTitle([
        { institutionName: '甲公司', applicationKind: 'new-filing' },
        { institutionName: '乙公司', applicationKind: 'new-filing' },
        { institutionName: '丙公司', applicationKind: 'add-occupation' },
      ]),
    ).toBe('关于甲公司等3家机构职业技能等级认定机构备案及增加认定职业技术评估结果的公示');
  });
});
