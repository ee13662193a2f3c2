import { scoringScope, StandardDocument } from '../../standards/domain/standard';
import { consolidate, DEFAULT_CONSOLIDATION, median, SheetScores, trimmedMean } from './consolidation';

/** A small standard so the worked examples can be checked by hand: item A (6 + 4) and item B (10), 20 points, pass 12. */
const standard: StandardDocument = {
  standardId: 'worked-example',
  version: '1',
  institutionKind: 'employer',
  title: '演算用标准',
  effectiveFrom: '2022-10-21',
  provisional: true,
  provenance: 'test',
  total: 20,
  passLine: 12,
  items: [
    {
      id: 'A',
      title: '考评人员',
      maxPoints: 10,
      occupationRelated: true,
      subItems: [
        { id: 'a1', title: 'a1', maxPoints: 6, method: 'materials', guidance: '', evidence: '' },
        { id: 'a2', title: 'a2', maxPoints: 4, method: 'onsite', guidance: '', evidence: '' },
      ],
    },
    {
      id: 'B',
      title: '管理制度',
      maxPoints: 10,
      occupationRelated: false,
      subItems: [{ id: 'b1', title: 'b1', maxPoints: 10, method: 'materials', guidance: '', evidence: '' }],
    },
  ],
  vetoes: [{ id: 'V1', title: '弄虚作假' }],
};
const full = scoringScope(standard, 'new-filing');

const sheet = (expertId: string, a1: number, a2: number, b1: number, vetoes: string[] = []): SheetScores => ({ expertId, scores: { a1, a2, b1 }, vetoes });

describe('consolidation (worked examples computed by hand)', () => {
  it('three members: plain mean per item, outlier flagged at more than 30% of the item max from the median', () => {
    // A = 5+3 = 8, 6+4 = 10, 2+1 = 3 → mean 21/3 = 7; median 8; |3−8| = 5 > 0.3×10 = 3 → e3 is an outlier.
    // B = 7, 6, 8 → mean 7; median 7; no outlier. Total 7 + 7 = 14 ≥ 12 → pass.
    const c = consolidate(standard, full, [sheet('e1', 5, 3, 7), sheet('e2', 6, 4, 6), sheet('e3', 2, 1, 8)]);
    expect(c.items.map((i) => [i.itemId, i.method, i.median, i.score])).toEqual([
      ['A', 'mean', 8, 7],
      ['B', 'mean', 7, 7],
    ]);
    expect(c.items[0].memberScores).toEqual([
      { expertId: 'e1', score: 8, outlier: false },
      { expertId: 'e2', score: 10, outlier: false },
      { expertId: 'e3', score: 3, outlier: true },
    ]);
    expect(c.items[1].memberScores.some((m) => m.outlier)).toBe(false);
    expect(c).toMatchObject({ rawTotal: 14, total: 14, scale: 1, passLine: 12, vetoed: false, result: 'pass' });
  });

  const five = [sheet('e1', 5, 3, 6), sheet('e2', 6, 3, 6), sheet('e3', 6, 4, 7), sheet('e4', 1, 1, 5), sheet('e5', 4, 3, 9)];

  it('five members: trimmed mean (highest and lowest dropped); a score exactly at the limit is not an outlier', () => {
    // A = 8, 9, 10, 2, 7 → sorted 2 7 8 9 10 → (7+8+9)/3 = 8; median 8; |2−8| = 6 > 3 → e4 outlier.
    // B = 6, 6, 7, 5, 9 → sorted 5 6 6 7 9 → (6+6+7)/3 = 6.333… → 6.33; median 6; |9−6| = 3, not > 3 → no outlier.
    // Total 8 + 6.33 = 14.33.
    const c = consolidate(standard, full, five);
    expect(c.items.map((i) => [i.itemId, i.method, i.median, i.score])).toEqual([
      ['A', 'trimmed-mean', 8, 8],
      ['B', 'trimmed-mean', 6, 6.33],
    ]);
    expect(c.items[0].memberScores.filter((m) => m.outlier).map((m) => m.expertId)).toEqual(['e4']);
    expect(c.items[1].memberScores.filter((m) => m.outlier)).toEqual([]);
    expect(c).toMatchObject({ rawTotal: 14.33, total: 14.33, result: 'pass' });
  });

  it('the trim threshold and the outlier share are configuration', () => {
    // No trimming below 7 members: A = 36/5 = 7.2, B = 33/5 = 6.6 → 13.8. Limit 0.7×10 = 7: |2−8| = 6 is no outlier.
    const c = consolidate(standard, full, five, { trimFromMembers: 7, outlierShareOfMax: 0.7 });
    expect(c.items.map((i) => [i.method, i.score])).toEqual([
      ['mean', 7.2],
      ['mean', 6.6],
    ]);
    expect(c.items.flatMap((i) => i.memberScores).some((m) => m.outlier)).toBe(false);
    expect(c.rawTotal).toBe(13.8);
  });

  it('one veto fails the case whatever the total', () => {
    const vetoed = five.map((s) => (s.expertId === 'e4' ? { ...s, vetoes: ['V1'] } : s));
    const c = consolidate(standard, full, vetoed);
    expect(c.total).toBe(14.33);
    expect(c.total).toBeGreaterThanOrEqual(c.passLine);
    expect(c).toMatchObject({ vetoed: true, result: 'fail', vetoes: [{ vetoId: 'V1', title: '弄虚作假', flaggedBy: ['e4'] }] });
  });

  it('a total below the pass line fails', () => {
    // A = 4, 5, 3 → 4; B = 6, 7, 8 → 7; total 11 < 12.
    const c = consolidate(standard, full, [sheet('e1', 2, 2, 6), sheet('e2', 3, 2, 7), sheet('e3', 2, 1, 8)]);
    expect(c).toMatchObject({ rawTotal: 11, result: 'fail', vetoed: false });
  });

  it('an add-occupation case is scored on the occupation items only, scaled to the total', () => {
    // Scope: item A only (10 points); scale 20 / 10 = 2. A = 8, 10, 3 → 7 → total 14 ≥ 12. B is not in the result.
    const scope = scoringScope(standard, 'add-occupation');
    expect(scope).toMatchObject({ scopeMax: 10, scale: 2, occupationOnly: true });
    const c = consolidate(standard, scope, [sheet('e1', 5, 3, 0), sheet('e2', 6, 4, 0), sheet('e3', 2, 1, 0)]);
    expect(c.items.map((i) => i.itemId)).toEqual(['A']);
    expect(c).toMatchObject({ rawTotal: 7, scopeMax: 10, total: 14, result: 'pass' });
  });

  it('median and trimmed mean of small lists', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(trimmedMean([1, 2, 3, 4, 100])).toBe(3);
    expect(DEFAULT_CONSOLIDATION).toEqual({ trimFromMembers: 5, outlierShareOfMax: 0.3 });
  });
});
